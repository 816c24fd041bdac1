/** `sitrep actors`: who the archive's documents name, the most active first. */
import { parseArgs } from "node:util";
import { ACTOR_KINDS } from "../core/index.js";
import type { ActorSummary } from "../store/index.js";
import { parseCommand } from "./args.js";
import { ACTORS_HELP } from "./help.js";
import { LIST_OPTIONS, listFormat, listLimit, oneOf } from "./query-options.js";
import { openStoreFrom, STORE_OPTIONS } from "./store-options.js";
import { renderList, writeOut, type Column } from "./table.js";

const COLUMNS: Column<ActorSummary>[] = [
  { title: "name", value: (a) => a.name, max: 50 },
  { title: "kind", value: (a) => a.kind },
  { title: "country", value: (a) => a.country },
  { title: "documents", value: (a) => a.documents },
  { title: "events", value: (a) => a.events },
];

/** Runs `sitrep actors ARGS`; resolves to the exit status. */
export async function runActors(args: string[]): Promise<number> {
  const { values } = parseCommand("actors", () => parseArgs({
    args,
    options: { ...STORE_OPTIONS, ...LIST_OPTIONS, name: { type: "string" }, country: { type: "string" }, kind: { type: "string" } },
  }));
  if (values.help) {
    process.stdout.write(ACTORS_HELP);
    return 0;
  }
  const format = listFormat(values.format, "actors");
  const limit = listLimit(values.limit, "actors");
  const kind = oneOf("kind", values.kind, ACTOR_KINDS, "actors");
  const store = await openStoreFrom(values);
  try {
    const actors = await store.actors({
      ...(values.name ? { name: values.name } : {}), ...(values.country ? { country: values.country } : {}),
      ...(kind ? { kind } : {}), ...(limit ? { limit } : {}),
    });
    await writeOut(process.stdout, renderList(format, actors, COLUMNS));
  } finally {
    await store.close();
  }
  return 0;
}
