/**
 * Cuts a passage into plain and highlighted pieces from evidence spans given as document offsets.
 * Pure (tested in highlight.test.ts); the panel turns the pieces into text nodes and <mark>s.
 */

export interface Piece {
  text: string;
  marked: boolean;
}

/**
 * The pieces of `text` (which starts at document offset `start`) with the spans marked. Spans
 * are clipped to the passage, overlapping or touching ones merged, empty ones ignored.
 * `highlight("Rebels shelled the town.", 100, [[107, 114]])` →
 * `[{text: "Rebels ", marked: false}, {text: "shelled", marked: true}, {text: " the town.", marked: false}]`
 */
export function highlight(text: string, start: number, spans: ReadonlyArray<readonly [number, number]>): Piece[] {
  const ranges = spans
    .map(([a, b]) => [Math.max(0, a - start), Math.min(text.length, b - start)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: Array<[number, number]> = [];
  for (const [a, b] of ranges) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const pieces: Piece[] = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) pieces.push({ text: text.slice(at, a), marked: false });
    pieces.push({ text: text.slice(a, b), marked: true });
    at = b;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ text: text.slice(at), marked: false });
  return pieces;
}
