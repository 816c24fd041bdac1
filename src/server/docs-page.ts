/** /api/docs: the API reference as one HTML page rendered on the server from /openapi.json (no script, nothing fetched). */

type Json = Record<string, unknown>;

const escape = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The page's stylesheet, served at /api/docs.css (the CSP allows no inline style). */
export const DOCS_STYLE = `body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h2{margin-top:2.5rem;border-bottom:1px solid #ddd}code,pre{font:13px ui-monospace,monospace}pre{background:#f6f6f6;padding:.6rem;overflow:auto;max-height:24rem}
.op{margin:1.5rem 0;padding:.5rem 1rem;border-left:4px solid #3a6ea5}.m{font-weight:700;text-transform:uppercase;margin-right:.5rem}
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.25rem .5rem;text-align:left;vertical-align:top}
.role{color:#555;font-size:13px}`;

function schemaText(schema: unknown): string {
  if (typeof schema !== "object" || schema === null) return "";
  const s = schema as Json;
  if (Array.isArray(s["enum"])) return (s["enum"] as unknown[]).map(String).join(" | ");
  const type = Array.isArray(s["type"]) ? (s["type"] as unknown[]).join(" | ") : String(s["type"] ?? "");
  return typeof s["pattern"] === "string" ? `${type} (${s["pattern"]})` : type;
}

function operation(path: string, method: string, op: Json): string {
  const params = (op["parameters"] ?? []) as Json[];
  const rows = params.map((p) => `<tr><td><code>${escape(String(p["name"]))}</code>${p["required"] ? " *" : ""}</td><td>${escape(String(p["in"]))}</td>`
    + `<td><code>${escape(schemaText(p["schema"]))}</code></td><td>${escape(String(p["description"] ?? ""))}</td></tr>`).join("");
  const responses = (op["responses"] ?? {}) as Record<string, Json>;
  const statuses = Object.entries(responses).map(([status, r]) => `<li><b>${escape(status)}</b> ${escape(String(r["description"] ?? ""))}</li>`).join("");
  const ok = ((responses["200"]?.["content"] ?? {}) as Record<string, Json>)["application/json"]?.["schema"];
  const body = ((op["requestBody"] as Json | undefined)?.["content"] as Record<string, Json> | undefined)?.["application/json"]?.["schema"];
  return `<div class="op" id="${escape(String(op["operationId"]))}"><p><span class="m">${escape(method)}</span><code>${escape(path)}</code>`
    + ` <span class="role">${op["x-role"] ? `role: ${escape(String(op["x-role"]))}` : "public"}</span></p><p>${escape(String(op["summary"] ?? ""))}</p>`
    + (rows ? `<table><tr><th>parameter</th><th>in</th><th>schema</th><th></th></tr>${rows}</table>` : "")
    + (body ? `<details><summary>request body</summary><pre>${escape(JSON.stringify(body, null, 2))}</pre></details>` : "")
    + (ok ? `<details><summary>response</summary><pre>${escape(JSON.stringify(ok, null, 2))}</pre></details>` : "")
    + `<ul>${statuses}</ul></div>`;
}

/** The reference page for `doc`, an OpenAPI document. */
export function docsPage(doc: Json): string {
  const info = (doc["info"] ?? {}) as Json;
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries((doc["paths"] ?? {}) as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = String((op["tags"] as string[] | undefined)?.[0] ?? "other");
      byTag.set(tag, [...(byTag.get(tag) ?? []), operation(path, method, op)]);
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2>${escape(tag)}</h2>${ops.join("")}`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(String(info["title"] ?? "API"))}</title>`
    + `<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="stylesheet" href="/api/docs.css"></head><body>`
    + `<h1>${escape(String(info["title"] ?? "API"))} <small>${escape(String(info["version"] ?? ""))}</small></h1>`
    + `<p>${escape(String(info["description"] ?? ""))}</p><p>The machine-readable document: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p>`
    + `${sections}</body></html>`;
}
