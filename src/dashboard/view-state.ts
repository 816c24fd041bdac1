/**
 * The current view, kept in the URL: every change is a history entry (Back undoes a filter), and
 * the components listen for changes instead of calling one another.
 */
import { patchFilters, readView, sameFilters, writeView, type Filters, type Sort, type View } from "./filters.js";

export type ViewListener = (view: View, previous: View) => void;

export class ViewState {
  #view: View;
  readonly #listeners: ViewListener[] = [];

  constructor() {
    this.#view = readView(location.search);
    window.addEventListener("popstate", () => this.#replace(readView(location.search)));
  }

  get view(): View {
    return this.#view;
  }

  /** Calls `listener` after each change, with the new and the previous view. */
  listen(listener: ViewListener): void {
    this.#listeners.push(listener);
  }

  /** Changes some filters (an empty value clears one); the table goes back to its first page. */
  setFilters(patch: Filters): void {
    const filters = patchFilters(this.#view.filters, patch);
    if (sameFilters(filters, this.#view.filters)) return;
    this.#push({ ...this.#view, filters });
  }

  clearFilters(): void {
    this.#push({ ...this.#view, filters: {} });
  }

  setSort(sort: Sort): void {
    if (sort !== this.#view.sort) this.#push({ ...this.#view, sort });
  }

  /** Shows an event in the evidence panel (kept in the URL so a shared link opens on it). */
  setEvent(event: number | null): void {
    if (event === this.#view.event) return;
    const view = { ...this.#view, event };
    history.replaceState(null, "", writeView(view) || location.pathname);
    this.#replace(view);
  }

  #push(view: View): void {
    history.pushState(null, "", writeView(view) || location.pathname);
    this.#replace(view);
  }

  #replace(view: View): void {
    const previous = this.#view;
    this.#view = view;
    for (const listener of this.#listeners) listener(view, previous);
  }
}
