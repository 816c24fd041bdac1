/**
 * The queries behind the API's views of the archive: facets, the actor network, claims and
 * speakers, statistics, and one actor in detail. Shared by both drivers, as queries.ts is.
 */
import { countable, countedDateSql, countedFrom, countTable } from "./counts.js";
import { eventConditions, hasEventFilter, walksNames, type EventFilter } from "./event-filter.js";
import { orderBy, Where, type Dialect, type Order, type Sql } from "./sql.js";
import type { ClaimQuery, StatisticQuery } from "./store.js";

/** The facets' fields, and the filter each one leaves out (a facet lists the other values one could pick). */
export const FACETS = {
  countries: { select: "e.country AS country", group: "e.country", omit: ["country"] },
  admin1: { select: "e.country AS country, e.admin1 AS name", group: "e.country, e.admin1", omit: ["admin1"] },
  types: { select: "e.type AS type", group: "e.type", omit: ["type"] },
  modalities: { select: "e.modality AS modality", group: "e.modality", omit: ["modality"] },
} as const;

/** The largest number of values a facet lists. */
const FACET_VALUES = 500;

function without(query: EventFilter, keys: readonly string[]): EventFilter {
  return Object.fromEntries(Object.entries(query).filter(([key]) => !keys.includes(key))) as EventFilter;
}

/** Counts of the matching events by one facet's field, the most frequent first (from the rollups when they hold the filters). */
export function facetSql(facet: keyof typeof FACETS, query: EventFilter, d: Dialect): Sql {
  const spec = FACETS[facet];
  const filter = without(query, spec.omit);
  const w = new Where(d);
  const present = spec.group.split(", ").map((column) => `${column} IS NOT NULL`);
  let from = "events e";
  let count = "COUNT(*)";
  let having = "";
  let where = "";
  if (countable(filter)) {
    from = countedFrom(filter, w, countTable(filter), spec.group.split(", ").map((column) => column.slice(2)), present);
    count = "SUM(e.n)";
    having = ` HAVING ${count} > 0`;
  } else {
    eventConditions(filter, w);
    for (const condition of present) w.raw(condition);
    where = w.text();
  }
  return {
    text: `SELECT ${spec.select}, ${count} AS count FROM ${from} ${where} GROUP BY ${spec.group}${having}
      ORDER BY count DESC, ${spec.group} ${w.limit(FACET_VALUES)}`,
    params: w.params,
  };
}

/** The first and last day of the matching events, whatever their dates filter. */
export function dateRangeSql(query: EventFilter, d: Dialect): Sql {
  const w = new Where(d);
  const filter = without(query, ["since", "until"]);
  if (countable(filter)) {
    const [min, max] = [countedDateSql(filter, w, "date_start"), countedDateSql(filter, w, "date_end")];
    return { text: `SELECT (${min}) AS min, (${max}) AS max`, params: w.params };
  }
  eventConditions(filter, w);
  return { text: `SELECT MIN(e.date_start) AS min, MAX(e.date_end) AS max FROM events e ${w.text()}`, params: w.params };
}

/**
 * The ids and types of the latest `sample` matching events (one more, to tell whether there are
 * more), latest first, packed in one string: "id type" joined by ";" (`unpackEvents`).
 */
export function networkEventsSql(query: EventFilter, sample: number, d: Dialect): Sql {
  const walk = walksNames(query);
  const w = new Where(d);
  eventConditions(query, w, walk);
  const order: Order = walk ? { column: "n.date_start", id: "n.event_id", descending: true } : { column: "e.date_start", id: "e.id", descending: true };
  const from = walk ? "event_names n JOIN events e ON e.id = n.event_id" : "events e";
  const latest = `SELECT e.id, e.type, ${order.column ?? "e.date_start"} AS day FROM ${from} ${w.text()} ${orderBy(order)} ${w.limit(sample + 1)}`;
  return {
    text: `SELECT string_agg(x.id || ' ' || x.type, ';' ORDER BY x.day DESC NULLS LAST, x.id DESC) AS events FROM (${latest}) x`,
    params: w.params,
  };
}

/** The events `networkEventsSql` packed, in its order. */
export function unpackEvents(packed: unknown): Array<{ id: number; type: string }> {
  if (packed === null || packed === undefined || packed === "") return [];
  return String(packed).split(";").map((event) => {
    const space = event.indexOf(" ");
    return { id: Number(event.slice(0, space)), type: event.slice(space + 1) };
  });
}

