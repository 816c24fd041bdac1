// Grows a fresh SQLite archive to many events by copying the ingested ones (bench/ingest.mjs,
// bench/api.mjs): copy r of event o gets id o + r * span (span: the largest id ingested) and
// dates shifted by r weeks, so that date filters see a spread. The store's triggers count the copies
// into its rollups (event_counts, event_kinds, event_series, actor_counts) as they would any event. Returns what it did.
import Database from "better-sqlite3";

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
