/** `sitrep events`: the archive's events, filtered, latest first. */
import { parseArgs } from "node:util";
import { MODALITIES, PLOVER_TYPES } from "../core/index.js";
import type { StoredEvent } from "../store/index.js";
import { parseCommand } from "./args.js";
import { EVENTS_HELP } from "./help.js";
import { day, LIST_OPTIONS, listFormat, listLimit, oneOf } from "./query-options.js";
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
    options: {
      ...STORE_OPTIONS, ...LIST_OPTIONS,
      country: { type: "string" }, admin1: { type: "string" }, since: { type: "string" }, until: { type: "string" },
      type: { type: "string" }, actor: { type: "string" }, modality: { type: "string" }, text: { type: "string" },
    },
  }));
  if (values.help) {
    process.stdout.write(EVENTS_HELP);
    return 0;
  }
  const format = listFormat(values.format, "events");
  const limit = listLimit(values.limit, "events");
  const query = {
    ...(values.country ? { country: values.country } : {}),
    ...(values.admin1 ? { admin1: values.admin1 } : {}),
    ...(values.actor ? { actor: values.actor } : {}),
    ...(values.text ? { text: values.text } : {}),
    since: day("since", values.since, "events"),
    until: day("until", values.until, "events"),
    type: oneOf("type", values.type, PLOVER_TYPES, "events"),
    modality: oneOf("modality", values.modality, MODALITIES, "events"),
    limit,
  };
  const store = await openStoreFrom(values);
  try {
    const events = await store.events(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)));
    await writeOut(process.stdout, renderList(format, events, COLUMNS));
  } finally {
    await store.close();
  }
  return 0;
}
