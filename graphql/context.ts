import type { Viewer } from '@/server/auth/viewer';
import type { Caller } from '@/server/access';
import { callerFromRequest } from '@/server/callers';
import { createLoaders, type Loaders } from './loaders';

/** The viewer with this request's DataLoaders, which read only what this viewer owns and their credential reaches. */
export type SignedInViewer = Viewer & { loaders: Loaders };

/** A use-case Caller (server/access.ts) whose viewer carries this request's loaders. */
export interface GraphQLContext extends Caller {
  /** Null for anonymous requests; resolvers reach it only through access.ts. */
  viewer: SignedInViewer | null;
  /** The HTTP request: live subscriptions re-check its credential while they run. */
  request: Request;
}

/**
 * Built once per HTTP request: who is asking (one request counted in their budget), and empty
 * loader caches. Throws the caller's DomainError (bad token, rate limit, database down).
 */
export async function createContext(request: Request): Promise<GraphQLContext> {
  const { viewer, rateLimit } = await callerFromRequest(request);
  return { viewer: viewer && { ...viewer, loaders: createLoaders(viewer) }, rateLimit, request };
}
