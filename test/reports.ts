/**
 * Invented reports for the archive tests: each one different enough from the others that no two
 * are near-duplicates (every sentence carries the report's own number and place), with events.
 */
const PLACES = ["Kandahar", "Herat", "Mosul", "Aleppo", "Gao", "Mopti", "Kidal", "Goma", "Bunia", "Kismayo", "Baidoa", "Marib"];
const GROUPS = ["rebel fighters", "militia gunmen", "army troops", "police officers", "insurgents", "soldiers"];
const TARGETS = ["a checkpoint", "a convoy", "a market", "an army base", "a police station", "a village"];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

/** The i-th invented report: two or three sentences with an attack, an arrest or a protest. */
export function report(i: number): string {
  const place = pick(PLACES, i);
  const other = pick(PLACES, i * 5 + 3);
  const n = 3 + (i % 17);
  return [
    `${pick(GROUPS, i)[0]?.toUpperCase()}${pick(GROUPS, i).slice(1)} attacked ${pick(TARGETS, i * 7)} near ${place} on Monday, killing ${n} people, officials said in report ${i}.`,
    `Police in ${other} arrested ${n + 2} suspects on Tuesday after the raid numbered ${i * 13 + 7}.`,
    i % 3 === 0 ? `Hundreds of residents of ${place} protested on Wednesday against the attack, call sign ${i * 31 + 11}.` : "",
  ].filter(Boolean).join(" ");
}

/** `count` reports as JSONL lines, ids r0…, published in 2026. */
export function reportsJsonl(count: number): string {
  return Array.from({ length: count }, (_, i) => JSON.stringify({
    id: `r${i}`, url: `https://news.example/${i}`, title: `Report ${i}`, published: `2026-0${1 + (i % 9)}-1${i % 10}`, text: report(i),
  })).join("\n") + "\n";
}
