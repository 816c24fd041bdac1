/**
 * The readable form of a record, for an analyst at a terminal: who did what to whom, where,
 * when, with what toll, according to whom, each fact followed by the words it was read from.
 */
import type {
  Actor, Claim, DateInterval, Event, ExtractionRecord, Location, Place, Range, Relation, Span, Statistic,
} from "../core/index.js";

const INDENT = "  ";
const MORE = "      ";
const QUOTE_MAX = 200;

interface Context {
  text: string;
  name: (id: string | null) => string;
  claims: Map<string, Claim>;
}

/** One record as text: a header line, then a section per kind of fact that was found. */
export function formatRecord(record: ExtractionRecord, text: string): string {
  const names = new Map(record.actors.map((actor) => [actor.id, actor.name]));
  const ctx: Context = {
    text,
    name: (id) => (id === null ? "?" : (names.get(id) ?? id)),
    claims: new Map(record.claims.map((claim) => [claim.id, claim])),
  };
  const sections: Array<[string, string[][]]> = [
    ["Actors", record.actors.map((actor) => actorLines(actor, ctx))],
    ["Events", record.events.map((event) => eventLines(event, ctx))],
    ["Claims", record.claims.map((claim) => claimLines(claim, ctx))],
    ["Statistics", record.statistics.map((stat) => statisticLines(stat, ctx))],
    ["Relations", record.relations.map((relation) => relationLines(relation, ctx))],
    ["Places", record.places.map((place) => [placeLine(place)])],
  ];
  const out = [`== ${record.id}${record.published ? ` (published ${record.published})` : ""}`];
  for (const [title, items] of sections) {
    if (items.length === 0) continue;
    out.push(title, ...items.flatMap(([first = "", ...rest]) => [INDENT + first, ...rest.map((line) => MORE + line)]));
  }
  if (out.length === 1) out.push(`${INDENT}nothing found`);
  return `${out.join("\n")}\n`;
}

function actorLines(actor: Actor, ctx: Context): string[] {
  const facts = [actor.kind, actor.country ?? "country unknown"];
  if (actor.parent !== null) facts.push(`part of ${ctx.name(actor.parent)}`);
  const aliases = actor.aliases.filter((alias) => alias !== actor.name);
  return [`${actor.id}  ${actor.name} (${facts.join(", ")})${aliases.length ? `  also: ${aliases.join(", ")}` : ""}`];
}

function eventLines(event: Event, ctx: Context): string[] {
  const who = event.actor.map(ctx.name).join(", ") || "?";
  const whom = event.recipient.length ? ` → ${event.recipient.map(ctx.name).join(", ")}` : "";
  const facts: string[] = [event.modality];
  if (event.date) facts.push(period(event.date));
  if (event.location) facts.push(locationText(event.location));
  if (event.fatalities) facts.push(`${range(event.fatalities)} killed`);
  if (event.injuries) facts.push(`${range(event.injuries)} injured`);
  const claim = event.claim === null ? undefined : ctx.claims.get(event.claim);
  return [
    `${event.id}  ${event.type}${event.mode ? `/${event.mode}` : ""}  ${who}${whom}`,
    facts.join(" · "),
    ...(claim ? [`according to ${claim.speaker.text} (${claim.speaker.kind})`] : []),
    ...quotes(event.evidence, ctx.text),
  ];
}

function claimLines(claim: Claim, ctx: Context): string[] {
  const { speaker } = claim;
  const facts: string[] = [speaker.kind];
  if (speaker.organization !== null) facts.push(`for ${ctx.name(speaker.organization)}`);
  if (claim.hedged) facts.push("hedged");
  return [`${claim.id}  ${speaker.text} (${facts.join(", ")})`, ...quotes(claim.evidence, ctx.text)];
}

function statisticLines(stat: Statistic, ctx: Context): string[] {
  const subject = stat.subject === null ? "" : `${ctx.name(stat.subject)}: `;
  const when = stat.period ? `, ${period(stat.period)}` : "";
  const per = stat.claim ? ` (per ${ctx.claims.get(stat.claim)?.speaker.text ?? stat.claim})` : "";
  return [`${subject}${stat.value} ${stat.measure}${when}${per}`, ...quotes(stat.evidence, ctx.text)];
}

function relationLines(relation: Relation, ctx: Context): string[] {
  const per = relation.claim ? `, per ${ctx.claims.get(relation.claim)?.speaker.text ?? relation.claim}` : "";
  return [
    `${ctx.name(relation.actor)} ${relation.type.replace(/_/g, " ")} ${ctx.name(relation.recipient)} (${relation.modality}${per})`,
    ...quotes(relation.evidence, ctx.text),
  ];
}

function placeLine(place: Place): string {
  const where = place.lat !== null && place.lon !== null ? ` at ${place.lat.toFixed(2)}, ${place.lon.toFixed(2)}` : "";
  const times = place.mentions.length > 1 ? ` ×${place.mentions.length}` : "";
  return `${locationText(place)} [${place.precision}${where}]${times}`;
}

function locationText(location: Location | Place): string {
  const parts = [location.name, location.admin2, location.admin1, location.country];
  return parts.filter((part, i): part is string => part !== null && parts.indexOf(part) === i).join(", ");
}

/** A date interval at its natural grain: `2025-03-02`, `2025-03`, `2025`, or `from … to …`. */
export function period({ start, end }: DateInterval): string {
  if (start === end) return start;
  const year = start.slice(0, 4);
  if (start === `${year}-01-01` && end === `${year}-12-31`) return year;
  const month = start.slice(0, 7);
  const lastDay = new Date(Date.UTC(Number(year), Number(start.slice(5, 7)), 0)).getUTCDate();
  if (start === `${month}-01` && end === `${month}-${lastDay}`) return month;
  return `${start} to ${end}`;
}

/** `3`, `3–5`, or `at least 3` when the text gives no upper bound. */
function range({ low, high }: Range): string {
  if (high === null) return `at least ${low}`;
  return low === high ? String(low) : `${low}–${high}`;
}

function quotes(spans: Span[], text: string): string[] {
  return spans.map(([start, end]) => {
    const words = text.slice(start, end).replace(/\s+/g, " ").trim();
    return `"${words.length > QUOTE_MAX ? `${words.slice(0, QUOTE_MAX - 1)}…` : words}"`;
  });
}
