/**
 * Sitrep's facts as STIX 2.1 objects: actors as identity, threat-actor or intrusion-set by kind
 * (data/exchange/stix.json), event places as location, events as incident with relationships
 * to who did it (attributed-to), to whom (targets) and where (located-at), standing relations as
 * relationship, claims as note by their speaker, documents as report. Every object carries a
 * deterministic id (ids.ts) and is created by the Sitrep identity.
 */
import type { Actor, Claim, Relation } from "../../core/index.js";
import type { ExchangeEvent } from "../../store/index.js";
import type { ExchangeTables } from "../tables.js";
import { stixId } from "./ids.js";

export type StixObject = { type: string; id: string } & Record<string, unknown>;

/** STIX timestamps: RFC 3339 in UTC with milliseconds. */
export function timestamp(value: string): string {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return new Date(Number.isFinite(time) ? time : 0).toISOString();
}

/** Builds the objects of one export; `ns` is the id namespace, `creator` the Sitrep identity's id. */
export class StixBuilder {
  readonly #tables: ExchangeTables;
  readonly #ns: string;
  readonly creator: string;

  constructor(tables: ExchangeTables) {
    this.#tables = tables;
    this.#ns = tables.stix.namespace;
    this.creator = stixId(this.#ns, "identity", "sitrep");
  }

  id(type: string, key: string): string {
    return stixId(this.#ns, type, key);
  }

  /** The common properties, `created`/`modified` at `when`. */
  #base(type: string, id: string, when: string): StixObject {
    const at = timestamp(when);
    return { type, spec_version: "2.1", id, created: at, modified: at, created_by_ref: this.creator };
  }

  /** The identity every exported object is created by. */
  creatorIdentity(): StixObject {
    const at = timestamp("1970-01-01");
    return { type: "identity", spec_version: "2.1", id: this.creator, created: at, modified: at, name: "Sitrep", identity_class: "system" };
  }

  /** The STIX type an actor of `kind` becomes. */
  actorType(kind: string): string {
    return this.#tables.stix.actors[kind]?.type ?? "identity";
  }

  /** An actor's id: the same name, kind and country is the same object across documents. */
  actorId(actor: Pick<Actor, "name" | "kind" | "country">): string {
    return this.id(this.actorType(actor.kind), `${actor.name.toLowerCase()}|${actor.kind}|${actor.country ?? ""}`);
  }

  actor(actor: Actor, when: string): StixObject {
    const rule = this.#tables.stix.actors[actor.kind] ?? { type: "identity", identityClass: "unknown" };
    const object = this.#base(rule.type, this.actorId(actor), when);
    object["name"] = actor.name;
    if (actor.aliases.length > 0 && rule.type !== "identity") object["aliases"] = actor.aliases;
    if (rule.type === "identity") {
      object["identity_class"] = rule.identityClass ?? "unknown";
      if (rule.sectors !== undefined) object["sectors"] = rule.sectors;
    }
    object["labels"] = [actor.kind];
    if (actor.country !== null) object["x_sitrep_country"] = actor.country;
    return object;
  }

  locationId(e: ExchangeEvent): string {
    return this.id("location", [e.place, e.admin2, e.admin1, e.country, e.lat, e.lon].map((v) => v ?? "").join("|"));
  }

  /** The event's place as a location, or null when STIX could not hold it (no country, no point). */
  location(e: ExchangeEvent, when: string): StixObject | null {
    const country = e.country === null ? undefined : this.#tables.countries.get(e.country)?.iso2;
    if (country === undefined && (e.lat === null || e.lon === null)) return null;
    const object = this.#base("location", this.locationId(e), when);
    if (e.place !== null) object["name"] = e.place;
    if (country !== undefined) object["country"] = country;
    if (e.admin1 !== null) object["administrative_area"] = e.admin1;
    if (e.lat !== null && e.lon !== null) Object.assign(object, { latitude: e.lat, longitude: e.lon });
    if (e.precision !== null) object["x_sitrep_precision"] = e.precision;
    return object;
  }

  incidentId(e: ExchangeEvent): string {
    return this.id("incident", `${e.document.contentHash}|${e.localId}`);
  }

  /** An event as an incident, named by its type, sides, place and date; its sentence as description. */
  incident(e: ExchangeEvent): StixObject {
    const object = this.#base("incident", this.incidentId(e), e.document.retrievedAt);
    const sides = [e.actors.join(", "), e.recipients.join(", ")].filter(Boolean).join(" → ");
    const where = [e.place, e.country].filter(Boolean).join(", ");
    object["name"] = [e.mode === null ? e.type : `${e.type}/${e.mode}`, sides, where, e.dateStart].filter(Boolean).join(": ");
    object["description"] = e.sentence;
    object["labels"] = [e.type.toLowerCase(), ...(e.mode === null ? [] : [e.mode]), e.modality];
    if (e.dateStart !== null) object["first_seen"] = timestamp(e.dateStart);
    if (e.dateEnd !== null) object["last_seen"] = timestamp(e.dateEnd);
    // STIX has no null: an unknown is an absent property (and a range's open end is left out).
    const range = (low: number | null, high: number | null) => (low === null ? undefined : high === null ? { low } : { low, high });
    const custom = {
      x_sitrep_plover_type: e.type, x_sitrep_mode: e.mode ?? undefined, x_sitrep_modality: e.modality,
      x_sitrep_fatalities: range(e.fatalitiesLow, e.fatalitiesHigh), x_sitrep_injuries: range(e.injuriesLow, e.injuriesHigh),
      x_sitrep_evidence: e.evidence,
    };
    for (const [key, value] of Object.entries(custom)) if (value !== undefined) object[key] = value;
    return object;
  }

  /** `source` —type→ `target`, described by `description`. */
  relationship(type: string, source: string, target: string, when: string, description: string | null): StixObject {
    const object = this.#base("relationship", this.id("relationship", `${source}|${type}|${target}`), when);
    Object.assign(object, { relationship_type: type, source_ref: source, target_ref: target });
    if (description !== null) object["description"] = description;
    return object;
  }

  /** A standing relation between two actors of a record. */
  relation(relation: Relation, actors: ReadonlyMap<string, Actor>, when: string, quote: string): StixObject | null {
    const from = actors.get(relation.actor);
    const to = actors.get(relation.recipient);
    if (from === undefined || to === undefined) return null;
    const type = this.#tables.stix.relations[relation.type] ?? relation.type.replace(/_/g, "-");
    return this.relationship(type, this.actorId(from), this.actorId(to), when, quote);
  }

  /** A claim as a note by its speaker, about the objects that rest on it. */
  note(claim: Claim, hash: string, refs: readonly string[], when: string, quote: string): StixObject {
    const object = this.#base("note", this.id("note", `${hash}|${claim.id}`), when);
    Object.assign(object, {
      abstract: `${claim.speaker.text} (${claim.speaker.kind.replace(/_/g, " ")}${claim.hedged ? ", hedged" : ""})`,
      content: quote,
      authors: [claim.speaker.name ?? claim.speaker.text],
      object_refs: refs,
      labels: [claim.speaker.kind, ...(claim.hedged ? ["hedged"] : [])],
    });
    return object;
  }

  reportId(hash: string): string {
    return this.id("report", hash);
  }

  /** A document as a report of the objects read from it. */
  report(document: ExchangeEvent["document"], refs: readonly string[]): StixObject {
    const object = this.#base("report", this.reportId(document.contentHash), document.retrievedAt);
    Object.assign(object, {
      name: document.title ?? document.key,
      report_types: ["threat-report"],
      published: timestamp(document.published ?? document.retrievedAt),
      object_refs: refs,
    });
    const reference = { source_name: document.key, ...(document.url === null ? {} : { url: document.url }), description: document.source };
    object["external_references"] = [reference];
    return object;
  }
}
