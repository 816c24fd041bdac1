/** Documents and actors: pages of each, one document with its text and record, one actor in detail. */
import type { Store } from "../../store/index.js";
import { decodeCursor, page } from "../cursor.js";
import { HttpError } from "../errors.js";
import { ACTOR, ACTOR_DETAIL, DOCUMENT, DOCUMENT_DETAIL, pageOf } from "../responses.js";
import { route, type Route } from "../route.js";
import { ACTORS_QUERY, DOCUMENTS_QUERY, idParam, NAME_PARAM } from "../schemas.js";
import { defined } from "./events.js";

export function archiveRoutes(store: Store): Route[] {
  return [
    route({
      method: "get", path: "/api/documents", tag: "documents", role: "reader", query: DOCUMENTS_QUERY, response: pageOf(DOCUMENT),
      summary: "Documents, latest published first; text searches titles and texts",
    }, async ({ query }) => {
      const { cursor, limit = 100, ...rest } = query;
      const rows = await store.documents({ ...defined(rest), limit: limit + 1, ...(cursor ? { after: decodeCursor(cursor) } : {}) });
      return page(rows, limit, (d) => ({ value: d.published, id: d.id }));
    }),
    route({
      method: "get", path: "/api/documents/{id}", tag: "documents", role: "reader", params: idParam("d"), response: DOCUMENT_DETAIL,
      summary: "One document with its text and extraction record", errors: { 404: "no such document" },
    }, async ({ params }) => {
      const [doc, record] = await Promise.all([store.document(params.id), store.record(params.id)]);
      if (doc === null) throw new HttpError(404, `no document d${params.id}`, "ENOTFOUND");
      return { ...doc, record };
    }),
    route({
      method: "get", path: "/api/actors", tag: "actors", role: "reader", query: ACTORS_QUERY, response: pageOf(ACTOR),
      summary: "Actors by name, kind and country, the most active first",
    }, async ({ query }) => {
      const { cursor, limit = 100, ...rest } = query;
      // Actors are ranked by counts, so a page is an offset (kept in the cursor's id).
      const offset = cursor ? decodeCursor(cursor).id : 0;
      const rows = await store.actors({ ...defined(rest), limit: limit + 1, offset });
      return page(rows, limit, () => ({ value: null, id: offset + limit }));
    }),
    route({
      method: "get", path: "/api/actors/{name}", tag: "actors", role: "reader", params: NAME_PARAM, response: ACTOR_DETAIL,
      summary: "One actor by name or alias (any case): aliases, standing relations, and its latest 20 mentions in context",
      errors: { 404: "no actor of that name" },
    }, async ({ params }) => {
      const actor = await store.actor(params.name);
      if (actor === null) throw new HttpError(404, `no actor named "${params.name}"`, "ENOTFOUND");
      return actor;
    }),
  ];
}
