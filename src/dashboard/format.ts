/** How event facts read in the panel and the table. */
import type { ApiEvent } from "./api-types.js";

/** "Niono, Ségou, MLI": place, division and country, a name said once ("Segou, Segou" → "Segou"). */
export function placeLabel(e: Pick<ApiEvent, "place" | "admin1" | "country">): string {
  const parts: string[] = [];
  for (const part of [e.place, e.admin1, e.country]) if (part && part !== parts[parts.length - 1]) parts.push(part);
  return parts.join(", ");
}

/** Deaths as the text gives them: "9", "12–15", "≥3" (at least), or "" when none is stated. */
export function deathsLabel(e: Pick<ApiEvent, "fatalitiesLow" | "fatalitiesHigh">): string {
  if (e.fatalitiesLow === null) return "";
  if (e.fatalitiesHigh === null) return `≥${e.fatalitiesLow}`;
  return e.fatalitiesHigh === e.fatalitiesLow ? String(e.fatalitiesLow) : `${e.fatalitiesLow}–${e.fatalitiesHigh}`;
}

/** The deaths a point or a bar counts: the upper bound, else the lower, else none. */
export function deaths(e: Pick<ApiEvent, "fatalitiesLow" | "fatalitiesHigh">): number {
  return e.fatalitiesHigh ?? e.fatalitiesLow ?? 0;
}
