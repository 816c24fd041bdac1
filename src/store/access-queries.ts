/**
 * Tokens and corrections: single statements both drivers run (each write returns its row, so
 * one `run` serves reads and writes).
 */
import type { PloverType, Span } from "../core/index.js";
import { num, str, type Dialect, type Row, type Sql } from "./sql.js";
import type { CorrectionKind, NewCorrection, NewToken, StoredCorrection, StoredToken, TokenRole } from "./store.js";

const TOKEN_COLUMNS = "id, name, role, created_at, revoked_at";

export function insertTokenSql(token: NewToken, d: Dialect): Sql {
  const p = [1, 2, 3, 4].map((n) => d.param(n));
  return {
    text: `INSERT INTO tokens (name, role, hash, created_at) VALUES (${p.join(", ")}) RETURNING ${TOKEN_COLUMNS}`,
    params: [token.name, token.role, token.hash, token.createdAt],
  };
}

export const TOKENS_SQL: Sql = { text: `SELECT ${TOKEN_COLUMNS} FROM tokens ORDER BY id`, params: [] };
export const LIVE_TOKENS_SQL: Sql = { text: "SELECT COUNT(*) AS n FROM tokens WHERE revoked_at IS NULL", params: [] };

export function tokenByHashSql(hash: string, d: Dialect): Sql {
  return { text: `SELECT ${TOKEN_COLUMNS} FROM tokens WHERE hash = ${d.param(1)} AND revoked_at IS NULL`, params: [hash] };
}

export function revokeTokenSql(id: number, at: string, d: Dialect): Sql {
  return { text: `UPDATE tokens SET revoked_at = ${d.param(1)} WHERE id = ${d.param(2)} AND revoked_at IS NULL RETURNING id`, params: [at, id] };
}

export function toToken(row: Row): StoredToken {
  return { id: Number(row["id"]), name: str(row["name"]), role: String(row["role"]) as TokenRole, createdAt: String(row["created_at"]), revokedAt: str(row["revoked_at"]) };
}

const CORRECTION_COLUMNS = "id, kind, document_id, event_type, evidence, from_name, into_name, actor, alias, note, created_at, created_by";

/** The INSERT of a correction; an event-wrong one copies its event's document, type and evidence (no row when there is no such event). */
export function insertCorrectionSql(c: NewCorrection, by: string | null, at: string, d: Dialect): Sql {
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return d.param(params.length);
  };
  const note = c.note ?? null;
  if (c.kind === "event-wrong") {
    const text = `INSERT INTO corrections (kind, document_id, event_type, evidence, note, created_at, created_by)
      SELECT ${p(c.kind)}, e.document_id, e.type, e.evidence, ${p(note)}, ${p(at)}, ${p(by)} FROM events e WHERE e.id = ${p(c.eventId)}
      RETURNING ${CORRECTION_COLUMNS}`;
    return { text, params };
  }
  const [a, b] = c.kind === "merge-actors" ? [c.from, c.into] : [c.actor, c.alias];
  const columns = c.kind === "merge-actors" ? "from_name, into_name" : "actor, alias";
  const text = `INSERT INTO corrections (kind, ${columns}, note, created_at, created_by)
    VALUES (${p(c.kind)}, ${p(a)}, ${p(b)}, ${p(note)}, ${p(at)}, ${p(by)}) RETURNING ${CORRECTION_COLUMNS}`;
  return { text, params };
}

export const CORRECTIONS_SQL: Sql = { text: `SELECT ${CORRECTION_COLUMNS} FROM corrections ORDER BY id`, params: [] };

export function toCorrection(row: Row): StoredCorrection {
  const evidence = str(row["evidence"]);
  return {
    id: Number(row["id"]),
    kind: String(row["kind"]) as CorrectionKind,
    documentId: num(row["document_id"]),
    eventType: str(row["event_type"]) as PloverType | null,
    evidence: evidence === null ? null : (JSON.parse(evidence) as Span[]),
    from: str(row["from_name"]),
    into: str(row["into_name"]),
    actor: str(row["actor"]),
    alias: str(row["alias"]),
    note: str(row["note"]),
    createdAt: String(row["created_at"]),
    createdBy: str(row["created_by"]),
  };
}