/**
 * The links of the given events to their actors, packed in one string: "event actor role" joined
 * by ";" (ten thousand events have tens of thousands of links, which cost far more handed over a
 * row each than read). `participantsOf` unpacks them.
 */
export function eventLinksSql(ids: readonly number[], d: Dialect): Sql {
  return {
    text: `SELECT string_agg(ea.event_id || ' ' || ea.actor_id || ' ' || ea.role, ';') AS links FROM event_actors ea
      WHERE ea.event_id IN (${d.idList(d.param(1))})`,
    params: [d.idParam(ids)],
  };
}

/** The name, kind and country of the given actor rows. */
export function actorRowsSql(ids: readonly number[], d: Dialect): Sql {
  return { text: `SELECT a.id, a.name, a.kind, a.country FROM actors a WHERE a.id IN (${d.idList(d.param(1))})`, params: [d.idParam(ids)] };
}

/** The links `eventLinksSql` packed, as actor ids with their event and role. */
export function unpackLinks(packed: unknown): Array<{ eventId: number; actorId: number; role: string }> {
  if (packed === null || packed === undefined || packed === "") return [];
  return String(packed).split(";").map((link) => {
    const first = link.indexOf(" ");
    const second = link.indexOf(" ", first + 1);
    return { eventId: Number(link.slice(0, first)), actorId: Number(link.slice(first + 1, second)), role: link.slice(second + 1) };
  });
}

/** Asserted standing relations touching any of `names`, counted by type and pair. */
export function networkRelationsSql(names: readonly string[], d: Dialect): Sql {
  const w = new Where(d);
  const [actors, recipients] = [w.param(d.textParam(names)), w.param(d.textParam(names))];
  w.raw(`(r.actor IN (${d.textList(actors)}) OR r.recipient IN (${d.textList(recipients)}))`);
  w.raw("r.actor IS NOT NULL AND r.recipient IS NOT NULL AND r.actor <> r.recipient");
  w.add("asserted", (p) => `r.modality = ${p}`);
  return {
    text: `SELECT r.type, r.actor, r.recipient, COUNT(*) AS count FROM relations r ${w.text()}
      GROUP BY r.type, r.actor, r.recipient ORDER BY count DESC, r.actor, r.recipient ${w.limit(200)}`,
    params: w.params,
  };
}

const CLAIM_COLUMNS = "c.id, c.document_id, c.local_id, c.speaker, c.kind, c.name, c.hedged, c.evidence, c.sentence";

/** The conditions of a claim query on `claims c`. */
function claimConditions(query: ClaimQuery & EventFilter, w: Where): void {
  if (query.speakerKind) w.add(query.speakerKind, (p) => `c.kind = ${p}`);
  if (query.hedged !== undefined) w.add(w.dialect.bool(query.hedged), (p) => `c.hedged = ${p}`);
  // A claim is in view when an event in view rests on it.
  if (hasEventFilter(query)) {
    w.exists("events e", (inner) => {
      inner.raw("e.document_id = c.document_id AND e.claim = c.local_id");
      eventConditions(query, inner);
    });
  }
}

/** Claims matching `query`, latest stored first. */
export function claimsSql(query: ClaimQuery & EventFilter, d: Dialect): Sql {
  const w = new Where(d);
  claimConditions(query, w);
  const order: Order = { column: null, id: "c.id", descending: true };
  w.after(order, query.after);
  return { text: `SELECT ${CLAIM_COLUMNS} FROM claims c ${w.text()} ${orderBy(order)} ${w.limit(query.limit)}`, params: w.params };
}

/** Speakers of the matching claims, the most quoted first. */
export function speakersSql(query: ClaimQuery & EventFilter, d: Dialect): Sql {
  const w = new Where(d);
  claimConditions(query, w);
  return {
    text: `SELECT c.speaker, c.kind, COUNT(*) AS claims, SUM(CASE WHEN c.hedged THEN 1 ELSE 0 END) AS hedged FROM claims c ${w.text()}
      GROUP BY c.speaker, c.kind ORDER BY claims DESC, c.speaker, c.kind ${w.limit(query.limit)}`,
    params: w.params,
  };
}

