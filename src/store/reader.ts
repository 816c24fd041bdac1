/**
 * The archive's read side, the same for both drivers: each driver gives a way to run a
 * statement (`run`) and its `Dialect`; the reader builds the queries and shapes the rows.
 */
import type { Modality, PloverType, RelationType, Span, SpeakerKind } from "../core/index.js";
import { sentenceAround } from "../core/index.js";
import { NotFoundError } from "../core/index.js";
import {
  CORRECTIONS_SQL, insertCorrectionSql, insertTokenSql, LIVE_TOKENS_SQL, revokeTokenSql, tokenByHashSql, TOKENS_SQL, toCorrection, toToken,
} from "./access-queries.js";
import { CorrectionMap } from "./corrections.js";
import type { EventFilter } from "./event-filter.js";
import { timeSeriesSql, toTimeSeries } from "./time-series.js";
import {
  actorsSql, documentRefsSql, documentSql, documentsSql, eventActorsSql, eventSql, eventsSql, mergedActorsSql, storedNamesSql, toActorSummary,
  toDocumentRef, toStoredDocument, toStoredEvent,
} from "./queries.js";
import { bool, DEFAULT_LIMIT, str, type Dialect, type Row, type Sql } from "./sql.js";
import type {
  ActorDetail, ActorQuery, ActorSummary, ClaimQuery, DocumentQuery, DocumentRef, EventQuery, Facets, Mention, Network, NetworkEdge,
  NetworkNode, NewCorrection, NewToken, SpeakerSummary, StatisticQuery, StoredClaim, StoredCorrection, StoredDocument, StoredEvent,
  StoredRelation, StoredStatistic, StoredToken, TimeSeries, TimeSeriesOptions,
} from "./store.js";
import {
  actorAliasesSql, actorKindsSql, actorMentionsSql, actorNameSql, actorRelationsSql, actorTotalsSql, claimsSql, dateRangeSql,
  actorRowsSql, eventLinksSql, facetSql, networkEventsSql, networkRelationsSql, speakersSql, statisticsSql, unpackEvents, unpackLinks,
} from "./view-queries.js";

type Run = (sql: Sql) => Promise<Row[]>;
/**
 * A driver's own statements for an events query, tried in order: one that is `bounded` walks only
 * part of the events, so it answers only when it finds every row asked for; the shared statement
 * answers when none does.
 */
export type Listing = (query: EventQuery & EventFilter) => ReadonlyArray<{ sql: Sql; bounded?: boolean }>;

const spans = (value: unknown): Span[] => JSON.parse(String(value)) as Span[];
/** The events an edge lists at most. */
const EDGE_EVENTS = 20;
/** Mentions an actor's detail quotes. */
const MENTIONS = 20;

/** The read methods of `Store`, with the corrections applied, and its single-statement writes (tokens, corrections), over a driver's `run`. */
export class Reader {
  readonly #run: Run;
  readonly #d: Dialect;
  readonly #listing: Listing | undefined;

  /** `listing`: a driver's own statements for an events query it answers faster (none: the shared one answers). */
  constructor(run: Run, dialect: Dialect, listing?: Listing) {
    this.#run = run;
    this.#d = dialect;
    this.#listing = listing;
  }

