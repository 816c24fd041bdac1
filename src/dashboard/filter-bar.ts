/**
 * The filter bar: dates, country, division, type, actor, modality and words. It reads and writes
 * only the view state (and so the URL); the choices and their counts come from GET /api/facets.
 */
import { MODALITIES, PLOVER_TYPES } from "../core/record.js";
import type { Facets } from "./api-types.js";
import { count, h } from "./dom.js";
import type { Filters } from "./filters.js";
import type { ViewState } from "./view-state.js";

function option(value: string, label: string): HTMLOptionElement {
  return h("option", { value }, label);
}

function select(name: string, label: string): HTMLSelectElement {
  return h("select", { name, "aria-label": label, "data-filter": name });
}

function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  return h("label", {}, h("span", {}, text), control);
}

export class FilterBar {
  readonly #state: ViewState;
  readonly #since = h("input", { type: "date", name: "since", "data-filter": "since" });
  readonly #until = h("input", { type: "date", name: "until", "data-filter": "until" });
  readonly #country = select("country", "country");
  readonly #admin1 = select("admin1", "division (admin1)");
  readonly #type = select("type", "event type");
  readonly #modality = select("modality", "modality");
  readonly #actor = h("input", { type: "search", name: "actor", placeholder: "actor", "data-filter": "actor" });
  readonly #text = h("input", { type: "search", name: "text", placeholder: "words in the sentence", "data-filter": "text" });
  #facets: Facets | null = null;

  constructor(root: HTMLElement, state: ViewState) {
    this.#state = state;
    const clear = h("button", { type: "button", class: "clear" }, "Clear filters");
    clear.addEventListener("click", () => state.clearFilters());
    root.replaceChildren(
      labelled("from", this.#since),
      labelled("to", this.#until),
      labelled("country", this.#country),
      labelled("division", this.#admin1),
      labelled("type", this.#type),
      labelled("modality", this.#modality),
      labelled("actor", this.#actor),
      labelled("text", this.#text),
      clear,
    );
    this.#fillStatic();
    for (const input of [this.#since, this.#until, this.#type, this.#modality, this.#actor, this.#text]) {
      // `change` fires on Enter or leaving a text field, and once a date is complete.
      input.addEventListener("change", () => state.setFilters({ [input.name]: input.value } as Filters));
    }
    this.#country.addEventListener("change", () => state.setFilters({ country: this.#country.value }));
    this.#admin1.addEventListener("change", () => {
      const [country, ...name] = this.#admin1.value.split("|");
      state.setFilters(country ? { country, admin1: name.join("|") } : { admin1: "" });
    });
    state.listen(() => this.sync());
    this.sync();
  }

  /** Takes the archive's countries, divisions and counts for the choices. */
  setFacets(facets: Facets): void {
    this.#facets = facets;
    this.#fillStatic(
      new Map(facets.types.map((t) => [t.type, t.count])),
      new Map(facets.modalities.map((m) => [m.modality, m.count])),
    );
    if (facets.dateRange) {
      for (const input of [this.#since, this.#until]) {
        input.min = facets.dateRange.min;
        input.max = facets.dateRange.max;
      }
    }
    this.sync();
  }

  /** The fixed choices (types, modalities), with the archive's counts once known. */
  #fillStatic(types = new Map<string, number>(), modalities = new Map<string, number>()): void {
    const label = (name: string, counts: Map<string, number>) => {
      const n = counts.get(name);
      return n === undefined ? name : `${name} (${count(n)})`;
    };
    this.#type.replaceChildren(option("", "any type"), ...PLOVER_TYPES.map((t) => option(t, label(t, types))));
    this.#modality.replaceChildren(option("", "any modality"), ...MODALITIES.map((m) => option(m, label(m, modalities))));
  }

  /** Puts the view's filters into the controls (after Back, a brush, a click on the map). */
  sync(): void {
    const f = this.#state.view.filters;
    const countries = this.#facets?.countries ?? [];
    this.#country.replaceChildren(option("", "any country"), ...countries.map((c) => option(c.code, `${c.code} (${count(c.count)})`)));
    if (f.country && !countries.some((c) => c.code === f.country)) this.#country.append(option(f.country, f.country));
    const divisions = (this.#facets?.admin1 ?? []).filter((a) => !f.country || a.country === f.country);
    this.#admin1.replaceChildren(
      option("", "any division"),
      ...divisions.map((a) => option(`${a.country}|${a.name}`, `${a.name}${f.country ? "" : `, ${a.country}`} (${count(a.count)})`)),
    );
    if (f.admin1 && !divisions.some((a) => a.name === f.admin1)) this.#admin1.append(option(`${f.country ?? ""}|${f.admin1}`, f.admin1));
    this.#country.value = f.country ?? "";
    this.#admin1.value = f.admin1 ? `${f.country ?? ""}|${f.admin1}` : "";
    this.#since.value = f.since ?? "";
    this.#until.value = f.until ?? "";
    this.#type.value = f.type ?? "";
    this.#modality.value = f.modality ?? "";
    this.#actor.value = f.actor ?? "";
    this.#text.value = f.text ?? "";
  }
}
