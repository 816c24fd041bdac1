/**
 * The dashboard's built files (dist/dashboard): each path resolved inside the folder and nowhere
 * else (no `..`, no encoded slashes, no symlink out), served with its content type; a path
 * without an extension that names no file is the single-page app's index.html.
 */
import { readFile, realpath, stat } from "node:fs/promises";
import { extname, join, sep } from "node:path";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json", ".map": "application/json", ".svg": "image/svg+xml",
  ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp", ".ico": "image/x-icon",
  ".woff": "font/woff", ".woff2": "font/woff2", ".txt": "text/plain; charset=utf-8", ".geojson": "application/geo+json",
  ".pbf": "application/x-protobuf", ".wasm": "application/wasm",
};

export interface StaticFile { body: Uint8Array; type: string; immutable: boolean }

/** The folder's real path, or null when it does not exist (the dashboard is not built). */
export async function dashboardRoot(dir: string): Promise<string | null> {
  try {
    const real = await realpath(dir);
    return (await stat(real)).isDirectory() ? real : null;
  } catch {
    return null;
  }
}

/** The segments of a URL path, decoded; null for anything that could step outside the folder. */
function segments(urlPath: string): string[] | null {
  const parts: string[] = [];
  for (const raw of urlPath.split("/")) {
    if (raw === "") continue;
    let part: string;
    try {
      part = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (part === "." || part === ".." || /[/\\\0]/.test(part)) return null;
    parts.push(part);
  }
  return parts;
}

async function readInside(root: string, parts: readonly string[]): Promise<Uint8Array | null> {
  try {
    const real = await realpath(join(root, ...parts));
    if (!real.startsWith(root + sep) || !(await stat(real)).isFile()) return null;
    return await readFile(real);
  } catch {
    return null;
  }
}

/** The file `urlPath` names under `root`, or index.html for an app route, or null. */
export async function staticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const parts = segments(urlPath);
  if (parts === null) return null;
  const file = parts.length === 0 ? null : await readInside(root, parts);
  if (file !== null) {
    const type = TYPES[extname(parts[parts.length - 1] ?? "").toLowerCase()] ?? "application/octet-stream";
    // Vite names built assets by content hash: they never change under one name.
    return { body: file, type, immutable: parts[0] === "assets" };
  }
  const last = parts[parts.length - 1] ?? "";
  if (extname(last) !== "") return null;
  const index = await readInside(root, ["index.html"]);
  return index === null ? null : { body: index, type: TYPES[".html"] ?? "text/html", immutable: false };
}
