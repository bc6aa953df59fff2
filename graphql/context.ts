import { InvalidAccessTokenError, resolveViewer, type Viewer } from '@/lib/auth/viewer';
import type { RateLimitDecision } from '@/lib/rateLimit';
import { invalidAccessToken, isDatabaseUnavailable, serviceUnavailable } from './errors';
import { createLoaders, type Loaders } from './loaders';
import { enforceGraphQLRateLimit } from './rateLimit';

export interface SignedInViewer extends Viewer {
  /** This request's DataLoaders; they read only what this viewer owns. */
  loaders: Loaders;
}

export interface GraphQLContext {
  /** Null for anonymous requests; resolvers reach it only through access.ts. */
  viewer: SignedInViewer | null;
  /** This request's place in the caller's hourly budget, reported in response headers (absent in direct executeOperation calls). */
  rateLimit?: RateLimitDecision;
}

/** Built once per HTTP request: who is asking, and empty loader caches. */
export async function createContext(request: Request): Promise<GraphQLContext> {
  let viewer: Viewer | null;
  try {
    viewer = await resolveViewer(request);
  } catch (error) {
    if (error instanceof InvalidAccessTokenError) throw invalidAccessToken();
    // Refuse the whole request with 503 rather than a generic 500.
    if (isDatabaseUnavailable(error)) throw serviceUnavailable();
    throw error;
  }
  const rateLimit = await enforceGraphQLRateLimit(request, viewer).catch((error: unknown) => {
    throw isDatabaseUnavailable(error) ? serviceUnavailable() : error;
  });
  return { viewer: viewer && { ...viewer, loaders: createLoaders(viewer.user.id) }, rateLimit };
}
