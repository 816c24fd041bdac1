/**
 * /openapi.json: an OpenAPI 3.1 document generated from the route table, the same schemas
 * that check requests (OpenAPI 3.1 schemas are JSON Schema 2020-12, which zod writes).
 */
import { z } from "zod";
import { ERROR } from "./responses.js";
import type { Route } from "./route.js";

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Json;
  return rest;
}

/** Parameters `in` query or path, from an object schema. */
function parameters(schema: z.ZodType | undefined, where: "query" | "path"): Json[] {
  if (schema === undefined) return [];
  const object = jsonSchema(schema, "input");
  const properties = (object["properties"] ?? {}) as Record<string, Json>;
  const required = new Set((object["required"] ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: where, required: where === "path" || required.has(name), ...(description ? { description } : {}), schema: rest };
  });
}

const ERROR_RESPONSE = (description: string): Json => ({ description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } });

function responses(route: Route): Json {
  const { spec } = route;
  const ok = "contentType" in spec.response
    ? { description: spec.response.description, content: { [spec.response.contentType]: { schema: { type: "string" } } } }
    : { description: "OK", content: { "application/json": { schema: jsonSchema(spec.response, "output") } } };
  const out: Json = { [spec.method === "post" ? 201 : 200]: ok };
  if (spec.query || spec.params || spec.body) out[400] = ERROR_RESPONSE("a parameter or the body does not match the schema");
  if (spec.method !== "get") out[429] = ERROR_RESPONSE("too many writes from this caller: wait the Retry-After seconds");
  if (spec.role !== null) {
    out[401] = ERROR_RESPONSE("no token, or a token that is not valid");
    out[403] = ERROR_RESPONSE(`the token's role is below ${spec.role}`);
  }
  for (const [status, why] of Object.entries(spec.errors ?? {})) out[status] = ERROR_RESPONSE(why);
  return out;
}

/** The OpenAPI 3.1 document of `routes`. */
export function openApiDocument(routes: readonly Route[], version: string): Json {
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const { spec } = route;
    const operation: Json = {
      operationId: `${spec.method}${spec.path.replace(/[{}]/g, "").split(/[/.]/).map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join("")}`,
      summary: spec.summary,
      tags: [spec.tag],
      ...(spec.role === null ? { security: [] } : { "x-role": spec.role }),
      parameters: [...parameters(spec.params, "path"), ...parameters(spec.query, "query")],
      ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(spec.body, "input") } } } } : {}),
      responses: responses(route),
    };
    paths[spec.path] = { ...(paths[spec.path] ?? {}), [spec.method]: operation };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Sitrep API",
      version,
      description: "The archive's events, documents, actors, claims and statistics. Roles: reader < analyst < admin; "
        + "send `Authorization: Bearer TOKEN`. With no tokens configured the server serves loopback clients only, every route open.",
    },
    paths,
    components: {
      schemas: { Error: jsonSchema(ERROR, "output") },
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    },
    security: [{ bearer: [] }],
  };
}
