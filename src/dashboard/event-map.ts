/**
 * The map: countries and first-level divisions from the shipped Natural Earth shapes
 * (data/shapes/world.topo.json, no tile server), events as points clustered on screen, coloured by
 * PLOVER type and sized by deaths. Pan and zoom with the mouse; a click on a point opens its
 * evidence, on a cluster zooms in (or lists events that share one spot), on a shape filters to it.
 */
import { geoArea, geoNaturalEarth1, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { select } from "d3-selection";
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from "d3-zoom";
import { feature, mesh } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { FeatureCollection, Geometry } from "geojson";
import shapesUrl from "../../data/shapes/world.topo.json?url";
import type { ApiEvent } from "./api-types.js";
import { clusterPoints, type Cluster } from "./cluster.js";
import { typeColor } from "./colors.js";
import { count, fill, h, s } from "./dom.js";
import { deaths, placeLabel } from "./format.js";
import type { ViewState } from "./view-state.js";

const WIDTH = 960;
const HEIGHT = 480;
/** Points closer than this many pixels merge into a cluster. */
const CLUSTER_RADIUS = 14;

interface ShapeProps {
  c: string;
  n: string;
}
type Shapes = FeatureCollection<Geometry, ShapeProps>;
type WorldTopology = Topology<{ countries: GeometryCollection<ShapeProps>; admin1: GeometryCollection<ShapeProps> }>;

export interface MapCallbacks {
  openEvent(id: number): void;
  listEvents(title: string, events: readonly ApiEvent[]): void;
}

/** Radius of a single event's point: grows with the square root of its deaths (area ∝ deaths). */
export function pointRadius(fatalities: number | null): number {
  return Math.min(28, 4 + 1.6 * Math.sqrt(fatalities ?? 0));
}

/** The most frequent type among events (ties to the deadliest), for a cluster's colour. */
function dominantType(events: readonly ApiEvent[]): string {
  const tally = new Map<string, number>();
  for (const e of events) tally.set(e.type, (tally.get(e.type) ?? 0) + 1 + deaths(e) / 1e6);
  return [...tally].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
}

/** The country code of a division in the topology. */
function codeOf(g: { properties?: unknown }): string | undefined {
  return (g.properties as ShapeProps | undefined)?.c;
}

/** A country's largest polygon: France is framed by France, not by its overseas regions too. */
function mainland(geometry: Geometry): GeoPermissibleObjects {
  if (geometry.type !== "MultiPolygon") return geometry as GeoPermissibleObjects;
  const polygons = geometry.coordinates.map((coordinates) => ({ type: "Polygon" as const, coordinates }));
  return polygons.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a), polygons[0]!);
}

export class EventMap {
  readonly #state: ViewState;
  readonly #callbacks: MapCallbacks;
  readonly #svg = s("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "map", role: "img", "aria-label": "map of events" });
  readonly #world = s("g", { class: "world" });
  readonly #borders = s("path", { class: "borders" });
  readonly #outline = s("path", { class: "outline" });
  readonly #divisions = s("g", { class: "divisions" });
  readonly #points = s("g", { class: "points" });
  readonly #note = h("p", { class: "note" });
  readonly #legend = h("div", { class: "legend" });
  readonly #projection = geoNaturalEarth1().fitExtent([[4, 4], [WIDTH - 4, HEIGHT - 4]], { type: "Sphere" });
  readonly #path = geoPath(this.#projection);
  readonly #zoom: ZoomBehavior<SVGSVGElement, unknown>;
  #transform: ZoomTransform = zoomIdentity;
  #admin1: Shapes | null = null;
  #topo: WorldTopology | null = null;
  #countries = new Map<string, Shapes["features"][number]>();
  #events: ApiEvent[] = [];
  #frame = 0;

