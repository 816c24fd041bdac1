import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExchangeEvent } from "../store/index.js";
import { mapView, placeLabels } from "./figures/map.js";
import { loadShapes } from "./figures/shapes.js";
import { timelineBars } from "./figures/timeline.js";
import { renderHtml } from "./html.js";
import { addToIncidents, contested, deadliest, mostCorroborated, type Incident } from "./incidents.js";
import { escapeMarkdown, renderMarkdown } from "./markdown.js";
import { choosePeriods } from "./period.js";

describe("choosePeriods", () => {
  it("takes the days asked for, else the last 30 days up to the latest event, never past today", () => {
    expect(choosePeriods({ since: "2026-03-01", until: "2026-03-14" }, "2026-05-01", "2026-11-26")).toMatchObject({
      current: { since: "2026-03-01", until: "2026-03-14", days: 14 }, previous: { since: "2026-02-15", until: "2026-02-28", days: 14 },
    });
    expect(choosePeriods({}, "2026-03-11", "2026-11-26").current).toEqual({ since: "2026-02-10", until: "2026-03-11", days: 30 });
    expect(choosePeriods({}, "2124-01-01", "2026-11-26").current.until).toBe("2026-11-26");
    expect(choosePeriods({ until: "2026-01-31" }, null, "2026-11-26").current).toEqual({ since: "2026-01-02", until: "2026-01-31", days: 30 });
    expect(choosePeriods({ since: "2026-03-01" }, "2026-03-20", "2026-11-26").previous).toEqual({ since: "2026-02-09", until: "2026-02-28", days: 20 });
  });
});

describe("escaping", () => {
  it("leaves no markup of a document's text live in Markdown", () => {
    expect(escapeMarkdown("<script>alert(1)</script> & **bold** [x](javascript:y)")).toBe("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\*\\*bold\\*\\* \\[x\\](javascript:y)");
    expect(renderMarkdown([{ kind: "paragraph", parts: ["# not a heading\n- nor a list"] }, { kind: "paragraph", parts: ["1. nor this"] }], () => ""))
      .toBe("\\# not a heading - nor a list\n\n1\\. nor this\n");
    expect(renderMarkdown([{ kind: "paragraph", parts: [{ link: "https://a.example/x (1)", text: "t|t" }] }], () => "")).toBe("[t\\|t](https://a.example/x%20%281%29)\n");
  });

  it("escapes text and attributes in HTML", () => {
    const html = renderHtml([{ kind: "quote", text: `"><img src=x onerror=alert(1)>`, by: [{ link: `https://a.example/"x`, text: "<b>" }] }], { map: "", network: "", timeline: "" });
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain(`<a href="https://a.example/&quot;x" rel="noreferrer noopener">&lt;b&gt;</a>`);
    expect(html).not.toMatch(/<img|<b>/);
  });
});

describe("timelineBars", () => {
  it("lists every day or week of the period, empty ones as 0", () => {
    const series = { interval: "week" as const, by: "none" as const, series: [{ key: "all", points: [{ period: "2026-03-02", events: 3, fatalities: 1 }] }] };
    expect(timelineBars(series, "2026-03-01", "2026-03-14")).toEqual([
      { period: "2026-02-23", events: 0 }, { period: "2026-03-02", events: 3 }, { period: "2026-03-09", events: 0 },
    ]);
  });
});

let nextId = 1;
function event(fields: Partial<ExchangeEvent> & { doc: number; speaker?: ExchangeEvent["claimSource"] }): ExchangeEvent {
  const { doc, speaker = null, ...rest } = fields;
  const id = nextId++;
  return {
    id, documentId: doc, localId: `e${id}`, type: "ASSAULT", mode: null, modality: "asserted", dateStart: "2026-03-02", dateEnd: "2026-03-02",
    country: "AFG", admin1: "Kandahar", place: "Kandahar", lat: 31.6, lon: 65.7, fatalitiesLow: null, fatalitiesHigh: null,
    actors: ["rebels"], recipients: ["police"], claim: null, evidence: [[0, 5]], sentence: `sentence ${id}`,
    admin2: null, precision: "admin1", injuriesLow: null, injuriesHigh: null, actorParties: [], recipientParties: [], claimSource: speaker,
    document: { id: doc, title: `doc ${doc}`, url: null, source: "test", published: "2026-03-03", key: `d${doc}`, contentHash: "", retrievedAt: "" },
    ...rest,
  };
}

describe("incidents", () => {
  it("folds reports of one type, day and place; finds tolls that disagree, denials and anonymous-only events", () => {
    const anonymous = { speaker: "security sources", kind: "anonymous_official" as const, name: null, hedged: false };
    const incidents = new Map<string, Incident>();
    for (const e of [
      event({ doc: 1, fatalitiesLow: 4, fatalitiesHigh: 4 }),
      event({ doc: 2, fatalitiesLow: 9, fatalitiesHigh: 9, speaker: anonymous }),
      event({ doc: 3, type: "REJECT", actors: ["army"] }),
      event({ doc: 4, place: "Gao", admin1: "Gao", country: "MLI", fatalitiesLow: 12, fatalitiesHigh: null, speaker: anonymous }),
      event({ doc: 5, place: null, admin1: null, fatalitiesLow: 1, fatalitiesHigh: 1 }),
    ]) addToIncidents(incidents, e);
    expect(incidents.size).toBe(4);
    const kandahar = [...incidents.values()].find((i) => i.type === "ASSAULT" && i.place === "Kandahar");
    expect([kandahar?.documents, kandahar?.fatalities]).toEqual([2, { low: 4, high: 9 }]);
    expect(deadliest(incidents.values(), 2).map((i) => i.place)).toEqual(["Gao", "Kandahar"]);
    expect(mostCorroborated(incidents.values(), 5)).toEqual([kandahar]);
    const found = contested(incidents.values(), 5);
    expect(found.tolls).toEqual([kandahar]);
    expect(found.denials.map((d) => [d.asserted, d.denials.map((r) => r.document.id)])).toEqual([[kandahar, [3]]]);
    expect(found.anonymousOnly.map((i) => i.place)).toEqual(["Gao"]);
    expect(found.counts).toEqual({ tolls: 1, denials: 1, anonymousOnly: 1 });
  });
});

