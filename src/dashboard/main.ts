/**
 * The dashboard's start: reads the view from the URL, asks the API for health and choices, and
 * reloads every panel when the filters change. Panels know nothing of each other; they share the
 * view state (view-state.ts) and the evidence panel.
 */
import "./style.css";
import { ApiError, getJson, isAbort, setToken } from "./api.js";
import type { ApiEvent, Facets, Health, Network, Page, Timeseries } from "./api-types.js";
import { count, fill, h } from "./dom.js";
import { EventMap } from "./event-map.js";
import { EventTable } from "./event-table.js";
import { EvidencePanel } from "./evidence.js";
import { FilterBar } from "./filter-bar.js";
import { filterParams, sameFilters, type View } from "./filters.js";
import { NetworkView } from "./network.js";
import { Timeline } from "./timeline.js";
import { ViewState } from "./view-state.js";

/** The map shows at most this many events (the API's largest page). */
const MAP_LIMIT = 1000;
/** Actors in the network at most: the most active; beyond some thirty, labels and edges tangle. */
const NETWORK_LIMIT = 30;

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`dashboard: #${id} missing from index.html`);
  return el;
}

const state = new ViewState();
const status = byId("status");
const panel = new EvidencePanel(byId("evidence"), (id) => state.setEvent(id));
const filterBar = new FilterBar(byId("filters"), state);
const map = new EventMap(byId("map"), state, {
  openEvent: (id) => state.setEvent(id),
  listEvents: (title, events) => panel.showEvents(title, events),
});
const timeline = new Timeline(byId("timeline"), state);
const network = new NetworkView(byId("network"), {
  openActor: (name) => void panel.showActor(name),
  openEdge: (edge, from, to) => void panel.showEdge(edge, from, to),
});
const table = new EventTable(byId("table"), state, (id) => state.setEvent(id));

/**
 * Marks a panel drawn with data: `data-<panel>="ready"` on the body (the browser tests wait for
 * it) and performance marks `sitrep:<panel>` and, the first time, `sitrep:first-data` (read by
 * bench/dashboard.mjs).
 */
function rendered(name: string): void {
  if (document.body.dataset[name] !== "ready") performance.mark(`sitrep:${name}`);
  document.body.dataset[name] = "ready";
  if (performance.getEntriesByName("sitrep:first-data").length === 0) performance.mark("sitrep:first-data");
}

const problems = new Map<string, string>();
function report(where: string, err: unknown): void {
  if (isAbort(err)) return;
  const message = err instanceof ApiError ? err.describe() : err instanceof Error ? err.message : String(err);
  problems.set(where, `${where}: ${message}`);
  showProblems();
  if (err instanceof ApiError && err.status === 401) byId("token").hidden = false;
}
function clearProblem(where: string): void {
  problems.delete(where);
  showProblems();
}
function showProblems(): void {
  status.hidden = problems.size === 0;
  fill(status, ...[...problems.values()].map((p) => h("span", { class: "problem" }, p)));
}

/** Runs one panel's load, reporting its failure in the status line and in the panel itself. */
async function load(where: string, box: HTMLElement | null, work: () => Promise<void>): Promise<void> {
  try {
    await work();
    clearProblem(where);
  } catch (err) {
    report(where, err);
    if (box && !isAbort(err)) fill(box, h("p", { class: "error" }, err instanceof ApiError ? err.describe() : String(err)));
  }
}

let generation = 0;
/** Reloads every panel for the view; answers to an older view are dropped. */
function reloadData(view: View): void {
  const mine = ++generation;
  const fresh = () => mine === generation;
  const params = filterParams(view.filters);
  const mapParams = new URLSearchParams(params);
  mapParams.set("limit", String(MAP_LIMIT));
  void load("map", null, async () => {
    const page = await getJson<Page<ApiEvent>>("events", mapParams);
    if (!fresh()) return;
    map.setEvents(page.items, page.next !== null);
    rendered("map");
  });
  // The timeline keeps every week the other filters match, so the brush can widen again.
  const tsParams = filterParams(view.filters, ["since", "until"]);
  tsParams.set("interval", "week");
  tsParams.set("by", "type");
  void load("timeline", byId("timeline"), async () => {
    const ts = await getJson<Timeseries>("timeseries", tsParams);
    if (!fresh()) return;
    timeline.render(ts);
    rendered("timeline");
  });
  void load("network", byId("network"), async () => {
    const netParams = new URLSearchParams(params);
    netParams.set("limit", String(NETWORK_LIMIT));
    const net = await getJson<Network>("network", netParams);
    if (!fresh()) return;
    network.render(net);
    rendered("network");
  });
  void load("table", null, async () => {
    await table.reload();
    rendered("table");
  });
}

async function start(): Promise<void> {
  await load("health", null, async () => {
    const health = await getJson<Health>("health");
    const c = health.counts;
    fill(byId("health"), `${count(c.documents)} documents · ${count(c.events)} events · ${count(c.actors)} actors · ${health.driver} · v${health.version}`);
    const banner = byId("banner");
    banner.hidden = health.mode !== "open-demo";
    banner.textContent = "Open demo mode: this server has no API tokens configured, so it answers only this machine (loopback) and every route, writing ones included, is open.";
  });
  void load("map shapes", null, async () => {
    await map.loadShapes();
    document.body.dataset["shapes"] = "ready";
    performance.mark("sitrep:shapes");
  });
  void load("facets", null, async () => filterBar.setFacets(await getJson<Facets>("facets")));
  reloadData(state.view);
  if (state.view.event !== null) void panel.showEvent(state.view.event);
}

state.listen((view, previous) => {
  if (!sameFilters(view.filters, previous.filters)) reloadData(view);
  else if (view.sort !== previous.sort) void load("table", null, () => table.reload());
  if (view.event !== previous.event) {
    if (view.event === null) panel.clear();
    else void panel.showEvent(view.event);
    for (const el of document.querySelectorAll(".selected")) el.classList.remove("selected");
    if (view.event !== null) for (const el of document.querySelectorAll(`[data-event-id="${view.event}"]`)) el.classList.add("selected");
  }
});

byId("token").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const input = (ev.currentTarget as HTMLFormElement).elements.namedItem("token") as HTMLInputElement;
  setToken(input.value.trim() || null);
  input.value = "";
  byId("token").hidden = true;
  void start();
});

void start();
