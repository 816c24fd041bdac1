/**
 * A STIX 2.1 bundle of the exported events, streamed. Events come in id order, so a document's
 * events arrive together: when a document's first event comes, its record gives the actors and
 * standing relations; when its last has gone, its claims become notes and the document a report
 * of everything read from it. Objects several documents share (actors, places, relations) are
 * written once; what belongs to one document is written with it and forgotten.
 */
import type { Actor, ExtractionRecord } from "../../core/index.js";
import type { EventQuery, ExchangeEvent, Store } from "../../store/index.js";
import type { EventFormat } from "../format.js";
import type { ExchangeTables } from "../tables.js";
import { uuidv5 } from "./ids.js";
import { StixBuilder, type StixObject } from "./objects.js";

export { uuidv5, stixId } from "./ids.js";

/** What the STIX export reads besides the events: each document's record and text. */
export type RecordSource = Pick<Store, "record" | "document">;

interface OpenDocument {
  id: number;
  info: ExchangeEvent["document"];
  record: ExtractionRecord | null;
  text: string;
  /** Every object read from the document, for its report. */
  refs: Set<string>;
  /** The incidents resting on each claim. */
  claimRefs: Map<string, string[]>;
}

/** The STIX export of the events matching `query`; the bundle's id is derived from the query. */
export function stixFormat(tables: ExchangeTables, source: RecordSource, query: EventQuery): EventFormat {
  const build = new StixBuilder(tables);
  const shared = new Set<string>();
  let open: OpenDocument | null = null;
  let written = 0;
  let out = "";
  const emit = (object: StixObject): void => {
    out += `${written === 0 ? "" : ",\n"}${JSON.stringify(object)}`;
    written += 1;
  };
  /** Writes an object several documents may share, once. */
  const emitShared = (object: StixObject): void => {
    if (shared.has(object.id)) return;
    shared.add(object.id);
    emit(object);
  };
  const quote = (doc: OpenDocument, spans: ReadonlyArray<[number, number]>) => spans.map(([s, e]) => doc.text.slice(s, e)).join(" … ");

  async function openDocument(e: ExchangeEvent): Promise<OpenDocument> {
    const [record, stored] = await Promise.all([source.record(e.documentId), source.document(e.documentId)]);
    const doc: OpenDocument = { id: e.documentId, info: e.document, record, text: stored?.text ?? "", refs: new Set(), claimRefs: new Map() };
    const when = e.document.retrievedAt;
    const actors = new Map<string, Actor>((record?.actors ?? []).map((a) => [a.id, a]));
    for (const relation of record?.relations ?? []) {
      const object = build.relation(relation, actors, when, quote(doc, relation.evidence));
      if (object === null) continue;
      for (const id of [relation.actor, relation.recipient]) {
        const actor = actors.get(id);
        if (actor !== undefined) emitShared(build.actor(actor, when));
      }
      emitShared(object);
      doc.refs.add(object.id).add(String(object["source_ref"])).add(String(object["target_ref"]));
    }
    return doc;
  }

  function closeDocument(doc: OpenDocument): void {
    const when = doc.info.retrievedAt;
    for (const claim of doc.record?.claims ?? []) {
      const refs = doc.claimRefs.get(claim.id);
      if (refs === undefined) continue;
      const note = build.note(claim, doc.info.contentHash, refs, when, quote(doc, claim.evidence));
      emit(note);
      doc.refs.add(note.id);
    }
    emit(build.report(doc.info, [...doc.refs]));
  }

  function addEvent(doc: OpenDocument, e: ExchangeEvent): void {
    const when = e.document.retrievedAt;
    const incident = build.incident(e);
    emit(incident);
    doc.refs.add(incident.id);
    const link = (type: string, target: string) => {
      const relationship = build.relationship(type, incident.id, target, when, null);
      emit(relationship);
      doc.refs.add(relationship.id).add(target);
    };
    const actors = new Map((doc.record?.actors ?? []).map((a) => [`${a.name}|${a.kind}|${a.country ?? ""}`, a]));
    for (const [parties, type] of [[e.actorParties, "attributed-to"], [e.recipientParties, "targets"]] as const) {
      for (const party of parties) {
        const actor = actors.get(`${party.name}|${party.kind}|${party.country ?? ""}`)
          ?? { id: party.localId, name: party.name, aliases: [], kind: party.kind as Actor["kind"], country: party.country, parent: null, mentions: [] };
        emitShared(build.actor(actor, when));
        link(type, build.actorId(actor));
      }
    }
    const place = build.location(e, when);
    if (place !== null) {
      emitShared(place);
      link("located-at", place.id);
    }
    if (e.claim !== null) {
      const refs = doc.claimRefs.get(e.claim) ?? [];
      refs.push(incident.id);
      doc.claimRefs.set(e.claim, refs);
    }
  }

  return {
    contentType: "application/stix+json;version=2.1",
    narrow: (q) => q,
    head() {
      const id = `bundle--${uuidv5(tables.stix.namespace, `bundle|${JSON.stringify(query)}`)}`;
      emit(build.creatorIdentity());
      const head = `{"type":"bundle","id":"${id}","objects":[\n${out}`;
      out = "";
      return head;
    },
    async page(events) {
      for (const e of events) {
        if (open === null || open.id !== e.documentId) {
          if (open !== null) closeDocument(open);
          open = await openDocument(e);
        }
        addEvent(open, e);
      }
      const text = out;
      out = "";
      return text;
    },
    tail() {
      if (open !== null) closeDocument(open);
      open = null;
      const text = `${out}\n]}\n`;
      out = "";
      return text;
    },
    get written() {
      return written;
    },
  };
}
