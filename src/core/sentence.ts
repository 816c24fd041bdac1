/** Where the sentence(s) around a fact begin and end in its document, for quoting it in context. */
import type { Span } from "./record.js";

/**
 * The [start, end) bounds of the text from the start of the sentence holding the first span to
 * the end of the sentence holding the last (a sentence ends at `.`, `!` or `?` before a space, or
 * at a line break).
 * @example sentenceAround("One. Two three. Four.", [[9, 14]]) // [5, 15]: "Two three."
 */
export function sentenceAround(text: string, spans: readonly Span[]): Span {
  const first = spans.reduce((min, [s]) => Math.min(min, s), spans[0]?.[0] ?? 0);
  const last = spans.reduce((max, [, e]) => Math.max(max, e), first);
  const before = text.slice(0, first);
  const start = Math.max(before.search(/[^.!?\n]*$/), before.lastIndexOf("\n") + 1);
  const endMatch = /[.!?](?=\s|$)|\n/.exec(text.slice(last));
  const end = endMatch ? last + endMatch.index + (endMatch[0] === "\n" ? 0 : 1) : text.length;
  return [start, end];
}
