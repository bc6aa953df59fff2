import type { ApolloServerPlugin } from '@apollo/server';
import { clientAddress, consumeRateLimit, getRateLimitStore, rateLimitHeaders, rateLimits, type RateLimitDecision } from '@/lib/rateLimit';
import type { Viewer } from '@/lib/auth/viewer';
import { rateLimited } from './errors';

const HOUR_SECONDS = 3600;

/**
 * Counts the request against the viewer's hourly budget (per user, whether by cookie or token;
 * per address when anonymous). Throws RATE_LIMITED (HTTP 429) once it is spent.
 */
export async function enforceGraphQLRateLimit(request: Request, viewer: Viewer | null): Promise<RateLimitDecision> {
  const key = viewer ? `graphql:user:${viewer.user.id}` : `graphql:ip:${clientAddress(request)}`;
  const decision = await consumeRateLimit(getRateLimitStore(), {
    key,
    limit: rateLimits.graphqlPerHour(),
    windowSeconds: HOUR_SECONDS,
  });
  if (!decision.allowed) throw rateLimited(decision.retryAfterSeconds, rateLimitHeaders(decision));
  return decision;
}

/** Puts the x-ratelimit-* headers (and Retry-After when refused) on every GraphQL response. */
export function rateLimitHeadersPlugin(): ApolloServerPlugin<{ rateLimit?: RateLimitDecision }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (!contextValue.rateLimit) return;
          for (const [name, value] of Object.entries(rateLimitHeaders(contextValue.rateLimit))) response.http.headers.set(name, value);
        },
      };
    },
  };
}
