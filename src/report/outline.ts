/** The report's sections as blocks (blocks.ts), from what gather.ts read. */
import type { SpeakerKind } from "../core/index.js";
import type { NetworkEdge } from "../store/index.js";
import { safeUrl, type Block, type Inline } from "./blocks.js";
import type { Totals } from "./digest.js";
import type { Report, ReportFilters } from "./gather.js";
import type { Incident, IncidentReport } from "./incidents.js";

const RELATION_ROWS = 10;

/** The report as blocks, in reading order. */
export function outline(report: Report): Block[] {
  return [...headline(report), ...actors(report), ...notable(report), ...contestedBlocks(report), ...whereWhen(report), ...method()];
}

/** The filters in words ("AFG, type ASSAULT"), or "all events". */
export function describeFilters(filters: ReportFilters): string {
  const parts: string[] = [];
  if (filters.country) parts.push(filters.country.toUpperCase());
  if (filters.admin1) parts.push(filters.admin1);
  if (filters.type) parts.push(`type ${filters.type}`);
  if (filters.actor) parts.push(`actor ${filters.actor}`);
  if (filters.modality) parts.push(`${filters.modality} events`);
  if (filters.text) parts.push(`text "${filters.text}"`);
  return parts.length === 0 ? "all events" : parts.join(", ");
}

/** Deaths as a range ("19–24"), "at least" when a toll has no upper bound. */
export function fatalitiesText(t: Pick<Totals, "fatalitiesLow" | "fatalitiesHigh" | "openEnded">): string {
  const range = t.fatalitiesHigh > t.fatalitiesLow ? `${t.fatalitiesLow}–${t.fatalitiesHigh}` : String(t.fatalitiesLow);
  return t.openEnded > 0 ? `at least ${range}` : range;
}

/** The change from `before` to `now`, with its share ("+3 (+60%)"). */
export function changeText(now: number, before: number): string {
  if (now === before) return "no change";
  const sign = now > before ? "+" : "−";
  const share = before === 0 ? "none before" : `${sign}${Math.round((Math.abs(now - before) / before) * 100)}%`;
  return `${sign}${Math.abs(now - before)} (${share})`;
}

function headline(r: Report): Block[] {
  const { current: c, previous: p, periods } = r;
  const span = (x: { since: string; until: string; days: number }): string => `${x.since} to ${x.until} (${x.days} days)`;
  const list = (rows: Array<{ key: string; count: number }>): string => rows.slice(0, 8).map((x) => `${x.key} ${x.count}`).join(", ") || "none";
  return [
    { kind: "heading", level: 1, text: `Situation report: ${describeFilters(r.filters)}, ${periods.current.since} to ${periods.current.until}` },
    { kind: "paragraph", parts: [`Period: ${span(periods.current)}, ${periods.chosen}. Compared with the ${periods.previous.days} days before: ${span(periods.previous)}. Made ${r.generated.slice(0, 16).replace("T", " ")} UTC by Sitrep from the archive's extracted events.`] },
    { kind: "heading", level: 2, text: "Headline figures" },
    {
      kind: "table", head: ["", "this period", "previous period", "change"], numeric: [1, 2],
      rows: [
        ["Events reported", String(c.events), String(p.events), changeText(c.events, p.events)],
        ["Incidents (reports of one type, day and place as one)", String(c.incidents), String(p.incidents), changeText(c.incidents, p.incidents)],
        ["Fatalities (lowest–highest figures)", fatalitiesText(c), fatalitiesText(p), changeText(c.fatalitiesLow, p.fatalitiesLow)],
        ["Incidents with a death toll", String(c.withToll), String(p.withToll), changeText(c.withToll, p.withToll)],
      ],
    },
    { kind: "paragraph", parts: [{ strong: "By type:" }, ` ${list(r.byType)}. `, { strong: "By modality:" }, ` ${list(r.byModality)}. `, { strong: "By country:" }, ` ${list(r.byCountry)}.`] },
  ];
}