/** Statistics matching `query`, latest stored first: those of documents with an event in view. */
export function statisticsSql(query: StatisticQuery & EventFilter, d: Dialect): Sql {
  const w = new Where(d);
  if (query.measure) w.add(query.measure, (p) => `s.measure = ${p}`);
  if (hasEventFilter(query)) {
    w.exists("events e", (inner) => {
      inner.raw("e.document_id = s.document_id");
      eventConditions(query, inner);
    });
  }
  const order: Order = { column: null, id: "s.id", descending: true };
  w.after(order, query.after);
  return {
    text: `SELECT s.id, s.document_id, s.subject, s.measure, s.value, s.period_start, s.period_end, s.claim, s.evidence, s.sentence
      FROM statistics s ${w.text()} ${orderBy(order)} ${w.limit(query.limit)}`,
    params: w.params,
  };
}

/** The stored name an actor query means: a name or alias (any case), its most frequent spelling, an exact name first. */
export function actorNameSql(name: string, d: Dialect): Sql {
  const w = new Where(d);
  w.add(name.toLowerCase(), (p) => `a.id IN (SELECT actor_id FROM actor_names WHERE name = ${p})`);
  const exact = w.param(name.toLowerCase());
  return {
    text: `SELECT a.name, COUNT(*) AS count FROM actors a ${w.text()} GROUP BY a.name
      ORDER BY MAX(CASE WHEN lower(a.name) = ${exact} THEN 1 ELSE 0 END) DESC, count DESC, a.name LIMIT 1`,
    params: w.params,
  };
}

/** An actor's kinds and countries with their counts, the most active first; and its totals. */
export function actorKindsSql(names: readonly string[], d: Dialect): Sql {
  return {
    text: `SELECT a.kind, a.country, COUNT(*) AS n FROM actors a WHERE a.name IN (${d.textList(d.param(1))})
      GROUP BY a.kind, a.country ORDER BY n DESC, a.kind LIMIT 1`,
    params: [d.textParam(names)],
  };
}

/**
 * The documents and events of the actor rows named `names`. An event's links go to actor rows of
 * its own document (a record's), so an event can count for two of these rows only when their
 * document has two: the events of the rows alone in their document are counted row by row, each
 * from its own index range in event order (no sort), and only the others are counted together.
 */
export function actorTotalsSql(names: readonly string[], d: Dialect): Sql {
  const named = `SELECT a.id, a.document_id FROM actors a WHERE a.name IN (${d.textList(d.param(1))})`;
  const shared = "SELECT document_id FROM named GROUP BY document_id HAVING COUNT(*) > 1";
  return {
    text: `WITH named AS (${named}), shared AS (${shared})
      SELECT (SELECT COUNT(DISTINCT document_id) FROM named) AS documents,
        (SELECT COUNT(DISTINCT ea.event_id) FROM named n JOIN event_actors ea ON ea.actor_id = n.id WHERE n.document_id IN (SELECT document_id FROM shared))
        + coalesce((SELECT SUM(x.events) FROM (SELECT (SELECT COUNT(DISTINCT ea.event_id) FROM event_actors ea WHERE ea.actor_id = n.id) AS events
          FROM named n WHERE n.document_id NOT IN (SELECT document_id FROM shared)) x), 0) AS events`,
    params: [d.textParam(names)],
  };
}

/** The distinct alias lists an actor's rows carry. */
export function actorAliasesSql(names: readonly string[], d: Dialect): Sql {
  return { text: `SELECT DISTINCT a.aliases FROM actors a WHERE a.name IN (${d.textList(d.param(1))}) LIMIT 500`, params: [d.textParam(names)] };
}

/** The latest documents naming an actor, with its mention spans there and the document's text. */
export function actorMentionsSql(names: readonly string[], documents: number, d: Dialect): Sql {
  return {
    text: `SELECT a.document_id, a.mentions, d.text FROM actors a JOIN documents d ON d.id = a.document_id
      WHERE a.name IN (${d.textList(d.param(1))}) AND a.mentions <> '[]' ORDER BY d.published DESC NULLS LAST, a.document_id DESC LIMIT ${d.param(2)}`,
    params: [d.textParam(names), documents],
  };
}

/** Standing relations from or to an actor, latest stored first. */
export function actorRelationsSql(names: readonly string[], d: Dialect): Sql {
  return {
    text: `SELECT r.id, r.document_id, r.type, r.actor, r.recipient, r.modality, r.claim, r.evidence, r.sentence FROM relations r
      WHERE r.actor IN (${d.textList(d.param(1))}) OR r.recipient IN (${d.textList(d.param(2))}) ORDER BY r.id DESC LIMIT 100`,
    params: [d.textParam(names), d.textParam(names)],
  };
}
