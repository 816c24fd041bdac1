// Grows a fresh SQLite archive to many events by copying the ingested ones (bench/ingest.mjs,
// bench/api.mjs, bench/export.mjs): copy r of event o gets id o + r * span (span: the largest id
// ingested) and dates shifted by r weeks, so that date filters see a spread. The store's triggers
// count the copies into its rollups (event_counts, event_kinds, event_series, actor_counts) as they
// would any event. Growing a million events that way takes minutes, so `benchArchive` keeps the
// grown file in the temp folder for the next bench part, keyed by everything that made it.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** Grown archives not used for this long are deleted when another is grown. */
const STALE_MS = 24 * 3600 * 1000;

export function growArchive(file, targetEvents) {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  const base = db.prepare("SELECT COUNT(*) FROM events").pluck().get();
  const span = db.prepare("SELECT MAX(id) FROM events").pluck().get() ?? 0;
  const grow = db.transaction((round) => {
    db.prepare(`INSERT INTO events (id, document_id, local_id, type, mode, modality, date_start, date_end, country, admin1, place, lat, lon,
      fatalities_low, fatalities_high, injuries_low, injuries_high, claim, evidence, sentence)
      SELECT id + ?, document_id, local_id || '.' || ?, type, mode, modality, date(date_start, ?), date(date_end, ?), country, admin1, place, lat, lon,
      fatalities_low, fatalities_high, injuries_low, injuries_high, claim, evidence, sentence FROM events WHERE id <= ?`)
      .run(round * span, round, `+${round * 7} days`, `+${round * 7} days`, span);
    db.prepare(`INSERT INTO event_actors (event_id, actor_id, role) SELECT event_id + ?, actor_id, role FROM event_actors WHERE event_id <= ?`)
      .run(round * span, span);
    db.prepare(`INSERT INTO event_names (name, date_start, event_id) SELECT name, date(date_start, ?), event_id + ? FROM event_names WHERE event_id <= ?`)
      .run(`+${round * 7} days`, round * span, span);
  });
  const started = performance.now();
  let rounds = 0;
  for (let n = base; n < targetEvents && base > 0; n += base) grow(++rounds);
  const total = db.prepare("SELECT COUNT(*) FROM events").pluck().get();
  db.close();
  return { base, rounds, total, seconds: (performance.now() - started) / 1000 };
}

/** Every file under `dir` (sorted), for the key. */
function files(dir, skip) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .filter((path) => !skip.some((part) => relative(ROOT, path).startsWith(part)))
    .sort();
}

/**
 * What a grown archive depends on: the corpus, the built code (extraction, store, schema and its
 * triggers), the rules in data/, this file, and the number of events asked for. Any change grows anew.
 */
export function archiveKey(corpus, targetEvents) {
  const hash = createHash("sha256");
  hash.update(`${targetEvents}\n`);
  for (const path of [corpus, fileURLToPath(import.meta.url), ...files(join(ROOT, "dist"), ["dist/dashboard"]), ...files(join(ROOT, "data"), ["data/shapes"])]) {
    hash.update(`${relative(ROOT, path)}\n`);
    hash.update(readFileSync(path));
  }
  return hash.digest("hex").slice(0, 20);
}

/**
 * An archive of `targetEvents` events for a bench: `archive` as it is when given (`--archive FILE`),
 * else the grown archive cached in the temp folder under `archiveKey`, else one made now: `ingest(file)`
 * writes the ingested archive at `file`, which is grown and kept in the cache. The benches only read it.
 * Returns its path and what was done: { file, base, rounds, total, seconds, cached }.
 */
export async function benchArchive({ corpus, targetEvents, archive, ingest }) {
  if (archive !== undefined) {
    const db = new Database(archive, { readonly: true });
    const total = db.prepare("SELECT COUNT(*) FROM events").pluck().get();
    db.close();
    return { file: archive, base: null, rounds: null, total, seconds: 0, cached: "given" };
  }
  const key = archiveKey(corpus, targetEvents);
  const file = join(tmpdir(), `sitrep-bench-archive-${key}.db`);
  const notes = `${file}.json`;
  if (existsSync(file) && existsSync(notes)) return { ...JSON.parse(readFileSync(notes, "utf8")), file, cached: "reused" };
  for (const name of readdirSync(tmpdir())) {
    const path = join(tmpdir(), name);
    if (name.startsWith("sitrep-bench-archive-") && Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { force: true });
  }
  const growing = `${file}.${process.pid}.growing`;
  try {
    await ingest(growing);
    const grown = growArchive(growing, targetEvents); // closed, so checkpointed: the file holds it all
    renameSync(growing, file);
    writeFileSync(notes, JSON.stringify(grown));
    return { ...grown, file, cached: "grown" };
  } finally {
    for (const ext of ["", "-wal", "-shm"]) rmSync(growing + ext, { force: true });
  }
}

/** The archive's line in a bench's output: how many events, and where they came from. */
export function archiveNote({ file, base, rounds, total, seconds, cached }) {
  if (cached === "given") return `${total} events (the archive given, ${file})`;
  const grown = `${total} events (${base} ingested, copied ${rounds} times with shifted dates`;
  return cached === "grown" ? `${grown} in ${seconds.toFixed(1)} s; kept at ${file})` : `${grown}; grown earlier by the same code, ${file})`;
}
