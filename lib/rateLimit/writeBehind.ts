import { slidingCount, type WindowCounts } from './slidingWindow';
import type { RateLimitRule, RateLimitStore } from './stores';

/** The counter every instance shares, e.g. DatabaseRateLimitStore (server/rateLimit/store.ts). */
export interface SharedRateLimitCounter extends RateLimitStore {
  add(key: string, windowSeconds: number, amount: number, windowStart: Date): Promise<WindowCounts>;
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
  /** The count the shared counter last reported: every instance's hits it had by then. */
  shared: number;
  /** The previous window's count: the shared counter's, and what this process had not written of it then. */
  previous: number;
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
  /** The shared counter's clock less this process's, as last reported: windows are measured against the shared clock. */
  private clockOffsetMs = 0;

  constructor(
    private readonly shared: SharedRateLimitCounter,
    private readonly options: WriteBehindOptions = DEFAULT_WRITE_BEHIND,
  ) {}

  async hit(rule: RateLimitRule): Promise<WindowCounts> {
    const tally = this.tallies.get(rule.key);
    const counted = this.currentCounts(tally, 1);
    if (tally && counted && slidingCount(counted, rule.windowSeconds) <= rule.limit - this.options.exactWithin(rule.limit)) {
      tally.unsent += 1;
      this.unsent.add(tally);
      this.scheduleFlush();
      return counted;
    }
    // A batch being written may or may not be in the shared count yet; wait so it is.
    await this.flushing;
    const reported = await this.shared.hit(rule);
    const written = this.track(rule, reported);
    // This hit's own place in the shared count (concurrent hits each get theirs), plus what this
    // instance counted and has not written yet: not the highest count any hit has seen.
    return { ...reported, count: reported.count + written.unsent + written.sending, previousCount: written.previous };
  }

  async peek(rule: RateLimitRule): Promise<WindowCounts> {
    await this.flushing;
    const reported = await this.shared.peek(rule);
    const tally = this.track(rule, reported);
    return { ...reported, count: count(tally), previousCount: tally.previous };
  }

  /** A hit not written yet is simply not written; one already written is taken back from the shared count. */
  async release(rule: RateLimitRule, windowStart: Date): Promise<void> {
    const tally = this.tallies.get(rule.key);
    const windowsAgo = tally && (tally.windowStart.getTime() - windowStart.getTime()) / (rule.windowSeconds * 1000);
    if (tally && windowsAgo === 0 && tally.unsent > 0) {
      tally.unsent -= 1;
      return;
    }
    await this.flushing;
    await this.shared.release(rule, windowStart);
    if (tally && windowsAgo === 0) tally.shared = Math.max(0, tally.shared - 1);
    if (tally && windowsAgo === 1) tally.previous = Math.max(0, tally.previous - 1);
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

  /** The tally's counts as this process knows them, plus `extra`, while its window is the current one by the shared clock. */
  private currentCounts(tally: Tally | undefined, extra: number): WindowCounts | undefined {
    const now = Date.now() + this.clockOffsetMs;
    if (!tally || now >= tally.windowStart.getTime() + tally.windowSeconds * 1000) return undefined;
    return { windowStart: tally.windowStart, count: count(tally) + extra, previousCount: tally.previous, now: new Date(now) };
  }

  /** Records what the shared counter reported; a new window replaces the key's old one (whose unsent hits are still written to it). */
  private track(rule: RateLimitRule, reported: WindowCounts): Tally {
    this.clockOffsetMs = reported.now.getTime() - Date.now();
    const tally = this.tallies.get(rule.key);
    if (tally && tally.windowStart.getTime() === reported.windowStart.getTime()) {
      tally.shared = Math.max(tally.shared, reported.count);
      tally.previous = Math.max(tally.previous, reported.previousCount);
      return tally;
    }
    // The old tally's window is usually the new one's previous: what was not written of it counts there.
    const unwrittenBefore = tally?.windowStart.getTime() === reported.windowStart.getTime() - rule.windowSeconds * 1000 ? tally.unsent + tally.sending : 0;
    const fresh: Tally = {
      key: rule.key,
      windowSeconds: rule.windowSeconds,
      windowStart: reported.windowStart,
      shared: reported.count,
      previous: reported.previousCount + unwrittenBefore,
      unsent: 0,
      sending: 0,
    };
    this.tallies.set(rule.key, fresh);
    if (this.tallies.size > 10_000) this.forgetUnweighed();
    return fresh;
  }

  /** Forgets keys with nothing counted in the last two windows: their counts no longer weigh in. */
  private forgetUnweighed(): void {
    const now = Date.now() + this.clockOffsetMs;
    for (const [key, tally] of this.tallies) if (tally.windowStart.getTime() + 2 * tally.windowSeconds * 1000 <= now) this.tallies.delete(key);
  }
}