function actors(r: Report): Block[] {
  const blocks: Block[] = [{ kind: "heading", level: 2, text: "Main actors and relations" }];
  if (r.actors.length === 0) return [...blocks, { kind: "paragraph", parts: ["No actor takes part in the period's events."] }];
  blocks.push({
    kind: "table", head: ["actor", "kind", "country", "events", "acting", "acted on"], numeric: [3, 4, 5],
    rows: r.actors.map((a) => [a.name, a.kind.replace(/_/g, " "), a.country ?? "", String(a.events), String(a.initiated), String(a.targeted)]),
  });
  const name = (id: string): string => r.network.nodes.find((n) => n.id === id)?.name ?? id;
  const edgeText = (e: NetworkEdge): Inline[] => e.kind === "event"
    ? [{ strong: name(e.source) }, ` → ${name(e.target)}: ${e.type ?? "event"} ×${e.count}`]
    : [{ strong: name(e.source) }, ` ${e.kind.replace(/_/g, " ")} ${name(e.target)} (standing relation, ${e.count} ${e.count === 1 ? "statement" : "statements"})`];
  const edges = [...r.network.edges].sort((a, b) => b.count - a.count).slice(0, RELATION_ROWS);
  if (edges.length > 0) blocks.push({ kind: "paragraph", parts: ["Who did what to whom, the most frequent first:"] }, { kind: "list", items: edges.map(edgeText) });
  const sample = r.network.truncated ? ` (drawn from the latest ${r.network.events} events)` : "";
  blocks.push({ kind: "figure", name: "network", caption: `The ${r.network.nodes.length} most active actors and what links them${sample}.` });
  return blocks;
}

const SPEAKER_KINDS: Record<SpeakerKind, string> = {
  named_official: "named official", anonymous_official: "anonymous official", named_person: "named person", expert: "expert",
  organization: "organisation", media: "media", witness: "witness", anonymous_source: "anonymous source", unattributed: "unattributed",
};

/** One line on an incident: what, when, where, who, the toll, how many documents. */
export function incidentLine(i: Incident): Inline[] {
  const where = [i.place, i.admin1 !== i.place ? i.admin1 : null, i.country].filter((x): x is string => Boolean(x)).join(", ");
  const toll = i.fatalities === null ? "" : `; ${i.fatalities.high === null ? `at least ${i.fatalities.low}` : i.fatalities.high > i.fatalities.low ? `${i.fatalities.low}–${i.fatalities.high}` : i.fatalities.low} killed`;
  const who = i.actors.length + i.recipients.length > 0 ? `; ${i.actors.join(", ") || "?"} → ${i.recipients.join(", ") || "?"}` : "";
  return [{ strong: `${i.type} ${i.date ?? "(undated)"}${where ? ` at ${where}` : ""}` }, `${who}${toll}; ${i.documents} ${i.documents === 1 ? "document" : "documents"}`];
}

/** A report quoted: its sentence, then who said it (hedged or not), its toll, and the document. */
export function quoteOf(r: IncidentReport): Block {
  const by: Inline[] = [];
  by.push(r.speaker === null ? "the document's own words" : `${r.speaker.text} (${SPEAKER_KINDS[r.speaker.kind]}${r.speaker.hedged ? ", hedged" : ""})`);
  if (r.modality !== "asserted") by.push(`, ${r.modality}`);
  if (r.fatalitiesLow !== null) by.push(`, toll ${r.fatalitiesHigh === null ? `at least ${r.fatalitiesLow}` : r.fatalitiesHigh > r.fatalitiesLow ? `${r.fatalitiesLow}–${r.fatalitiesHigh}` : r.fatalitiesLow}`);
  by.push(" · ");
  const title = r.document.title ?? r.document.url ?? r.document.source;
  const url = safeUrl(r.document.url);
  by.push(url ? { link: url, text: title } : { em: title });
  if (url === null && r.document.url !== null) by.push(` (${r.document.url})`);
  if (r.document.published) by.push(`, ${r.document.published}`);
  by.push(` (event e${r.eventId})`);
  return { kind: "quote", text: r.sentence, by };
}

