/** Rate limits for write routes: at most `requests` per `seconds` for each caller, in a fixed window. */
export interface RateLimit { requests: number; seconds: number }

export const DEFAULT_WRITE_LIMIT: RateLimit = { requests: 30, seconds: 60 };

export class RateLimiter {
  readonly #limit: RateLimit;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(limit: RateLimit) {
    this.#limit = limit;
  }

  /** Counts a request of `key`; null when allowed, else the seconds until the window ends (Retry-After). */
  take(key: string, now = Date.now()): number | null {
    const span = this.#limit.seconds * 1000;
    let window = this.#windows.get(key);
    if (window === undefined || now - window.start >= span) {
      // Forget ended windows now and then, so that the map stays as small as the callers of one window.
      if (this.#windows.size > 10_000) for (const [k, w] of this.#windows) if (now - w.start >= span) this.#windows.delete(k);
      window = { start: now, count: 0 };
      this.#windows.set(key, window);
    }
    window.count += 1;
    return window.count <= this.#limit.requests ? null : Math.max(1, Math.ceil((window.start + span - now) / 1000));
  }
}
