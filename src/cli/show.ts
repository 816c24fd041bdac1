/**
 * `sitrep show ID`: one event (`e12`) with its sentence, the evidence marked, the claim behind it
 * and its source document; or one document (`d3`) with its metadata and events.
 */
import { parseArgs } from "node:util";
import type { Claim, Span } from "../core/index.js";
import { NotFoundError, sentenceAround } from "../core/index.js";
import type { Store, StoredEvent } from "../store/index.js";
import { parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { SHOW_HELP } from "./help.js";
import { openStoreFrom, STORE_OPTIONS } from "./store-options.js";
import { writeOut } from "./table.js";

/** Runs `sitrep show ID`; resolves to the exit status. */
export async function runShow(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand("show", () => parseArgs({
    args,
    allowPositionals: true,
    options: { ...STORE_OPTIONS, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  }));
  if (values.help) {
    process.stdout.write(SHOW_HELP);
    return 0;
  }
  const match = /^([ed])(\d+)$/i.exec(positionals[0] ?? "");
  if (positionals.length !== 1 || !match) throw new UsageError("expected one id: e12 for an event, d3 for a document", "show");
  const id = Number(match[2]);
  const store = await openStoreFrom(values);
  try {
    const marks = process.stdout.isTTY ? { open: "\x1b[1;4m", close: "\x1b[0m" } : { open: "**", close: "**" };
    const out = match[1]?.toLowerCase() === "e" ? await showEvent(store, id, values.json === true, marks) : await showDocument(store, id, values.json === true);
    await writeOut(process.stdout, out);
  } finally {
    await store.close();
  }
  return 0;
}

interface Marks { open: string; close: string }

/** The sentences around `spans` (from the sentence start before the first to the end after the last), spans marked. */
export function markedSentence(text: string, spans: readonly Span[], marks: Marks): string {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const [start, end] = sentenceAround(text, sorted);
  let out = "";
  let at = start;
  for (const [s, e] of sorted) {
    if (s < at) continue;
    out += `${text.slice(at, s)}${marks.open}${text.slice(s, e)}${marks.close}`;
    at = e;
  }
  return `${out}${text.slice(at, end)}`.replace(/\s+/g, " ").trim();
}

function describeClaim(claim: Claim, text: string): string {
  const quote = claim.evidence.map(([s, e]) => text.slice(s, e)).join(" … ");
  return `${claim.speaker.text} (${claim.speaker.kind.replace(/_/g, " ")}${claim.speaker.name ? `: ${claim.speaker.name}` : ""}), `
    + `${claim.hedged ? "hedged" : "not hedged"}: "${quote}"`;
}

async function showEvent(store: Store, id: number, json: boolean, marks: Marks): Promise<string> {
  const event = await store.event(id);
  if (event === null) throw new NotFoundError("event", `e${id}`);
  const doc = await store.document(event.documentId);
  const record = await store.record(event.documentId);
  const claim = record?.claims.find((c) => c.id === event.claim) ?? null;
  if (json) return `${JSON.stringify({ event, claim, document: doc && { ...doc, text: undefined } }, null, 2)}\n`;
  const text = doc?.text ?? "";
  const lines = [
    `event e${event.id}: ${event.type}${event.mode ? `/${event.mode}` : ""}, ${event.modality}`,
    `  who       ${event.actors.join("; ") || "(not named)"} → ${event.recipients.join("; ") || "(no one named)"}`,
    `  when      ${dates(event)}`,
    `  where     ${[event.place, event.admin1 !== event.place ? event.admin1 : null, event.country].filter(Boolean).join(", ") || "(not said)"}`,
    ...(event.fatalitiesLow === null ? [] : [`  deaths    ${event.fatalitiesLow}${event.fatalitiesHigh === event.fatalitiesLow ? "" : `-${event.fatalitiesHigh ?? ""}`}`]),
    `  sentence  ${markedSentence(text, event.evidence, marks)}`,
    `  claim     ${claim ? describeClaim(claim, text) : "none: the document says it in its own voice"}`,
    `  document  d${event.documentId}${doc?.title ? ` "${doc.title}"` : ""}, published ${doc?.published ?? "(unknown)"}, ${doc?.url ?? doc?.source ?? ""}`,
    `  extractor ${doc?.extractor ?? "(none)"}`,
  ];
  return `${lines.join("\n")}\n`;
}

function dates(event: StoredEvent): string {
  if (event.dateStart === null) return "(not said)";
  return event.dateStart === event.dateEnd ? event.dateStart : `${event.dateStart} to ${event.dateEnd}`;
}

async function showDocument(store: Store, id: number, json: boolean): Promise<string> {
  const doc = await store.document(id);
  if (doc === null) throw new NotFoundError("document", `d${id}`);
  const record = await store.record(id);
  if (json) return `${JSON.stringify({ document: doc, record }, null, 2)}\n`;
  const lines = [
    `document d${doc.id}: ${doc.title ?? doc.key}`,
    `  source     ${doc.source}`,
    ...(doc.url ? [`  url        ${doc.url}`] : []),
    `  published  ${doc.published ?? "(unknown)"}; retrieved ${doc.retrievedAt}`,
    `  hash       ${doc.contentHash}`,
    ...(doc.duplicateOf === null ? [] : [`  copy of    d${doc.duplicateOf} (a near-duplicate: its events are those of the first copy)`]),
    `  extractor  ${doc.extractor ?? "(none)"}; ${doc.events} events, ${record?.actors.length ?? 0} actors, ${record?.claims.length ?? 0} claims`,
    "",
    doc.text,
  ];
  return `${lines.join("\n")}\n`;
}