/** Incidents, each a line and its reports quoted; those in `quoted` (listed above) only by their line. */
function incidentBlocks(list: readonly Incident[], none: string, quoted: readonly Incident[] = []): Block[] {
  if (list.length === 0) return [{ kind: "paragraph", parts: [none] }];
  return list.flatMap((i) => quoted.includes(i)
    ? [{ kind: "paragraph", parts: [...incidentLine(i), { em: " (quoted above)" }] } as Block]
    : [{ kind: "paragraph", parts: incidentLine(i) } as Block, ...i.reports.slice(0, 4).map(quoteOf)]);
}

function notable(r: Report): Block[] {
  return [
    { kind: "heading", level: 2, text: "Notable events" },
    { kind: "heading", level: 3, text: "Deadliest" },
    ...incidentBlocks(r.deadliest, "No event of the period has a death toll."),
    { kind: "heading", level: 3, text: "Most corroborated" },
    ...incidentBlocks(r.corroborated, "No event of the period is reported by more than one document.", r.deadliest),
  ];
}

function contestedBlocks(r: Report): Block[] {
  const { tolls, denials, anonymousOnly, counts } = r.contested;
  const more = (shown: number, all: number): Block[] => (all > shown ? [{ kind: "paragraph", parts: [{ em: `and ${all - shown} more` }] }] : []);
  return [
    { kind: "heading", level: 2, text: "What is contested" },
    { kind: "heading", level: 3, text: `Tolls that disagree (${counts.tolls})` },
    ...incidentBlocks(tolls, "No two reports of the same event give different tolls."), ...more(tolls.length, counts.tolls),
    { kind: "heading", level: 3, text: `Denials beside assertions (${counts.denials})` },
    ...(denials.length === 0
      ? [{ kind: "paragraph", parts: ["No report denies or rejects an event another document asserts."] } as Block]
      : denials.flatMap((d) => [
        { kind: "paragraph", parts: incidentLine(d.asserted) } as Block,
        ...d.asserted.reports.filter((x) => !d.denials.includes(x)).slice(0, 3).map(quoteOf),
        { kind: "paragraph", parts: [{ strong: "Denied or rejected:" }] } as Block,
        ...d.denials.slice(0, 3).map(quoteOf),
      ])), ...more(denials.length, counts.denials),
    { kind: "heading", level: 3, text: `Resting only on anonymous sources (${counts.anonymousOnly})` },
    ...(anonymousOnly.length === 0
      ? [{ kind: "paragraph", parts: ["No event of the period rests only on anonymous or unattributed sources."] } as Block]
      : anonymousOnly.flatMap((i) => [{ kind: "flag", parts: ["Anonymous sources only: ", ...incidentLine(i)] } as Block, ...i.reports.slice(0, 3).map(quoteOf)])),
    ...more(anonymousOnly.length, counts.anonymousOnly),
  ];
}

function whereWhen(r: Report): Block[] {
  const { since, until } = r.periods.current;
  const located = r.points.reduce((n, p) => n + p.events, 0);
  return [
    { kind: "heading", level: 2, text: "Map" },
    { kind: "figure", name: "map", caption: `${located} of ${r.current.incidents} incidents have coordinates, at ${r.points.length} places; countries shaded by their events.` },
    { kind: "heading", level: 2, text: "Timeline" },
    { kind: "figure", name: "timeline", caption: `Events per ${r.timeline.interval} from ${since} to ${until} (by the first day of each event; undated events are left out).` },
  ];
}

function method(): Block[] {
  return [
    { kind: "heading", level: 2, text: "How this report is made" },
    { kind: "list", items: [
      ["Events are those Sitrep extracted from the archive's documents, each with the sentence it rests on; reports of the same PLOVER type on the same day at the same place (a place or province, not just a country) are taken as one incident."],
      ["Fatalities add up the incidents' lowest and highest figures, so a death reported by two documents counts once; where reports disagree, the range spans them."],
      ["A denial is a report that the event did not happen, or a rejection (PLOVER REJECT) at the same place on the same day, beside another document asserting it."],
      ["Anonymous sources are anonymous officials, anonymous sources and unattributed claims (\"it was reported\"); an incident is flagged when every report of it rests on one."],
    ] },
  ];
}
