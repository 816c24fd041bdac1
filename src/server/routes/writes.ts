/** What analysts and admins change: documents ingested, corrections made, tokens managed. */
import { InputError, type SourceDocument } from "../../core/index.js";
import type { Extractor } from "../../extract/index.js";
import { parseRecord, type IngestItem } from "../../ingest/index.js";
import type { Store } from "../../store/index.js";
import { newSecret, tokenHash } from "../access.js";
import { HttpError } from "../errors.js";
import { CORRECTION, INGEST_SUMMARY, NEW_TOKEN, TOKEN } from "../responses.js";
import { route, type Route } from "../route.js";
import { CORRECTION_BODY, INGEST_BODY, TOKEN_BODY, TOKEN_PARAM } from "../schemas.js";
import { z } from "zod";

/** Each posted record checked as a JSONL line is; its id (or `api:N`) names it. */
function items(records: readonly unknown[], rejected: Array<{ id: string; reason: string }>): IngestItem[] {
  const out: IngestItem[] = [];
  records.forEach((record, i) => {
    const fallback = `api:${i + 1}`;
    const parsed: SourceDocument | string = parseRecord(JSON.stringify(record), fallback, null);
    if (typeof parsed === "string") {
      const id = typeof record === "object" && record !== null && typeof (record as { id?: unknown }).id === "string" ? String((record as { id: string }).id) : fallback;
      rejected.push({ id, reason: parsed });
    } else out.push({ doc: parsed, source: `api:${parsed.id}` });
  });
  return out;
}

export function writeRoutes(store: Store, extractor: () => Promise<Extractor>): Route[] {
  return [
    route({
      method: "post", path: "/api/documents", tag: "documents", role: "analyst", body: INGEST_BODY, response: INGEST_SUMMARY,
      summary: "Ingests documents: each extracted and stored once (as sitrep ingest does); a bad one is rejected, the others go on",
      errors: { 413: "the body is over 5 MB", 415: "the body is not JSON", 429: "too many writes" },
    }, async ({ body }) => {
      const rejected: Array<{ id: string; reason: string }> = [];
      const batch = items(body.documents, rejected);
      const { ingestAll } = await import("../../pipeline.js");
      async function* source(): AsyncGenerator<IngestItem> {
        yield* batch;
      }
      const tally = await ingestAll(source(), await extractor(), store, {
        onRejected: (error: InputError, from: string) => rejected.push({ id: from.replace(/^api:/, ""), reason: error.message }),
      });
      return { new: tally.new, unchanged: tally.unchanged, nearDuplicates: tally.nearDuplicates, rejected };
    }),
    route({
      method: "post", path: "/api/corrections", tag: "corrections", role: "analyst", body: CORRECTION_BODY, response: CORRECTION,
      summary: "Corrects the archive: an event is wrong, two actors are one, an actor has another name; kept apart, applied on every read, kept through re-extraction",
      errors: { 404: "no such event", 429: "too many writes" },
    }, async ({ body, caller }) => store.addCorrection(body, caller?.name ?? null, new Date().toISOString())),
    route({
      method: "get", path: "/api/corrections", tag: "corrections", role: "analyst", response: z.object({ items: z.array(CORRECTION) }),
      summary: "Every correction, oldest first",
    }, async () => ({ items: await store.corrections() })),
    route({
      method: "get", path: "/api/tokens", tag: "tokens", role: "admin", response: z.object({ items: z.array(TOKEN) }),
      summary: "Every token, live and revoked (never their secrets)",
    }, async () => ({ items: await store.tokens() })),
    route({
      method: "post", path: "/api/tokens", tag: "tokens", role: "admin", body: TOKEN_BODY, response: NEW_TOKEN,
      summary: "Makes a token; its secret is in this answer only", errors: { 429: "too many writes" },
    }, async ({ body }) => {
      const secret = newSecret();
      const token = await store.createToken({ name: body.name ?? null, role: body.role, hash: tokenHash(secret), createdAt: new Date().toISOString() });
      return { ...token, secret };
    }),
    route({
      method: "delete", path: "/api/tokens/{id}", tag: "tokens", role: "admin", params: TOKEN_PARAM, response: TOKEN,
      summary: "Revokes a token", errors: { 404: "no live token of that id", 429: "too many writes" },
    }, async ({ params }) => {
      if (!(await store.revokeToken(params.id, new Date().toISOString()))) throw new HttpError(404, `no live token ${params.id}`, "ENOTFOUND");
      const token = (await store.tokens()).find((t) => t.id === params.id);
      if (token === undefined) throw new HttpError(404, `no token ${params.id}`, "ENOTFOUND");
      return token;
    }),
  ];
}
