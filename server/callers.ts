import { InvalidAccessTokenError, resolveViewer, type Viewer } from '@/server/auth/viewer';
import { clientAddress, consumeRateLimit, rateLimitHeaders, rateLimits, type RateLimitDecision } from '@/lib/rateLimit';
import { getRateLimitStore } from './rateLimit/store';
import type { Caller } from './access';
import { invalidAccessToken, isDatabaseUnavailable, rateLimited, serviceUnavailable } from './errors';

const HOUR_SECONDS = 3600;

/**
 * The caller of one HTTP request (a GraphQL request, a server action, a route handler): who it
 * is, by bearer token or sign-in cookie, with one request counted against their hourly
 * budget. One budget per user (RATE_LIMIT_GRAPHQL_PER_HOUR), whichever entry point they use; per
 * address when anonymous.
 */
export async function callerFromRequest(request: Request): Promise<Caller> {
  let viewer: Viewer | null;
  try {
    viewer = await resolveViewer(request);
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw serviceUnavailable();
    if (!(error instanceof InvalidAccessTokenError)) throw error;
    // A bad token is counted against its address, so guessing tokens spends a budget too.
    const refused = invalidAccessToken();
    Object.assign(refused.headers, rateLimitHeaders(await counted(request, null)));
    throw refused;
  }
  const rateLimit = await counted(request, viewer);
  if (!rateLimit.allowed) throw rateLimited(rateLimit, rateLimitHeaders(rateLimit));
  return { viewer, rateLimit };
}

function counted(request: Request, viewer: Viewer | null): Promise<RateLimitDecision> {
  return countRequest(request, viewer).catch((error: unknown) => {
    throw isDatabaseUnavailable(error) ? serviceUnavailable() : error;
  });
}

function countRequest(request: Request, viewer: Viewer | null): Promise<RateLimitDecision> {
  const key = viewer ? `requests:user:${viewer.user.id}` : `requests:ip:${clientAddress(request)}`;
  return consumeRateLimit(getRateLimitStore(), { key, limit: rateLimits.graphqlPerHour(), windowSeconds: HOUR_SECONDS });
}
