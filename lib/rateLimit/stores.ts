import { addRateLimitHits, countRateLimitBucket, pruneRateLimitBuckets, removeRateLimitHit, type RateLimitWindowCount } from '@/db/rateLimits';

export interface RateLimitRule {
  /** What is counted, e.g. `graphql:user:<id>` or `signin:ip:<address>`. */
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface WindowCount {
  count: number;
  resetAt: Date;
}

export interface RateLimitStore {
  /** Counts one more hit and returns the window's count. */
  hit(rule: RateLimitRule): Promise<WindowCount>;
  /** The window's count so far, counting nothing. */
  peek(rule: RateLimitRule): Promise<WindowCount>;
  /** Takes back one hit counted in the window ending at `resetAt` (nothing once that window is over). */
  release(rule: RateLimitRule, resetAt: Date): Promise<void>;
}

/** Counts in a Postgres table: shared by every instance on the same database, one write per hit. */
export class DatabaseRateLimitStore implements RateLimitStore {
  private writesSincePrune = 0;

  hit(rule: RateLimitRule): Promise<RateLimitWindowCount> {
    return this.add(rule.key, rule.windowSeconds, 1);
  }

  /** Adds hits counted elsewhere: to the current window, or to the one starting at `windowStart`. */
  async add(key: string, windowSeconds: number, amount: number, windowStart?: Date): Promise<RateLimitWindowCount> {
    const result = await addRateLimitHits(key, windowSeconds, amount, windowStart);
    // Old windows are useless; sweep them now and then rather than on every write.
    if (++this.writesSincePrune >= 1000) {
      this.writesSincePrune = 0;
      await pruneRateLimitBuckets(new Date(Date.now() - 24 * 3600 * 1000));
    }
    return result;
  }

  peek(rule: RateLimitRule): Promise<RateLimitWindowCount> {
    return countRateLimitBucket(rule.key, rule.windowSeconds);
  }

  release(rule: RateLimitRule, resetAt: Date): Promise<void> {
    return removeRateLimitHit(rule.key, windowStartOf(resetAt, rule.windowSeconds));
  }
}

/** For the single-process embedded default: no database write per request. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, WindowCount>();

  async hit(rule: RateLimitRule, now = Date.now()): Promise<WindowCount> {
    const resetAt = windowEnd(now, rule.windowSeconds);
    const current = this.windows.get(rule.key);
    const next = current && current.resetAt.getTime() === resetAt.getTime() ? { count: current.count + 1, resetAt } : { count: 1, resetAt };
    this.windows.set(rule.key, next);
    if (this.windows.size > 10_000) this.evictEnded(now);
    return next;
  }

  async peek(rule: RateLimitRule, now = Date.now()): Promise<WindowCount> {
    const resetAt = windowEnd(now, rule.windowSeconds);
    const current = this.windows.get(rule.key);
    return current && current.resetAt.getTime() === resetAt.getTime() ? current : { count: 0, resetAt };
  }

  async release(rule: RateLimitRule, resetAt: Date): Promise<void> {
    const current = this.windows.get(rule.key);
    if (current && current.resetAt.getTime() === resetAt.getTime() && current.count > 0) {
      this.windows.set(rule.key, { count: current.count - 1, resetAt });
    }
  }

  private evictEnded(now: number) {
    for (const [key, window] of this.windows) if (window.resetAt.getTime() <= now) this.windows.delete(key);
  }
}

function windowStartOf(resetAt: Date, windowSeconds: number): Date {
  return new Date(resetAt.getTime() - windowSeconds * 1000);
}

function windowEnd(now: number, windowSeconds: number): Date {
  return new Date((Math.floor(now / 1000 / windowSeconds) + 1) * windowSeconds * 1000);
}
