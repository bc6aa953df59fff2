import { getOwnedAccessTokens } from '@/db/accessTokens';
import { getOwnedProject } from '@/db/projects';
import type { AccessToken, Project, Session } from '@/db/schema';
import { getOwnedSessions } from '@/db/sessions';
import { reachesProject, scopeIncludes, type TokenScope } from '@/lib/auth/tokenScopes';
import { grantOf, type Viewer } from '@/server/auth/viewer';
import type { RateLimitDecision } from '@/lib/rateLimit';
import { forbidden, missingScope, notFound, unauthenticated } from './errors';

/**
 * Who is calling a use case, as every entry point establishes it (server/callers.ts): the
 * viewer (null when anonymous) and this request's place in their rate-limit budget.
 */
export interface Caller {
  viewer: Viewer | null;
  rateLimit?: RateLimitDecision;
}

/**
 * The viewer, if their credential has `scope`: every use case names the scope it needs here
 * (READ to read, WRITE to change sessions and projects, ADMIN for tokens and the account), so
 * a token's scopes are checked in one place. A sign-in cookie has every scope.
 */
export function requireViewer(caller: Caller, scope: TokenScope): Viewer {
  if (!caller.viewer) throw unauthenticated();
  if (!scopeIncludes(grantOf(caller.viewer).scope, scope)) throw missingScope(scope);
  return caller.viewer;
}

/** What a token limited to some projects cannot do: make a project, which would be outside its list. */
export function requireEveryProject(viewer: Viewer, action: string): void {
  if (grantOf(viewer).projectIds !== null) throw forbidden(`${action} needs a token that is not limited to some projects.`);
}

/*
 * Ownership is decided inside the SQL (the getOwned* reads): another user's row is not
 * returned, so it is NOT_FOUND exactly like a missing one. A token limited to some projects
 * reaches nothing of the others: they are NOT_FOUND too (reachesProject, the rule GraphQL's
 * loaders apply as well).
 */

export async function ownedProject(viewer: Viewer, projectId: string): Promise<Project> {
  const project = await getOwnedProject(viewer.user.id, projectId);
  if (!project || !reachesProject(grantOf(viewer), project.id)) throw notFound('project');
  return project;
}

export async function ownedSession(viewer: Viewer, sessionId: string, inProjectId?: string): Promise<Session> {
  const [session] = await getOwnedSessions(viewer.user.id, [sessionId]);
  if (!session || !reachesProject(grantOf(viewer), session.projectId)) throw notFound('session');
  if (inProjectId !== undefined && session.projectId !== inProjectId) throw notFound('session');
  return session;
}

export async function ownedAccessToken(viewer: Viewer, tokenId: string): Promise<AccessToken> {
  const [token] = await getOwnedAccessTokens(viewer.user.id, [tokenId]);
  if (!token) throw notFound('access token');
  return token;
}
