import type { ApolloServerPlugin } from '@apollo/server';
import { rateLimitHeaders, type RateLimitDecision } from '@/lib/rateLimit';
import { ErrorCode, RETRY_AFTER_UNAVAILABLE_SECONDS } from '@/server/errors';

/**
 * What every GraphQL response says at the HTTP level: the x-ratelimit-* headers (and
 * Retry-After when refused), and HTTP 503 with Retry-After whenever an error is
 * SERVICE_UNAVAILABLE, so clients and proxies retry instead of caching a 200.
 */
export function httpResponsePlugin(): ApolloServerPlugin<{ rateLimit?: RateLimitDecision }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (contextValue.rateLimit) {
            for (const [name, value] of Object.entries(rateLimitHeaders(contextValue.rateLimit))) response.http.headers.set(name, value);
          }
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (errors?.some((error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(RETRY_AFTER_UNAVAILABLE_SECONDS));
          }
        },
      };
    },
  };
}
