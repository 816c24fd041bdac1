/**
 * The actor network from GET /api/network: who does what to whom. Actors are circles (colour by
 * kind, size by events); an event edge is coloured by its PLOVER type; standing relations are
 * drawn by kind, `directs` and `sponsors` thick, dark, dashed apart and arrowed so that control
 * and backing stand out. The layout is a force simulation run to rest before drawing (stable,
 * no animation). A click on an actor or an edge opens its evidence.
 */
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from "d3-force";
import type { Network, NetworkEdge, NetworkNode } from "./api-types.js";
import { EDGE_STYLES, kindColor, typeColor } from "./colors.js";
import { count, fill, h, s } from "./dom.js";

const WIDTH = 640;
const HEIGHT = 460;

interface SimNode extends SimulationNodeDatum {
  node: NetworkNode;
  r: number;
}

export interface NetworkCallbacks {
  openActor(name: string): void;
  openEdge(edge: NetworkEdge, from: string, to: string): void;
}

function nodeRadius(events: number): number {
  return Math.min(22, 5 + 1.5 * Math.sqrt(events));
}

/** Edge kinds in the legend's order, relations that stand out first. */
const RELATION_ORDER = ["directs", "sponsors", "supports", "allied_with", "opposes", "at_war_with", "part_of"];

function markerId(kind: string): string {
  return `arrow-${kind in EDGE_STYLES ? kind : "event"}`;
}

function markers(): SVGDefsElement {
  const kinds = [...RELATION_ORDER.map((k) => [k, EDGE_STYLES[k]!.color] as const), ["event", "#777"] as const];
  return s(
    "defs",
    {},
    ...kinds.map(([kind, color]) =>
      s(
        "marker",
        { id: markerId(kind), viewBox: "0 -5 10 10", refX: 9, refY: 0, markerWidth: 7, markerHeight: 7, orient: "auto", markerUnits: "userSpaceOnUse" },
        s("path", { d: "M0,-5L10,0L0,5Z", fill: color }),
      ),
    ),
  );
}

export class NetworkView {
  readonly #root: HTMLElement;
  readonly #callbacks: NetworkCallbacks;

  constructor(root: HTMLElement, callbacks: NetworkCallbacks) {
    this.#root = root;
    this.#callbacks = callbacks;
  }

