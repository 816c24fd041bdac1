/**
 * Politeness towards the sites fetched: requests to one host start at least `delayMs` apart,
 * whichever part of Sitrep makes them (a feed poll, the redirects it follows, an item's link).
 */
import { setTimeout as sleep } from "node:timers/promises";

/** Hosts remembered before the ones whose turn has passed are forgotten (keeps a long watch bounded). */
const MAX_HOSTS = 1000;

export class HostPacer {
  readonly delayMs: number;
  /** host → the earliest time (ms) its next request may start. */
  readonly #next = new Map<string, number>();

  constructor(delayMs: number) {
    this.delayMs = delayMs;
  }

  /**
   * Waits for the turn of `url`'s host and books the one after it. Rejects (an AbortError) when
   * `signal` aborts the wait.
   */
  async wait(url: string, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const host = new URL(url).host.toLowerCase();
    const now = Date.now();
    const at = Math.max(now, this.#next.get(host) ?? 0);
    if (this.#next.size >= MAX_HOSTS) this.#forget(now);
    this.#next.set(host, at + this.delayMs);
    if (at > now) await sleep(at - now, undefined, signal ? { signal } : {});
  }

  #forget(now: number): void {
    for (const [host, at] of this.#next) if (at <= now) this.#next.delete(host);
  }
}
