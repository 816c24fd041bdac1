/**
 * The evidence panel: what an event, an actor or a network edge was read from, the evidence spans
 * highlighted inside the sentences around them, with who said it, how hedged, and the source.
 * All of it is document text, so all of it goes in as text nodes (dom.ts).
 */
import { ApiError, getJson, isAbort } from "./api.js";
import type { ActorDetail, ActorRelation, ApiEvent, Context, DocumentRef, EventDetail, Mention, NetworkEdge, SpanPair } from "./api-types.js";
import { EDGE_STYLES, typeColor } from "./colors.js";
import { externalLink, fill, h, type Child } from "./dom.js";
import { deathsLabel, placeLabel } from "./format.js";
import { highlight } from "./highlight.js";

/** Where a click on a listed event goes (the panel shows it and the URL remembers it). */
export type OpenEvent = (id: number) => void;

/** A passage with its evidence marked: text nodes and <mark> elements only. */
export function passage(context: Context, spans: readonly SpanPair[]): HTMLElement {
  const pieces = highlight(context.text, context.start, spans);
  return h("p", { class: "passage" }, ...pieces.map((p) => (p.marked ? h("mark", {}, p.text) : p.text)));
}

function source(doc: DocumentRef | undefined): HTMLElement | null {
  if (!doc) return null;
  const title = doc.title ?? doc.source ?? `document ${doc.id}`;
  return h(
    "p",
    { class: "source" },
    "Source: ",
    doc.url ? externalLink(doc.url, title) : title,
    doc.url && doc.title ? h("span", { class: "url" }, ` (${doc.url})`) : null,
    doc.published ? ` · published ${doc.published}` : null,
  );
}

/** "12–15 killed", "at least 3 killed", or null. */
function toll(e: ApiEvent): string | null {
  if (e.fatalitiesLow === null) return null;
  return e.fatalitiesHigh === null ? `at least ${e.fatalitiesLow} killed` : `${deathsLabel(e)} killed`;
}

function typeBadge(type: string, mode: string | null): HTMLElement {
  const badge = h("span", { class: "type-badge" }, type, mode ? ` / ${mode}` : null);
  badge.style.backgroundColor = typeColor(type);
  return badge;
}

function fact(label: string, value: Child): HTMLElement | null {
  return value === null || value === "" ? null : h("div", { class: "fact" }, h("dt", {}, label), h("dd", {}, value));
}

function eventDetail(e: EventDetail): HTMLElement {
  const when = e.dateStart === e.dateEnd ? e.dateStart : `${e.dateStart ?? "?"} – ${e.dateEnd ?? "?"}`;
  const c = e.claimDetail;
  return h(
    "article",
    { class: "event-detail", "data-event": e.id },
    h("h3", {}, typeBadge(e.type, e.mode), " ", e.actors.join(", ") || "(no actor)", " → ", e.recipients.join(", ") || "(no recipient)"),
    passage(e.context, e.evidence),
    h(
      "dl",
      { class: "facts" },
      fact("modality", e.modality),
      fact("when", when),
      fact("where", placeLabel(e)),
      fact("toll", toll(e)),
      fact("speaker", c ? [c.speaker, c.speakerName].filter((x, i, all) => x && all.indexOf(x) === i).join(" — ") || "unattributed" : "the report itself"),
      c ? fact("speaker kind", c.speakerKind) : null,
      c ? fact("hedged", c.hedged ? "yes" : "no") : null,
    ),
    c?.text ? h("blockquote", { class: "claim" }, c.text) : null,
    source(e.document),
  );
}

function mentions(items: readonly Mention[]): HTMLElement[] {
  return items.map((m) => h("div", { class: "mention" }, passage(m.context, [[m.start, m.end]]), source(m.document)));
}

/** A standing relation: its evidence text (all of it is evidence, so all of it is marked). */
function relation(r: ActorRelation): HTMLElement {
  return h(
    "div",
    { class: "mention relation" },
    h("p", { class: "passage" }, h("mark", {}, r.text)),
    h("dl", { class: "facts" }, fact("modality", r.modality), fact("claim", r.claim ?? "the report itself")),
    source(r.document),
  );
}