describe("loadShapes", () => {
  it("decodes quantised arcs into rings, and sorts the divisions' arcs into borders (two countries, or a coast) and inner lines", async () => {
    // Three squares in a row: A1 and A2 of country AAA, B1 of BBB. Arcs: 0 the line A1|A2,
    // 1 the line A2|B1, 2 A1's outer edge, 3 A2's outer edges, 4 B1's outer edge.
    const topology = {
      type: "Topology", transform: { scale: [1, 1], translate: [10, 20] },
      arcs: [[[1, 0], [0, 1]], [[2, 0], [0, 1]], [[1, 1], [-1, 0], [0, -1], [1, 0]], [[1, 0], [1, 0], [0, 1], [-1, 0]], [[2, 1], [1, 0], [0, -1], [-1, 0]]],
      objects: {
        admin1: { type: "GeometryCollection", geometries: [
          { type: "Polygon", arcs: [[2, 0]], properties: { c: "AAA", n: "A1" } },
          { type: "Polygon", arcs: [[~0, 3, ~1]], properties: { c: "AAA", n: "A2" } },
          { type: "Polygon", arcs: [[1, 4]], properties: { c: "BBB", n: "B1" } },
        ] },
        countries: { type: "GeometryCollection", geometries: [{ type: "Polygon", arcs: [[4, 1]], properties: { c: "BBB", n: "Beebee" } }] },
      },
    };
    const dir = await mkdtemp(join(tmpdir(), "sitrep-shapes-"));
    try {
      await writeFile(join(dir, "t.topo.json"), JSON.stringify(topology));
      const shapes = await loadShapes(join(dir, "t.topo.json"));
      expect(shapes.admin1.map((d) => [d.code, d.name, d.box])).toEqual([["AAA", "A1", [10, 20, 11, 21]], ["AAA", "A2", [11, 20, 12, 21]], ["BBB", "B1", [12, 20, 13, 21]]]);
      expect(shapes.admin1[0]?.rings).toEqual([[[11, 21], [10, 21], [10, 20], [11, 20], [11, 21]]]);
      expect(shapes.divisions.map((l) => l.points)).toEqual([[[11, 20], [11, 21]]]);
      expect(shapes.borders).toHaveLength(4);
      expect(shapes.borders.map((l) => l.points[0])).toContainEqual([12, 20]);
      expect(shapes.countries.map((c) => c.name)).toEqual(["Beebee"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("report map view", () => {
  const shape = (code: string, box: [number, number, number, number]) => ({ code, name: code, rings: [], box });
  const point = (lon: number, lat: number) => ({ lon, lat, name: "p", events: 1, fatalities: 0 });
  const inside = (v: number[], b: number[]) => (v[0] as number) <= (b[0] as number) && (v[1] as number) <= (b[1] as number) && (v[2] as number) >= (b[2] as number) && (v[3] as number) >= (b[3] as number);
  it("shows the whole of the country a report is about, not only its events' corner", () => {
    const sudan = shape("SDN", [21.8, 8.7, 38.6, 22.2]);
    const darfur = [point(25.3, 13.6), point(24.9, 12.0)];
    expect(inside(mapView(darfur, [sudan]), sudan.box)).toBe(false);
    expect(inside(mapView(darfur, [sudan], [sudan]), sudan.box)).toBe(true);
  });
  it("frames no country that spans half the globe", () => {
    const russia = shape("RUS", [-180, 41, 180, 82]);
    const view = mapView([point(35.0, 51.5)], [russia], [russia]);
    expect((view[2] as number) - (view[0] as number)).toBeLessThan(60);
  });
  it("places the labels of nearby places apart, the busiest first, and leaves out one with no room", () => {
    const labels = placeLabels([
      { x: 300, y: 200, r: 10, text: "El Fasher" }, { x: 290, y: 202, r: 8, text: "North Darfur" },
      { x: 296, y: 199, r: 4, text: "Tawila" }, { x: 305, y: 205, r: 4, text: "Kutum" }, { x: 302, y: 198, r: 4, text: "Mellit" },
    ]);
    expect(labels[0]).toMatchObject({ text: "El Fasher", anchor: "start" });
    expect(labels[1]).toMatchObject({ text: "North Darfur", anchor: "end" });
    const box = (l: { x: number; y: number; anchor: string; text: string }) => {
      const w = l.text.length * 6.2, left = l.anchor === "end" ? l.x - w : l.x;
      return [left, l.y - 10, left + w, l.y + 3] as const;
    };
    for (const a of labels) for (const b of labels) {
      if (a === b) continue;
      const [p, q] = [box(a), box(b)];
      expect(p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3]).toBe(false);
    }
    expect(labels.length).toBeLessThan(5);
  });
});
