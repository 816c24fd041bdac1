/** `sitrep documents`: the archive's documents, latest published first, optionally searched. */
import { parseArgs } from "node:util";
import type { StoredDocument } from "../store/index.js";
import { parseCommand } from "./args.js";
import { DOCUMENTS_HELP } from "./help.js";
import { day, LIST_OPTIONS, listFormat, listLimit } from "./query-options.js";
import { openStoreFrom, STORE_OPTIONS } from "./store-options.js";
import { renderList, writeOut, type Column } from "./table.js";

const COLUMNS: Column<StoredDocument>[] = [
  { title: "id", value: (d) => `d${d.id}` },
  { title: "published", value: (d) => d.published },
  { title: "title", value: (d) => d.title ?? d.key, max: 50 },
  { title: "events", value: (d) => d.events },
  { title: "copy of", value: (d) => (d.duplicateOf === null ? null : `d${d.duplicateOf}`) },
  { title: "source", value: (d) => d.url ?? d.source, max: 60 },
];

/** Runs `sitrep documents ARGS`; resolves to the exit status. */
export async function runDocuments(args: string[]): Promise<number> {
  const { values } = parseCommand("documents", () => parseArgs({
    args,
    options: { ...STORE_OPTIONS, ...LIST_OPTIONS, text: { type: "string" }, since: { type: "string" }, until: { type: "string" } },
  }));
  if (values.help) {
    process.stdout.write(DOCUMENTS_HELP);
    return 0;
  }
  const format = listFormat(values.format, "documents");
  const limit = listLimit(values.limit, "documents");
  const since = day("since", values.since, "documents");
  const until = day("until", values.until, "documents");
  const store = await openStoreFrom(values);
  try {
    const docs = await store.documents({
      ...(values.text ? { text: values.text } : {}), ...(since ? { since } : {}), ...(until ? { until } : {}), ...(limit ? { limit } : {}),
    });
    await writeOut(process.stdout, renderList(format, docs, COLUMNS));
  } finally {
    await store.close();
  }
  return 0;
}
