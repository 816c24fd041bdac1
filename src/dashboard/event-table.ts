/**
 * The table of events in view: a page at a time from GET /api/events (cursor paging), sorted by
 * date, deaths or id from the headers, a click on a row opens its evidence, and the whole view
 * downloads as CSV from GET /api/events.csv with the same filters.
 */
import { ApiError, apiUrl, getBlob, getJson, getToken, isAbort } from "./api.js";
import type { ApiEvent, Page } from "./api-types.js";
import { typeColor } from "./colors.js";
import { fill, h } from "./dom.js";
import { filterParams, type Sort } from "./filters.js";
import { deathsLabel, placeLabel } from "./format.js";
import type { ViewState } from "./view-state.js";

const PAGE_SIZE = 25;

interface Column {
  label: string;
  /** The API's sort key for this column, if it sorts. */
  sort?: "date" | "fatalities" | "id";
  cell(e: ApiEvent): Node | string;
}

const COLUMNS: readonly Column[] = [
  { label: "id", sort: "id", cell: (e) => String(e.id) },
  { label: "date", sort: "date", cell: (e) => e.dateStart ?? "" },
  {
    label: "type",
    cell: (e) => {
      const sw = h("span", { class: "swatch" });
      sw.style.backgroundColor = typeColor(e.type);
      return h("span", {}, sw, e.type);
    },
  },
  { label: "who → whom", cell: (e) => `${e.actors.join(", ") || "?"} → ${e.recipients.join(", ") || "?"}` },
  { label: "where", cell: placeLabel },
  { label: "deaths", sort: "fatalities", cell: deathsLabel },
  { label: "modality", cell: (e) => e.modality },
  { label: "source", cell: (e) => e.document.title ?? e.document.source ?? `document ${e.document.id}` },
];

export class EventTable {
  readonly #state: ViewState;
  readonly #open: (id: number) => void;
  readonly #table = h("table", { class: "events" });
  readonly #pager = h("div", { class: "pager" });
  readonly #csv = h("a", { class: "csv", download: "events.csv" }, "Download CSV");
  /** Cursors of the pages before the current one (the first page has none). */
  #cursors: Array<string | null> = [null];
  #next: string | null = null;
  #abort: AbortController | null = null;

  constructor(root: HTMLElement, state: ViewState, open: (id: number) => void) {
    this.#state = state;
    this.#open = open;
    this.#csv.addEventListener("click", (ev) => {
      // A link cannot send the bearer token: with one, fetch the file and hand it over.
      if (!getToken()) return;
      ev.preventDefault();
      void this.#downloadWithToken();
    });
    fill(root, h("div", { class: "table-tools" }, this.#csv), h("div", { class: "table-wrap" }, this.#table), this.#pager);
  }

  /** Shows the first page for the current filters and order. */
  async reload(): Promise<void> {
    this.#cursors = [null];
    this.#csv.setAttribute("href", apiUrl("events.csv", filterParams(this.#state.view.filters)));
    await this.#load();
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const view = this.#state.view;
    const params = filterParams(view.filters);
    params.set("sort", view.sort);
    params.set("limit", String(PAGE_SIZE));
    const cursor = this.#cursors[this.#cursors.length - 1];
    if (cursor) params.set("cursor", cursor);
    try {
      const page = await getJson<Page<ApiEvent>>("events", params, abort.signal);
      this.#next = page.next;
      this.#render(page.items, view.sort);
    } catch (err) {
      if (isAbort(err) || abort.signal.aborted) return;
      fill(this.#table, h("caption", { class: "error" }, err instanceof ApiError ? err.describe() : String(err)));
      fill(this.#pager);
    }
  }

  #render(items: readonly ApiEvent[], sort: Sort): void {
    const head = h(
      "tr",
      {},
      ...COLUMNS.map((c) => {
        if (!c.sort) return h("th", { scope: "col" }, c.label);
        const key = c.sort;
        const current = sort === key ? "ascending" : sort === `-${key}` ? "descending" : "none";
        const button = h("button", { type: "button", class: "sort", "data-sort": key }, c.label, current === "ascending" ? " ▲" : current === "descending" ? " ▼" : "");
        // id sorts one way only (the API's `id`); date and deaths toggle, newest/deadliest first.
        button.addEventListener("click", () => this.#state.setSort(key === "id" ? "id" : sort === `-${key}` ? key : (`-${key}` as Sort)));
        return h("th", { scope: "col", "aria-sort": current }, button);
      }),
    );
    const rows = items.map((e) => {
      const tr = h("tr", { "data-event-id": e.id, tabindex: 0, class: this.#state.view.event === e.id ? "selected" : null }, ...COLUMNS.map((c) => h("td", {}, c.cell(e))));
      tr.addEventListener("click", () => this.#open(e.id));
      tr.addEventListener("keydown", (ev) => ev.key === "Enter" && this.#open(e.id));
      return tr;
    });
    fill(
      this.#table,
      h("thead", {}, head),
      h("tbody", {}, ...(rows.length ? rows : [h("tr", {}, h("td", { colspan: COLUMNS.length, class: "empty" }, "No events match these filters."))])),
    );
    const prev = h("button", { type: "button", class: "prev" }, "← previous");
    const next = h("button", { type: "button", class: "next" }, "next →");
    prev.disabled = this.#cursors.length === 1;
    next.disabled = this.#next === null;
    prev.addEventListener("click", () => {
      this.#cursors.pop();
      void this.#load();
    });
    next.addEventListener("click", () => {
      this.#cursors.push(this.#next);
      void this.#load();
    });
    fill(this.#pager, prev, h("span", { class: "page" }, `page ${this.#cursors.length}`), next);
  }

  async #downloadWithToken(): Promise<void> {
    try {
      const blob = await getBlob("events.csv", filterParams(this.#state.view.filters));
      const url = URL.createObjectURL(blob);
      const a = h("a", { href: url, download: "events.csv" });
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      fill(this.#pager, h("span", { class: "error" }, err instanceof ApiError ? err.describe() : String(err)));
    }
  }
}
