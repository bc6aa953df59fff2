import { databaseConfigFromEnv } from '@/db/client';
import { countRateLimitBucket, hitRateLimitBucket, pruneRateLimitBuckets } from '@/db/rateLimits';

export interface RateLimitRule {
  /** What is counted, e.g. `graphql:user:<id>` or `signin:ip:<address>`. */
  key: string;
  limit: number;
  windowSeconds: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  resetAt: Date;
  /** Whole seconds until the window ends; what Retry-After says when refused. */
  retryAfterSeconds: number;
}

export interface RateLimitStore {
  /** Counts one more hit and returns the window's count. */
  hit(key: string, windowSeconds: number): Promise<{ count: number; resetAt: Date }>;
  /** The window's count so far, counting nothing. */
  peek(key: string, windowSeconds: number): Promise<{ count: number; resetAt: Date }>;
}

/** Shared by every instance on the same Postgres. */
export class DatabaseRateLimitStore implements RateLimitStore {
  private hitsSincePrune = 0;

  async hit(key: string, windowSeconds: number) {
    const result = await hitRateLimitBucket(key, windowSeconds);
    // Old windows are useless; sweep them now and then rather than on every request.
    if (++this.hitsSincePrune >= 1000) {
      this.hitsSincePrune = 0;
      await pruneRateLimitBuckets(new Date(Date.now() - 24 * 3600 * 1000));
    }
    return result;
  }

  peek(key: string, windowSeconds: number) {
    return countRateLimitBucket(key, windowSeconds);
  }
}

/** For the single-process embedded default: no database write per request. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { count: number; resetAt: Date }>();

  async hit(key: string, windowSeconds: number, now = Date.now()) {
    const windowStart = Math.floor(now / 1000 / windowSeconds) * windowSeconds * 1000;
    const resetAt = new Date(windowStart + windowSeconds * 1000);
    const current = this.windows.get(key);
    const next = current && current.resetAt.getTime() === resetAt.getTime() ? { count: current.count + 1, resetAt } : { count: 1, resetAt };
    this.windows.set(key, next);
    if (this.windows.size > 10_000) this.evictEnded(now);
    return next;
  }

  async peek(key: string, windowSeconds: number, now = Date.now()) {
    const resetAt = new Date((Math.floor(now / 1000 / windowSeconds) + 1) * windowSeconds * 1000);
    const current = this.windows.get(key);
    return current && current.resetAt.getTime() === resetAt.getTime() ? current : { count: 0, resetAt };
  }

  private evictEnded(now: number) {
    for (const [key, window] of this.windows) if (window.resetAt.getTime() <= now) this.windows.delete(key);
  }
}

export async function consumeRateLimit(store: RateLimitStore, rule: RateLimitRule, now = Date.now()): Promise<RateLimitDecision> {
  return decide(rule, await store.hit(rule.key, rule.windowSeconds), now);
}

/** Whether the budget is already spent, without spending any of it. */
export async function checkRateLimit(store: RateLimitStore, rule: RateLimitRule, now = Date.now()): Promise<RateLimitDecision> {
  const window = await store.peek(rule.key, rule.windowSeconds);
  // Spent means `limit` hits already happened: one more would be over.
  return decide(rule, { count: window.count + 1, resetAt: window.resetAt }, now);
}

function decide(rule: RateLimitRule, { count, resetAt }: { count: number; resetAt: Date }, now: number): RateLimitDecision {
  return {
    allowed: count <= rule.limit,
    limit: rule.limit,
    remaining: Math.max(0, rule.limit - count),
    resetAt,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now) / 1000)),
  };
}

/** GitHub-style headers: limit, remaining, and the window's end in epoch seconds. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'x-ratelimit-limit': String(decision.limit),
    'x-ratelimit-remaining': String(decision.remaining),
    'x-ratelimit-reset': String(Math.ceil(decision.resetAt.getTime() / 1000)),
  };
  if (!decision.allowed) headers['retry-after'] = String(decision.retryAfterSeconds);
  return headers;
}

const STORE_KEY = Symbol.for('codirector.rateLimitStore');
type GlobalWithStore = typeof globalThis & { [STORE_KEY]?: RateLimitStore };

/** A Postgres table when DATABASE_URL is set (works across instances); memory on embedded PGlite. */
export function getRateLimitStore(): RateLimitStore {
  const holder = globalThis as GlobalWithStore;
  holder[STORE_KEY] ??= databaseConfigFromEnv().driver === 'postgres' ? new DatabaseRateLimitStore() : new MemoryRateLimitStore();
  return holder[STORE_KEY];
}

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The limits, configurable by env. */
export const rateLimits = {
  graphqlPerHour: () => envNumber('RATE_LIMIT_GRAPHQL_PER_HOUR', 5000),
  signInPerAccountPer15Min: () => envNumber('RATE_LIMIT_SIGNIN_PER_ACCOUNT', 10),
  signInPerIpPer15Min: () => envNumber('RATE_LIMIT_SIGNIN_PER_IP', 50),
};

/** The client address as the nearest proxy saw it; behind no proxy, anonymous callers share one bucket. */
export function clientAddress(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0].trim() || request.headers.get('x-real-ip') || 'unknown';
}
