/**
 * Counting attempts in a sliding window, in memory: the limits on sign-in and other
 * unauthenticated forms, per client address and overall. Pure apart from its own state;
 * the time is always passed in.
 */
export class Throttle {
  private readonly hits = new Map<string, number[]>();

  constructor(readonly limit: number, readonly windowMs: number) {}

  private recent(key: string, now: number) {
    const kept = (this.hits.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (kept.length) this.hits.set(key, kept);
    else this.hits.delete(key);
    return kept;
  }

  /** Whether `key` has used up its attempts (without counting this one). */
  blocked(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.limit;
  }

  /** Count an attempt; false when it is over the limit (and then it is not counted). */
  take(key: string, now: number): boolean {
    const kept = this.recent(key, now);
    if (kept.length >= this.limit) return false;
    this.hits.set(key, [...kept, now]);
    if (this.hits.size > 50_000) this.prune(now);
    return true;
  }

  /** When `key` may try again, or null if it may now. */
  retryAt(key: string, now: number): number | null {
    const kept = this.recent(key, now);
    return kept.length >= this.limit ? kept[kept.length - this.limit] + this.windowMs : null;
  }

  forget(key: string) {
    this.hits.delete(key);
  }

  private prune(now: number) {
    for (const key of [...this.hits.keys()]) this.recent(key, now);
  }
}
