import { config } from '@/lib/config';
import { nextAllowedAt, slidingCount, type WindowCounts } from './slidingWindow';
import type { RateLimitRule, RateLimitStore } from './stores';

export * from './clientAddress';
export * from './slidingWindow';
export * from './stores';
export * from './writeBehind';

export interface RateLimitDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When one more hit would be allowed, counting nothing more (now while one would be). */
  resetAt: Date;
  /** Whole seconds until `resetAt`; what Retry-After says when refused. */
  retryAfterSeconds: number;
  /** The fixed window this hit was counted in: where `release` takes it back from. */
  windowStart: Date;
}

export async function consumeRateLimit(store: RateLimitStore, rule: RateLimitRule): Promise<RateLimitDecision> {
  return decide(rule, await store.hit(rule));
}

function decide(rule: RateLimitRule, counts: WindowCounts): RateLimitDecision {
  const count = slidingCount(counts, rule.windowSeconds);
  const resetAt = nextAllowedAt(counts, rule.windowSeconds, rule.limit);
  return {
    allowed: count <= rule.limit,
    limit: rule.limit,
    remaining: Math.max(0, Math.floor(rule.limit - count)),
    resetAt,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - counts.now.getTime()) / 1000)),
    windowStart: counts.windowStart,
  };
}

/** Every header `rateLimitHeaders` may write: what a page on another origin is allowed to read (lib/http/cors.ts). */
export const RATE_LIMIT_HEADER_NAMES = ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after'] as const;

/** GitHub-style headers: limit, remaining, and in epoch seconds when one more hit will be allowed. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const headers: Record<string, string> = {
    'x-ratelimit-limit': String(decision.limit),
    'x-ratelimit-remaining': String(decision.remaining),
    'x-ratelimit-reset': String(Math.ceil(decision.resetAt.getTime() / 1000)),
  };
  if (!decision.allowed) headers['retry-after'] = String(decision.retryAfterSeconds);
  return headers;
}

export const rateLimits = {
  graphqlPerHour: () => config().RATE_LIMIT_GRAPHQL_PER_HOUR,
  signInPerAccountPer15Min: () => config().RATE_LIMIT_SIGNIN_PER_ACCOUNT,
  signInPerIpPer15Min: () => config().RATE_LIMIT_SIGNIN_PER_IP,
  signUpPerIpPerHour: () => config().RATE_LIMIT_SIGNUP_PER_IP,
};