export class EvidencePanel {
  readonly #body: HTMLElement;
  readonly #open: OpenEvent;
  #abort: AbortController | null = null;

  constructor(root: HTMLElement, open: OpenEvent) {
    this.#body = root;
    this.#open = open;
    this.clear();
  }

  clear(): void {
    this.#abort?.abort();
    fill(this.#body, h("p", { class: "hint" }, "Click an event on the map, in the table or the network, an actor or an edge, to read what it was read from."));
  }

  /** Shows one event with its passage. */
  async showEvent(id: number): Promise<void> {
    await this.#load(async (signal) => [eventDetail(await getJson<EventDetail>(`events/${id}`, undefined, signal))]);
  }

  /** Lists events that share a spot on the map (zooming cannot split them). */
  showEvents(title: string, events: readonly ApiEvent[]): void {
    this.#abort?.abort();
    fill(this.#body, h("h3", {}, title), this.#eventList(events));
  }

  /** Shows an actor: kind, country, aliases, relations, and the passages naming it. */
  async showActor(name: string): Promise<void> {
    await this.#load(async (signal) => {
      const a = await getJson<ActorDetail>(`actors/${encodeURIComponent(name)}`, undefined, signal);
      return [
        h("h3", {}, a.name),
        h("dl", { class: "facts" }, fact("kind", a.kind), fact("country", a.country), fact("events", a.events), fact("documents", a.documents), fact("aliases", a.aliases.join(", "))),
        a.relations.length
          ? h("ul", { class: "relations" }, ...a.relations.map((r) => h("li", {}, `${r.actor} ${EDGE_STYLES[r.type]?.label ?? r.type} ${r.recipient}`)))
          : null,
        ...(a.mentions.length ? mentions(a.mentions) : [h("p", { class: "hint" }, "No passage names this actor.")]),
      ];
    });
  }

  /** Shows an edge of the network: the events behind it, or the passages of a standing relation. */
  async showEdge(edge: NetworkEdge, from: string, to: string): Promise<void> {
    const label = edge.kind === "event" ? `${from} → ${to}: ${edge.type ?? "events"} (${edge.count})` : `${from} ${EDGE_STYLES[edge.kind]?.label ?? edge.kind} ${to}`;
    await this.#load(async (signal) => {
      if (edge.kind === "event") {
        const events = await Promise.all(edge.eventIds.slice(0, 20).map((id) => getJson<EventDetail>(`events/${id}`, undefined, signal)));
        return [h("h3", {}, label), ...events.map(eventDetail)];
      }
      // A relation edge carries no evidence itself: its source actor's relations do.
      const actor = await getJson<ActorDetail>(`actors/${encodeURIComponent(from)}`, undefined, signal);
      const found = actor.relations.filter((r) => r.type === edge.kind && r.recipient === to);
      return [h("h3", {}, label), ...(found.length ? found.map(relation) : [h("p", { class: "hint" }, "No passage states this relation.")])];
    });
  }

  #eventList(events: readonly ApiEvent[]): HTMLElement {
    return h(
      "ul",
      { class: "event-list" },
      ...events.map((e) => {
        const button = h("button", { type: "button", class: "linkish" }, typeBadge(e.type, null), ` ${e.dateStart ?? ""} `, e.sentence);
        button.addEventListener("click", () => this.#open(e.id));
        return h("li", {}, button);
      }),
    );
  }

  async #load(render: (signal: AbortSignal) => Promise<Child[]>): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.#body.setAttribute("aria-busy", "true");
    try {
      const children = await render(abort.signal);
      if (!abort.signal.aborted) fill(this.#body, ...children);
    } catch (err) {
      if (isAbort(err) || abort.signal.aborted) return;
      fill(this.#body, h("p", { class: "error" }, err instanceof ApiError ? err.describe() : String(err)));
    } finally {
      if (this.#abort === abort) this.#body.removeAttribute("aria-busy");
    }
  }
}
