import { getOwnedAccessTokens } from '@/db/accessTokens';
import { getOwnedSessions } from '@/db/batchedReads';
import { getOwnedProject } from '@/db/projects';
import type { AccessToken, Project, Session } from '@/db/schema';
import type { Viewer } from '@/lib/auth/viewer';
import type { RateLimitDecision } from '@/lib/rateLimit';
import { forbidden, notFound, unauthenticated } from './errors';

/**
 * Who is calling a use case, as every entry point establishes it (server/callers.ts): the
 * viewer (null when anonymous) and this request's place in their rate-limit budget.
 */
export interface Caller {
  viewer: Viewer | null;
  rateLimit?: RateLimitDecision;
}

export function requireViewer(caller: Caller): Viewer {
  if (!caller.viewer) throw unauthenticated();
  return caller.viewer;
}

/** For what a personal access token must not do (a leaked token must not mint more tokens). */
export function requireWebSession(caller: Caller, action: string): Viewer {
  const viewer = requireViewer(caller);
  if (viewer.via !== 'session') throw forbidden(`${action} needs a signed-in web session; access tokens cannot do it.`);
  return viewer;
}

/*
 * Ownership is decided inside the SQL (the getOwned* reads): another user's row is not
 * returned, so it is NOT_FOUND exactly like a missing one.
 */

export async function ownedProject(viewer: Viewer, projectId: string): Promise<Project> {
  const project = await getOwnedProject(viewer.user.id, projectId);
  if (!project) throw notFound('project');
  return project;
}

export async function ownedSession(viewer: Viewer, sessionId: string, inProjectId?: string): Promise<Session> {
  const [session] = await getOwnedSessions(viewer.user.id, [sessionId]);
  if (!session || (inProjectId !== undefined && session.projectId !== inProjectId)) throw notFound('session');
  return session;
}

export async function ownedAccessToken(viewer: Viewer, tokenId: string): Promise<AccessToken> {
  const [token] = await getOwnedAccessTokens(viewer.user.id, [tokenId]);
  if (!token) throw notFound('access token');
  return token;
}