  render(net: Network): void {
    if (net.nodes.length === 0) {
      fill(this.#root, h("p", { class: "empty" }, "No actors match these filters."));
      return;
    }
    const sims: SimNode[] = net.nodes.map((node) => ({ node, r: nodeRadius(node.events) }));
    const byId = new Map(sims.map((n) => [String(n.node.id), n]));
    const edges = net.edges.filter((e) => byId.has(String(e.source)) && byId.has(String(e.target)));
    const links = edges.map((e) => ({ source: byId.get(String(e.source))!, target: byId.get(String(e.target))! }));
    forceSimulation(sims)
      .force("link", forceLink(links).distance(90).strength(0.4))
      .force("charge", forceManyBody().strength(-260))
      .force("center", forceCenter(WIDTH / 2, HEIGHT / 2))
      // A weak pull to the middle keeps separate groups of actors from drifting apart.
      .force("x", forceX(WIDTH / 2).strength(0.07))
      .force("y", forceY(HEIGHT / 2).strength(0.1))
      .force("collide", forceCollide<SimNode>((n) => n.r + 14))
      .stop()
      .tick(300);

    // Several edges between one pair fan out as arcs instead of lying on top of each other.
    const seen = new Map<string, number>();
    const edgeEls = edges.map((e) => {
      const a = byId.get(String(e.source))!;
      const b = byId.get(String(e.target))!;
      const pair = [String(e.source), String(e.target)].sort().join("\u0000");
      const nth = seen.get(pair) ?? 0;
      seen.set(pair, nth + 1);
      return this.#edge(e, a, b, nth);
    });
    const nodeEls = sims.map((n) => this.#node(n));
    const xs = sims.flatMap((n) => [n.x! - n.r - 90, n.x! + n.r + 90]);
    const ys = sims.flatMap((n) => [n.y! - n.r - 10, n.y! + n.r + 24]);
    // The drawing's box, never smaller than the default size (two actors would fill it, giant).
    const [cx, cy] = [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
    const w = Math.max(WIDTH, Math.max(...xs) - Math.min(...xs));
    const ht = Math.max(HEIGHT * 0.6, Math.max(...ys) - Math.min(...ys));
    const svg = s(
      "svg",
      { viewBox: `${cx - w / 2} ${cy - ht / 2} ${w} ${ht}`, class: "network", role: "img", "aria-label": "actor network" },
      markers(),
      s("g", { class: "edges" }, ...edgeEls),
      s("g", { class: "nodes" }, ...nodeEls),
    );
    fill(this.#root, svg, this.#legend(net));
  }

  #edge(e: NetworkEdge, a: SimNode, b: SimNode, nth: number): SVGGElement {
    const style = EDGE_STYLES[e.kind];
    const color = style ? style.color : typeColor(e.type);
    const width = style ? style.width : Math.min(6, 1 + Math.log2(1 + e.count));
    // End the line at the target's rim so the arrowhead shows; bend the nth edge of a pair.
    const [dx, dy] = [b.x! - a.x!, b.y! - a.y!];
    const len = Math.hypot(dx, dy) || 1;
    const bend = nth === 0 ? 0 : (nth % 2 ? 1 : -1) * Math.ceil(nth / 2) * 22;
    const [mx, my] = [(a.x! + b.x!) / 2 - (dy / len) * bend, (a.y! + b.y!) / 2 + (dx / len) * bend];
    const [tx, ty] = [b.x! - mx, b.y! - my];
    const tlen = Math.hypot(tx, ty) || 1;
    const [ex, ey] = [b.x! - (tx / tlen) * (b.r + 2), b.y! - (ty / tlen) * (b.r + 2)];
    const d = `M${a.x},${a.y}Q${mx},${my} ${ex},${ey}`;
    const from = a.node.name;
    const to = b.node.name;
    const label = e.kind === "event" ? `${from} → ${to}: ${e.type ?? "events"} × ${e.count}` : `${from} ${style?.label ?? e.kind} ${to}`;
    const g = s(
      "g",
      { class: `edge ${e.kind === "event" ? "event-edge" : "relation-edge"}`, "data-kind": e.kind, tabindex: 0 },
      s("path", { class: "hit", d }),
      s("path", {
        class: "line",
        d,
        stroke: color,
        "stroke-width": width,
        "stroke-dasharray": style?.dash ?? null,
        "marker-end": `url(#${markerId(e.kind)})`,
      }),
      s("title", {}, label),
    );
    const open = () => this.#callbacks.openEdge(e, from, to);
    g.addEventListener("click", open);
    g.addEventListener("keydown", (ev) => ev.key === "Enter" && open());
    return g;
  }

  #node(n: SimNode): SVGGElement {
    const g = s(
      "g",
      { class: "node", transform: `translate(${n.x},${n.y})`, "data-actor": n.node.name, tabindex: 0 },
      s("circle", { r: n.r, fill: kindColor(n.node.kind) }),
      s("text", { y: n.r + 12, class: "label" }, n.node.name),
      s("title", {}, `${n.node.name} (${n.node.kind ?? "actor"}${n.node.country ? `, ${n.node.country}` : ""}): ${count(n.node.events)} events`),
    );
    const open = () => this.#callbacks.openActor(n.node.name);
    g.addEventListener("click", open);
    g.addEventListener("keydown", (ev) => ev.key === "Enter" && open());
    return g;
  }

  #legend(net: Network): HTMLElement {
    const kinds = new Set<string>(net.edges.map((e) => e.kind));
    const line = (color: string, dash: string | null, width: number, marker: string) =>
      s(
        "svg",
        { width: 44, height: 12, viewBox: "0 0 44 12", class: "line-sample" },
        s("line", { x1: 2, y1: 6, x2: 40, y2: 6, stroke: color, "stroke-width": width, "stroke-dasharray": dash, "marker-end": `url(#${marker})` }),
      );
    const relations = RELATION_ORDER.filter((k) => kinds.has(k) || k === "directs" || k === "sponsors").map((k) => {
      const st = EDGE_STYLES[k]!;
      return h("span", { class: "key", "data-kind": k }, line(st.color, st.dash, st.width, markerId(k)), st.label);
    });
    const actorKinds = [...new Set(net.nodes.map((n) => n.kind ?? "other"))].sort();
    return h(
      "div",
      { class: "legend" },
      h("span", { class: "key" }, line("#777", null, 2, markerId("event")), "events (colour: type)"),
      ...relations,
      ...actorKinds.map((k) => {
        const sw = h("span", { class: "swatch round" });
        sw.style.backgroundColor = kindColor(k);
        return h("span", { class: "key" }, sw, k);
      }),
    );
  }
}
