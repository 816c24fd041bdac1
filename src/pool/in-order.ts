/** A bounded window of work in flight, whose results come back in the order it was started. */

/**
 * Starts `start(item)` for each item of `source`, keeping at most `window` unfinished, and yields
 * the results in the items' order. A rejection is thrown where its item's result would be
 * yielded. The source is read no faster than the results are taken: that bounds memory.
 *
 * @example for await (const record of inOrder(docs, (doc) => pool.extract(doc), 8)) store(record);
 */
export async function* inOrder<T, R>(source: AsyncIterable<T> | Iterable<T>, start: (item: T) => Promise<R>, window: number): AsyncGenerator<R> {
  const pending: Array<Promise<R>> = [];
  try {
    for await (const item of source) {
      const started = start(item);
      // Handled where it is awaited, in order; until then, no "unhandled rejection".
      started.catch(() => undefined);
      pending.push(started);
      if (pending.length >= Math.max(1, window)) yield await (pending.shift() as Promise<R>);
    }
    while (pending.length > 0) yield await (pending.shift() as Promise<R>);
  } finally {
    pending.length = 0;
  }
}
