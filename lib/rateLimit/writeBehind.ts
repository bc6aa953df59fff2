import type { RateLimitWindowCount } from '@/db/rateLimits';
import type { RateLimitRule, RateLimitStore, WindowCount } from './stores';

/** The counter every instance shares, e.g. DatabaseRateLimitStore. */
export interface SharedRateLimitCounter {
  hit(rule: RateLimitRule): Promise<RateLimitWindowCount>;
  peek(rule: RateLimitRule): Promise<RateLimitWindowCount>;
  add(key: string, windowSeconds: number, amount: number, windowStart: Date): Promise<RateLimitWindowCount>;
  release(rule: RateLimitRule, resetAt: Date): Promise<void>;
}

export interface WriteBehindOptions {
  flushIntervalMs: number;
  /** How near its limit a key must be for each hit to be written at once. */
  exactWithin(limit: number): number;
}

export const DEFAULT_WRITE_BEHIND: WriteBehindOptions = {
  flushIntervalMs: 1000,
  exactWithin: (limit) => Math.max(20, Math.ceil(limit * 0.05)),
};

/** One key's window as this process sees it. */
interface Tally {
  key: string;
  windowSeconds: number;
  windowStart: Date;
  resetAt: Date;
  /** The count the shared counter last reported: every instance's hits it had by then. */
  shared: number;
  /** Hits counted here and not written yet. */
  unsent: number;
  /** Hits being written now. */
  sending: number;
}

const count = (tally: Tally) => tally.shared + tally.unsent + tally.sending;

/**
 * Counts hits in memory and writes them to the shared counter in one batch per interval, so a
 * busy API client costs no database write per request. Exact where a decision depends on it: a
 * key's first hit in a window, and every hit once the key is within `exactWithin(limit)` of its
 * limit, are written at once and decided on the shared count. What another instance counted
 * and has not written yet (at most one interval of its traffic) is the only thing unseen.
 * A crash loses at most one interval of counts.
 */
export class WriteBehindRateLimitStore implements RateLimitStore {
  /** The window each key is counted in now. */
  private readonly tallies = new Map<string, Tally>();
  private readonly unsent = new Set<Tally>();
  private flushTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> | null = null;

  constructor(
    private readonly shared: SharedRateLimitCounter,
    private readonly options: WriteBehindOptions = DEFAULT_WRITE_BEHIND,
  ) {}

  async hit(rule: RateLimitRule): Promise<WindowCount> {
    const tally = this.tallies.get(rule.key);
    if (tally && tally.resetAt.getTime() > Date.now() && count(tally) + 1 <= rule.limit - this.options.exactWithin(rule.limit)) {
      tally.unsent += 1;
      this.unsent.add(tally);
      this.scheduleFlush();
      return { count: count(tally), resetAt: tally.resetAt };
    }
    // A batch being written may or may not be in the shared count yet; wait so it is.
    await this.flushing;
    const reported = await this.shared.hit(rule);
    const written = this.track(rule, reported);
    // This hit's own place in the shared count (concurrent hits each get theirs), plus what this
    // instance counted and has not written yet: not the highest count any hit has seen.
    return { count: reported.count + written.unsent + written.sending, resetAt: written.resetAt };
  }

  async peek(rule: RateLimitRule): Promise<WindowCount> {
    await this.flushing;
    const window = this.track(rule, await this.shared.peek(rule));
    return { count: count(window), resetAt: window.resetAt };
  }

  /** A hit not written yet is simply not written; one already written is taken back from the shared count. */
  async release(rule: RateLimitRule, resetAt: Date): Promise<void> {
    const tally = this.tallies.get(rule.key);
    const sameWindow = tally?.resetAt.getTime() === resetAt.getTime();
    if (tally && sameWindow && tally.unsent > 0) {
      tally.unsent -= 1;
      return;
    }
    await this.flushing;
    await this.shared.release(rule, resetAt);
    if (tally && sameWindow) tally.shared = Math.max(0, tally.shared - 1);
  }

  /** Writes every unsent hit now (tests; shutdown). */
  async flush(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    // One batch at a time: a second caller waits for the batch in flight, then sends what is left.
    while (this.flushing) await this.flushing;
    const batch = [...this.unsent];
    this.unsent.clear();
    for (const tally of batch) {
      tally.sending = tally.unsent;
      tally.unsent = 0;
    }
    // Hits that could not be written wait for the next batch, which the next hit schedules.
    this.flushing = Promise.all(batch.map((tally) => this.send(tally))).then(() => {
      this.flushing = null;
    });
    await this.flushing;
  }

  private async send(tally: Tally): Promise<void> {
    try {
      const written = await this.shared.add(tally.key, tally.windowSeconds, tally.sending, tally.windowStart);
      tally.shared = Math.max(tally.shared, written.count);
    } catch {
      // The database is unreachable: keep the hits for the next flush.
      tally.unsent += tally.sending;
      this.unsent.add(tally);
    } finally {
      tally.sending = 0;
    }
  }

  private scheduleFlush(): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => void this.flush(), this.options.flushIntervalMs);
    this.flushTimer.unref();
  }

  /** Records what the shared counter reported; a new window replaces the key's old one (whose unsent hits are still written to it). */
  private track(rule: RateLimitRule, reported: RateLimitWindowCount): Tally {
    const tally = this.tallies.get(rule.key);
    if (tally && tally.windowStart.getTime() === reported.windowStart.getTime()) {
      tally.shared = Math.max(tally.shared, reported.count);
      return tally;
    }
    const fresh: Tally = { key: rule.key, windowSeconds: rule.windowSeconds, windowStart: reported.windowStart, resetAt: reported.resetAt, shared: reported.count, unsent: 0, sending: 0 };
    this.tallies.set(rule.key, fresh);
    if (this.tallies.size > 10_000) this.forgetEnded();
    return fresh;
  }

  private forgetEnded(): void {
    const now = Date.now();
    for (const [key, tally] of this.tallies) if (tally.resetAt.getTime() <= now) this.tallies.delete(key);
  }
}
