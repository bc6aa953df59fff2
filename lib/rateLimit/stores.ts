import { countsAt, type WindowCounts } from './slidingWindow';

export interface RateLimitRule {
  /** What is counted, e.g. `graphql:user:<id>` or `signin:ip:<address>`. */
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitStore {
  /** Counts one more hit and returns the counts it is decided on. */
  hit(rule: RateLimitRule): Promise<WindowCounts>;
  /** The counts so far, counting nothing. */
  peek(rule: RateLimitRule): Promise<WindowCounts>;
  /** Takes back one hit counted in the window starting at `windowStart` (nothing once that window no longer counts). */
  release(rule: RateLimitRule, windowStart: Date): Promise<void>;
}

/** For the single-process embedded default: no database write per request (server/rateLimit/store.ts has the shared one). */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { counts: WindowCounts; windowSeconds: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  hit(rule: RateLimitRule): Promise<WindowCounts> {
    const counts = this.countsNow(rule);
    const hit = { ...counts, count: counts.count + 1 };
    this.store(rule, hit);
    if (this.windows.size > 10_000) this.evictUnweighed();
    return Promise.resolve(hit);
  }

  peek(rule: RateLimitRule): Promise<WindowCounts> {
    return Promise.resolve(this.countsNow(rule));
  }

  release(rule: RateLimitRule, windowStart: Date): Promise<void> {
    const counts = this.countsNow(rule);
    if (counts.windowStart.getTime() === windowStart.getTime()) {
      this.store(rule, { ...counts, count: Math.max(0, counts.count - 1) });
    } else if (counts.windowStart.getTime() - rule.windowSeconds * 1000 === windowStart.getTime()) {
      this.store(rule, { ...counts, previousCount: Math.max(0, counts.previousCount - 1) });
    }
    return Promise.resolve();
  }

  private countsNow(rule: RateLimitRule): WindowCounts {
    return countsAt(this.windows.get(rule.key)?.counts, this.clock(), rule.windowSeconds);
  }

  private store(rule: RateLimitRule, counts: WindowCounts) {
    this.windows.set(rule.key, { counts, windowSeconds: rule.windowSeconds });
  }

  /** Drops keys with nothing counted in the last two windows: their counts no longer weigh in. */
  private evictUnweighed() {
    const now = this.clock();
    for (const [key, { counts, windowSeconds }] of this.windows) {
      if (counts.windowStart.getTime() + 2 * windowSeconds * 1000 <= now) this.windows.delete(key);
    }
  }
}