  constructor(root: HTMLElement, state: ViewState, callbacks: MapCallbacks) {
    this.#state = state;
    this.#callbacks = callbacks;
    const zoomed = s("g", { class: "zoomed" }, s("path", { class: "sphere", d: this.#path({ type: "Sphere" }) ?? "" }), this.#world, this.#borders, this.#divisions, this.#outline);
    this.#svg.append(zoomed, this.#points);
    fill(root, this.#svg, this.#note, this.#legend);
    this.#zoom = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, 64])
      .translateExtent([[0, 0], [WIDTH, HEIGHT]])
      .on("zoom", (event: { transform: ZoomTransform }) => {
        this.#transform = event.transform;
        // Outlines keep their width at any zoom: `vector-effect: non-scaling-stroke` in style.css.
        zoomed.setAttribute("transform", event.transform.toString());
        cancelAnimationFrame(this.#frame);
        this.#frame = requestAnimationFrame(() => this.#drawPoints());
      });
    select(this.#svg).call(this.#zoom);
  }

  /**
   * Loads and draws the shapes (once; the file is part of the build, not fetched from elsewhere).
   * Land is drawn division by division and borders as the lines between divisions of two
   * countries (and coasts), never from the merged country polygons: where Natural Earth's
   * divisions do not tile a country exactly, a merged ring is stitched shut across it, which
   * draws as a stray line and a gap the sea shows through.
   */
  async loadShapes(): Promise<void> {
    const res = await fetch(shapesUrl);
    if (!res.ok) throw new Error(`map shapes: ${res.status} ${res.statusText}`);
    const topo = (await res.json()) as WorldTopology;
    this.#topo = topo;
    const countries = feature(topo, topo.objects.countries) as Shapes;
    this.#admin1 = feature(topo, topo.objects.admin1) as Shapes;
    this.#countries = new Map(countries.features.map((f) => [f.properties.c, f]));
    this.#world.replaceChildren(
      ...this.#admin1.features.map((f) => {
        const country = this.#countries.get(f.properties.c)?.properties.n ?? f.properties.c;
        return this.#shape(f, "land", country, () => this.#state.setFilters({ country: f.properties.c }));
      }),
    );
    this.#borders.setAttribute("d", this.#path(mesh(topo, topo.objects.admin1, (a, b) => a === b || codeOf(a) !== codeOf(b))) ?? "");
    this.#drawDivisions();
    // A chosen country is framed by its outline, known only now.
    if (this.#state.view.filters.country) {
      this.#fit();
      this.#drawPoints();
    }
  }

  /** Shows the events in view (`total`: how many the filters match, if more were not sent). */
  setEvents(events: ApiEvent[], more: boolean): void {
    this.#events = events;
    const placed = events.filter((e) => e.lat !== null && e.lon !== null).length;
    this.#note.textContent =
      `${count(placed)} of ${count(events.length)}${more ? "+" : ""} events in view have coordinates` +
      (more ? ` (the map shows the first ${count(events.length)})` : "");
    this.#drawDivisions();
    this.#fit();
    this.#drawPoints();
    this.#drawLegend();
  }

  #shape(f: Shapes["features"][number], kind: string, title: string, onClick: () => void): SVGPathElement {
    const path = s("path", { class: kind, d: this.#path(f as GeoPermissibleObjects) ?? "", "data-code": f.properties.c }, s("title", {}, title));
    path.addEventListener("click", onClick);
    return path;
  }

  /** Divisions are drawn for the countries that have events in view (and the chosen one). */
  #drawDivisions(): void {
    if (!this.#admin1) return;
    const wanted = new Set(this.#events.map((e) => e.country).filter((c): c is string => c !== null));
    const chosen = this.#state.view.filters;
    if (chosen.country) wanted.add(chosen.country);
    for (const path of this.#world.children) path.classList.toggle("chosen", path.getAttribute("data-code") === chosen.country);
    // The chosen country's outline: the lines with it on one side only.
    const code = chosen.country;
    const inside = (g: { properties?: unknown }) => codeOf(g) === code;
    const outline = code && this.#topo ? mesh(this.#topo, this.#topo.objects.admin1, (a, b) => inside(a) !== inside(b) || (a === b && inside(a))) : null;
    this.#outline.setAttribute("d", outline ? (this.#path(outline) ?? "") : "");
    this.#divisions.replaceChildren(
      ...this.#admin1.features
        .filter((f) => wanted.has(f.properties.c))
        .map((f) => {
          const path = this.#shape(f, "admin1", f.properties.n, () => this.#state.setFilters({ country: f.properties.c, admin1: f.properties.n }));
          if (chosen.admin1 === f.properties.n && chosen.country === f.properties.c) path.classList.add("chosen");
          return path;
        }),
    );
  }

  /** Zooms to the events' extent and the chosen country's outline. */
  #fit(): void {
    const xy = this.#events.flatMap((e) => (e.lat === null || e.lon === null ? [] : [this.#projection([e.lon, e.lat])])).filter((p): p is [number, number] => p !== null);
    const chosen = this.#countries.get(this.#state.view.filters.country ?? "");
    if (chosen) xy.push(...this.#path.bounds(mainland(chosen.geometry)));
    let t = zoomIdentity;
    if (xy.length > 0) {
      const xs = xy.map((p) => p[0]);
      const ys = xy.map((p) => p[1]);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      // At most ×24 (a small country fills the map) when the events sit close together or on one spot.
      const k = Math.max(1, Math.min(24, 0.85 / Math.max((x1 - x0) / WIDTH, (y1 - y0) / HEIGHT, 1 / 28)));
      t = zoomIdentity.translate(WIDTH / 2 - (k * (x0 + x1)) / 2, HEIGHT / 2 - (k * (y0 + y1)) / 2).scale(k);
    }
    select(this.#svg).call(this.#zoom.transform, t);
  }

  #drawPoints(): void {
    const points = this.#events.flatMap((e) => {
      if (e.lat === null || e.lon === null) return [];
      const p = this.#projection([e.lon, e.lat]);
      if (!p) return [];
      const [x, y] = this.#transform.apply(p);
      return x < -30 || y < -30 || x > WIDTH + 30 || y > HEIGHT + 30 ? [] : [{ x, y, item: e }];
    });
    const clusters = clusterPoints(points, CLUSTER_RADIUS, deaths);
    this.#points.replaceChildren(...clusters.map((c) => this.#marker(c)));
  }

  #marker(c: Cluster<ApiEvent>): SVGGElement {
    const first = c.items[0]!;
    if (c.items.length === 1) {
      const g = s(
        "g",
        { class: "point", transform: `translate(${c.x},${c.y})`, "data-event-id": first.id, tabindex: 0 },
        s("circle", { r: pointRadius(deaths(first)), fill: typeColor(first.type) }),
        s("title", {}, `${first.type} ${first.dateStart ?? ""}${deaths(first) ? ` · ${deaths(first)} killed` : ""}\n${first.sentence}`),
      );
      g.addEventListener("click", () => this.#callbacks.openEvent(first.id));
      g.addEventListener("keydown", (ev) => ev.key === "Enter" && this.#callbacks.openEvent(first.id));
      return g;
    }
    const killed = c.items.reduce((sum, e) => sum + deaths(e), 0);
    const r = Math.min(30, 8 + 2.2 * Math.sqrt(c.items.length));
    const g = s(
      "g",
      { class: "cluster", transform: `translate(${c.x},${c.y})`, "data-count": c.items.length, tabindex: 0 },
      s("circle", { r, fill: typeColor(dominantType(c.items)) }),
      s("text", { dy: "0.35em" }, String(c.items.length)),
      s("title", {}, `${c.items.length} events${killed ? `, ${killed} killed` : ""}: ${c.stacked ? "click to list them" : "click to zoom in"}`),
    );
    const open = () => {
      if (c.stacked || this.#transform.k >= 64) {
        this.#callbacks.listEvents(`${c.items.length} events at ${placeLabel(first) || "one spot"}`, c.items);
      } else {
        select(this.#svg).call(this.#zoom.scaleBy, 3, [c.x, c.y]);
      }
    };
    g.addEventListener("click", open);
    g.addEventListener("keydown", (ev) => ev.key === "Enter" && open());
    return g;
  }

  #drawLegend(): void {
    const types = [...new Set(this.#events.map((e) => e.type))].sort();
    const swatch = (color: string) => {
      const el = h("span", { class: "swatch" });
      el.style.backgroundColor = color;
      return el;
    };
    const sizes = [1, 10, 100].map((n) =>
      h("span", { class: "size" }, s("svg", { width: 60, height: 60, viewBox: "-30 -30 60 60" }, s("circle", { r: pointRadius(n), class: "size-key" })), `${n} killed`),
    );
    fill(
      this.#legend,
      h("div", { class: "types" }, ...types.map((t) => h("span", { class: "key", "data-type": t }, swatch(typeColor(t)), t))),
      h("div", { class: "sizes" }, ...sizes, h("span", { class: "key" }, "circle with a number: events grouped (colour of the most frequent type)")),
    );
  }
}