  async #refs(ids: readonly number[]): Promise<Map<number, DocumentRef>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.#run(documentRefsSql(unique, this.#d));
    return new Map(rows.map((row) => [Number(row["id"]), toDocumentRef(row)]));
  }

  /** The document reference of `id` from `refs` (a row's document always exists: foreign keys). */
  #ref(refs: Map<number, DocumentRef>, id: number): DocumentRef {
    return refs.get(id) ?? { id, title: null, url: null, source: "", published: null };
  }

  async #corrections(): Promise<CorrectionMap> {
    return new CorrectionMap((await this.#run(CORRECTIONS_SQL)).map(toCorrection));
  }

  /** `query` with what the corrections add: the names its actor stands for, and events marked wrong left out. */
  async #resolve<Q extends EventFilter>(query: Q): Promise<{ query: Q; map: CorrectionMap }> {
    const map = await this.#corrections();
    const names = query.actor !== undefined && map.renames ? { names: map.namesFor(query.actor) } : {};
    return { query: { ...query, ...names, ...(map.hidesEvents ? { hideWrong: true } : {}) }, map };
  }

  async #withActors(rows: Row[], map: CorrectionMap): Promise<StoredEvent[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => Number(r["id"]));
    const [links, refs] = await Promise.all([this.#run(eventActorsSql(ids, this.#d)), this.#refs(rows.map((r) => Number(r["document_id"])))]);
    const shown = map.renames ? links.map((l) => ({ ...l, name: map.display(String(l["name"])) })) : links;
    return rows.map((row) => toStoredEvent(row, shown, this.#ref(refs, Number(row["document_id"]))));
  }

  async events(query: EventQuery): Promise<StoredEvent[]> {
    const { query: resolved, map } = await this.#resolve(query);
    return this.#withActors(await this.#listed(resolved), map);
  }

  async #listed(query: EventQuery & EventFilter): Promise<Row[]> {
    for (const { sql, bounded } of this.#listing?.(query) ?? []) {
      const rows = await this.#run(sql);
      if (!bounded || rows.length >= (query.limit ?? DEFAULT_LIMIT)) return rows;
    }
    return this.#run(eventsSql(query, this.#d));
  }

  async event(id: number): Promise<StoredEvent | null> {
    const [event] = await this.#withActors(await this.#run(eventSql(id, this.#d)), await this.#corrections());
    return event ?? null;
  }

  async timeSeries(query: EventQuery, options: TimeSeriesOptions): Promise<TimeSeries> {
    const { query: resolved } = await this.#resolve(query);
    return toTimeSeries(await this.#run(timeSeriesSql(resolved, options, this.#d)), options);
  }

  async actors(query: ActorQuery): Promise<ActorSummary[]> {
    const map = await this.#corrections();
    const merged = map.mergedNames();
    if (merged.length === 0) return (await this.#run(actorsSql(query, this.#d))).map(toActorSummary);
    // The stored spellings of the merged names: their rows are counted under the name they show as.
    const stored = (await this.#run(storedNamesSql(merged, this.#d))).map((r) => String(r["name"])).filter((n) => merged.includes(n.toLowerCase()));
    const shown = stored.map((name) => [name, map.display(name)] as const);
    const names = query.name === undefined ? null : map.namesFor(query.name);
    return (await this.#run(mergedActorsSql(query, names, shown, this.#d))).map(toActorSummary);
  }

  async documents(query: DocumentQuery): Promise<StoredDocument[]> {
    return (await this.#run(documentsSql(query, this.#d))).map(toStoredDocument);
  }

  async document(id: number): Promise<(StoredDocument & { text: string }) | null> {
    const [row] = await this.#run(documentSql(id, this.#d));
    return row === undefined ? null : { ...toStoredDocument(row), text: String(row["text"]) };
  }

  async facets(filter: EventFilter): Promise<Facets> {
    const { query } = await this.#resolve(filter);
    const [countries, admin1, types, modalities, [range]] = await Promise.all([
      this.#run(facetSql("countries", query, this.#d)),
      this.#run(facetSql("admin1", query, this.#d)),
      this.#run(facetSql("types", query, this.#d)),
      this.#run(facetSql("modalities", query, this.#d)),
      this.#run(dateRangeSql(query, this.#d)),
    ]);
    const min = str(range?.["min"]);
    const max = str(range?.["max"]);
    return {
      countries: countries.map((r) => ({ code: String(r["country"]), count: Number(r["count"]) })),
      admin1: admin1.map((r) => ({ country: str(r["country"]), name: String(r["name"]), count: Number(r["count"]) })),
      types: types.map((r) => ({ type: String(r["type"]) as PloverType, count: Number(r["count"]) })),
      modalities: modalities.map((r) => ({ modality: String(r["modality"]) as Modality, count: Number(r["count"]) })),
      dateRange: min === null || max === null ? null : { min, max },
    };
  }

  async network(filter: EventFilter, options: { limit: number; sample: number }): Promise<Network> {
    const { query, map } = await this.#resolve(filter);
    const [sampled] = await this.#run(networkEventsSql(query, options.sample, this.#d));
    const matched = unpackEvents(sampled?.["events"]);
    const truncated = matched.length > options.sample;
    const events = matched.slice(0, options.sample);
    const typeOf = new Map(events.map((e) => [e.id, e.type as PloverType]));
    const stored = typeOf.size === 0 ? [] : await this.#participants([...typeOf.keys()]);
    const links = map.renames ? stored.map((l) => ({ ...l, name: map.display(String(l["name"])) })) : stored;
    const everyone = rankNodes(links);
    const nodes = new Map([...everyone].slice(0, options.limit));
    const edges = eventEdges(links, typeOf, nodes);
    if (nodes.size > 0) {
      const relations = (await this.#run(networkRelationsSql([...nodes.keys()], this.#d)))
        .map((r) => ({ ...r, actor: map.display(String(r["actor"])), recipient: map.display(String(r["recipient"])) }));
      edges.push(...relationEdges(relations, nodes, everyone, options.limit));
    }
    return { nodes: [...nodes.values()], edges, events: events.length, truncated };
  }

  /** The actors of the given events: a row per link, with the event, role, and the actor's name, kind and country. */
  async #participants(ids: readonly number[]): Promise<Row[]> {
    const [row] = await this.#run(eventLinksSql(ids, this.#d));
    const links = unpackLinks(row?.["links"]);
    if (links.length === 0) return [];
    const actors = new Map((await this.#run(actorRowsSql([...new Set(links.map((l) => l.actorId))], this.#d))).map((a) => [Number(a["id"]), a]));
    const rows: Row[] = [];
    for (const { eventId, actorId, role } of links) {
      const actor = actors.get(actorId);
      if (actor !== undefined) rows.push({ event_id: eventId, role, name: actor["name"], kind: actor["kind"], country: actor["country"] });
    }
    return rows;
  }

  /** The stored spelling of a name or alias, or null. */
  async #storedName(name: string): Promise<string | null> {
    const [found] = await this.#run(actorNameSql(name, this.#d));
    return found === undefined ? null : String(found["name"]);
  }

  async actor(name: string): Promise<ActorDetail | null> {
    const map = await this.#corrections();
    // The actor the name stands for (an alias's actor, merges followed), and the names merged into it.
    const stored = (await this.#storedName(map.resolve(name))) ?? (await this.#storedName(name));
    if (stored === null) return null;
    const shown = map.display(stored);
    const merged = await Promise.all(map.mergedInto(shown).map((from) => this.#storedName(from)));
    const names = [...new Set([stored, ...merged.filter((n): n is string => n !== null)])];
    const [[kind], [totals], aliasRows, mentionRows, relationRows] = await Promise.all([
      this.#run(actorKindsSql(names, this.#d)),
      this.#run(actorTotalsSql(names, this.#d)),
      this.#run(actorAliasesSql(names, this.#d)),
      this.#run(actorMentionsSql(names, MENTIONS, this.#d)),
      this.#run(actorRelationsSql(names, this.#d)),
    ]);
    const aliases = new Set<string>(map.aliasesOf(shown));
    for (const row of aliasRows) for (const alias of JSON.parse(String(row["aliases"])) as string[]) aliases.add(alias);
    for (const n of names) aliases.add(n);
    aliases.delete(shown);
    aliases.delete(stored);
    const refs = await this.#refs([...mentionRows, ...relationRows].map((r) => Number(r["document_id"])));
    return {
      name: shown,
      kind: String(kind?.["kind"] ?? "other"),
      country: str(kind?.["country"]),
      documents: Number(totals?.["documents"] ?? 0),
      events: Number(totals?.["events"] ?? 0),
      aliases: [...aliases].sort(),
      relations: relationRows.map((row) => toRelation({ ...row, actor: map.display(String(row["actor"] ?? "")) || null, recipient: map.display(String(row["recipient"] ?? "")) || null },
        this.#ref(refs, Number(row["document_id"])))),
      mentions: mentionRows.flatMap((row) => toMentions(row, this.#ref(refs, Number(row["document_id"])))).slice(0, MENTIONS),
    };
  }

  async createToken(token: NewToken): Promise<StoredToken> {
    const [row] = await this.#run(insertTokenSql(token, this.#d));
    if (row === undefined) throw new Error("the token was not stored");
    return toToken(row);
  }

  async tokens(): Promise<StoredToken[]> {
    return (await this.#run(TOKENS_SQL)).map(toToken);
  }

  async tokenByHash(hash: string): Promise<StoredToken | null> {
    const [row] = await this.#run(tokenByHashSql(hash, this.#d));
    return row === undefined ? null : toToken(row);
  }

  async revokeToken(id: number, at: string): Promise<boolean> {
    return (await this.#run(revokeTokenSql(id, at, this.#d))).length > 0;
  }

  async liveTokens(): Promise<number> {
    const [row] = await this.#run(LIVE_TOKENS_SQL);
    return Number(row?.["n"] ?? 0);
  }

  async addCorrection(correction: NewCorrection, createdBy: string | null, at: string): Promise<StoredCorrection> {
    const [row] = await this.#run(insertCorrectionSql(correction, createdBy, at, this.#d));
    if (row === undefined) throw new NotFoundError("event", correction.kind === "event-wrong" ? `e${correction.eventId}` : "");
    return toCorrection(row);
  }

  async corrections(): Promise<StoredCorrection[]> {
    return (await this.#run(CORRECTIONS_SQL)).map(toCorrection);
  }

  async claims(filter: ClaimQuery): Promise<StoredClaim[]> {
    const { query } = await this.#resolve(filter);
    const rows = await this.#run(claimsSql(query, this.#d));
    const refs = await this.#refs(rows.map((r) => Number(r["document_id"])));
    return rows.map((row) => ({
      id: Number(row["id"]),
      documentId: Number(row["document_id"]),
      localId: String(row["local_id"]),
      speaker: String(row["speaker"]),
      speakerKind: String(row["kind"]) as SpeakerKind,
      speakerName: str(row["name"]),
      hedged: bool(row["hedged"]),
      text: String(row["sentence"]),
      evidence: spans(row["evidence"]),
      document: this.#ref(refs, Number(row["document_id"])),
    }));
  }

  async speakers(filter: ClaimQuery): Promise<SpeakerSummary[]> {
    const { query } = await this.#resolve(filter);
    return (await this.#run(speakersSql(query, this.#d))).map((row) => ({
      speaker: String(row["speaker"]), kind: String(row["kind"]) as SpeakerKind, claims: Number(row["claims"]), hedged: Number(row["hedged"]),
    }));
  }

  async statistics(filter: StatisticQuery): Promise<StoredStatistic[]> {
    const { query } = await this.#resolve(filter);
    const rows = await this.#run(statisticsSql(query, this.#d));
    const refs = await this.#refs(rows.map((r) => Number(r["document_id"])));
    return rows.map((row) => {
      const [start, end] = [str(row["period_start"]), str(row["period_end"])];
      return {
        id: Number(row["id"]),
        documentId: Number(row["document_id"]),
        subject: str(row["subject"]),
        measure: String(row["measure"]),
        value: Number(row["value"]),
        period: start === null || end === null ? null : { start, end },
        claim: str(row["claim"]),
        evidence: spans(row["evidence"]),
        text: String(row["sentence"]),
        document: this.#ref(refs, Number(row["document_id"])),
      };
    });
  }
}

/** Every actor of the events, by name, the one taking part in the most events first; a name's kind and country are its most frequent. */
function rankNodes(links: readonly Row[]): Map<string, NetworkNode> {
  const events = new Map<string, Set<number>>();
  const kinds = new Map<string, Map<string, { kind: string; country: string | null; n: number }>>();
  for (const link of links) {
    const name = String(link["name"]);
    const seen = events.get(name) ?? new Set<number>();
    seen.add(Number(link["event_id"]));
    events.set(name, seen);
    const byKind = kinds.get(name) ?? new Map<string, { kind: string; country: string | null; n: number }>();
    const key = `${String(link["kind"])}\u0000${str(link["country"]) ?? ""}`;
    const entry = byKind.get(key) ?? { kind: String(link["kind"]), country: str(link["country"]), n: 0 };
    entry.n += 1;
    byKind.set(key, entry);
    kinds.set(name, byKind);
  }
  const ranked = [...events].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1));
  return new Map(ranked.map(([name, seen]) => {
    const top = [...(kinds.get(name)?.values() ?? [])].sort((a, b) => b.n - a.n)[0];
    return [name, { id: name, name, kind: top?.kind ?? "other", country: top?.country ?? null, events: seen.size }];
  }));
}

/** Relations that direct or sponsor an actor bring their other side into the network (a quarter of `limit` at most). */
const PARTNER_RELATIONS: ReadonlySet<string> = new Set(["directs", "sponsors"]);

/**
 * Edges of standing relations between `nodes`; a directing or sponsoring partner from outside
 * joins the nodes, with what the sampled events say of it (`everyone`).
 */
function relationEdges(rows: readonly Row[], nodes: Map<string, NetworkNode>, everyone: ReadonlyMap<string, NetworkNode>, limit: number): NetworkEdge[] {
  const edges: NetworkEdge[] = [];
  let partners = Math.max(1, Math.floor(limit / 4));
  for (const row of rows) {
    const [source, target, kind] = [String(row["actor"]), String(row["recipient"]), String(row["type"]) as RelationType];
    if (source === target) continue; // two actors merged into one
    const outside = [source, target].filter((name) => !nodes.has(name));
    if (outside.length > 0 && (!PARTNER_RELATIONS.has(kind) || outside.length > partners)) continue;
    for (const name of outside) {
      nodes.set(name, everyone.get(name) ?? { id: name, name, kind: "other", country: null, events: 0 });
      partners -= 1;
    }
    edges.push({ source, target, kind, type: null, count: Number(row["count"]), eventIds: [] });
  }
  return edges;
}

/** Actor → recipient edges between `nodes`, one per pair and event type, with their events (latest first). */
function eventEdges(links: readonly Row[], typeOf: ReadonlyMap<number, PloverType>, nodes: ReadonlyMap<string, NetworkNode>): NetworkEdge[] {
  const byEvent = new Map<number, { actors: string[]; recipients: string[] }>();
  for (const link of links) {
    const name = String(link["name"]);
    if (!nodes.has(name)) continue;
    const id = Number(link["event_id"]);
    const sides = byEvent.get(id) ?? { actors: [], recipients: [] };
    (link["role"] === "actor" ? sides.actors : sides.recipients).push(name);
    byEvent.set(id, sides);
  }
  const edges = new Map<string, NetworkEdge>();
  // typeOf holds the events latest first, so each edge's list starts with its latest events.
  for (const [id, type] of typeOf) {
    const sides = byEvent.get(id);
    if (sides === undefined) continue;
    for (const source of sides.actors) {
      for (const target of sides.recipients) {
        if (source === target) continue;
        const key = `${source}\u0000${target}\u0000${type}`;
        const edge = edges.get(key) ?? { source, target, kind: "event" as const, type, count: 0, eventIds: [] };
        edge.count += 1;
        if (edge.eventIds.length < EDGE_EVENTS) edge.eventIds.push(id);
        edges.set(key, edge);
      }
    }
  }
  return [...edges.values()].sort((a, b) => b.count - a.count);
}

function toRelation(row: Row, document: DocumentRef): StoredRelation {
  return {
    id: Number(row["id"]),
    type: String(row["type"]) as RelationType,
    actor: str(row["actor"]),
    recipient: str(row["recipient"]),
    modality: String(row["modality"]) as Modality,
    claim: str(row["claim"]),
    evidence: spans(row["evidence"]),
    text: String(row["sentence"]),
    document,
  };
}

function toMentions(row: Row, document: DocumentRef): Mention[] {
  const text = String(row["text"]);
  return spans(row["mentions"]).map(([start, end]) => {
    const [from, to] = sentenceAround(text, [[start, end]]);
    return { documentId: document.id, start, end, text: text.slice(start, end), context: { text: text.slice(from, to), start: from }, document };
  });
}
