/** `sitrep events`: the archive's events, filtered, latest first. */
import { parseArgs } from "node:util";
import type { StoredEvent } from "../store/index.js";
import { parseCommand } from "./args.js";
import { EVENTS_HELP } from "./help.js";
import { EVENT_FILTER_OPTIONS, eventQuery, LIST_OPTIONS, listFormat, listLimit } from "./query-options.js";
import { openStoreFrom, STORE_OPTIONS } from "./store-options.js";
import { renderList, writeOut, type Column } from "./table.js";

const range = (low: number | null, high: number | null): string | null =>
  low === null ? null : high === low ? String(low) : high === null ? `${low}+` : `${low}-${high}`;

const COLUMNS: Column<StoredEvent>[] = [
  { title: "id", value: (e) => `e${e.id}` },
  { title: "date", value: (e) => (e.dateStart === e.dateEnd ? e.dateStart : `${e.dateStart}/${e.dateEnd}`) },
  { title: "type", value: (e) => (e.mode ? `${e.type}/${e.mode}` : e.type) },
  { title: "modality", value: (e) => e.modality },
  { title: "actor", value: (e) => e.actors.join("; "), max: 30 },
  { title: "recipient", value: (e) => e.recipients.join("; "), max: 30 },
  { title: "place", value: (e) => [e.place !== e.admin1 ? e.place : null, e.admin1, e.country].filter(Boolean).join(", "), max: 30 },
  { title: "deaths", value: (e) => range(e.fatalitiesLow, e.fatalitiesHigh) },
  { title: "document", value: (e) => `d${e.documentId}` },
  { title: "evidence", value: (e) => e.sentence, max: 80 },
];

/** Runs `sitrep events ARGS`; resolves to the exit status. */
export async function runEvents(args: string[]): Promise<number> {
  const { values } = parseCommand("events", () => parseArgs({
    args,
    options: { ...STORE_OPTIONS, ...LIST_OPTIONS, ...EVENT_FILTER_OPTIONS },
  }));
  if (values.help) {
    process.stdout.write(EVENTS_HELP);
    return 0;
  }
  const format = listFormat(values.format, "events");
  const limit = listLimit(values.limit, "events");
  const query = { ...eventQuery(values, "events"), ...(limit === undefined ? {} : { limit }) };
  const store = await openStoreFrom(values);
  try {
    const events = await store.events(query);
    await writeOut(process.stdout, renderList(format, events, COLUMNS));
  } finally {
    await store.close();
  }
  return 0;
}
