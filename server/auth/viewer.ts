import { RequestCookies } from 'next/dist/server/web/spec-extension/cookies';
import { findActiveToken } from '@/db/accessTokens';
import type { User } from '@/db/schema';
import { FULL_ACCESS, type AccessGrant } from '@/lib/auth/tokenScopes';
import { authSessionUser } from './authSession';

/**
 * `session`: the web app's next-auth cookie, with full access. `token`: a personal access
 * token, with what it grants (its scope, maybe a list of projects).
 */
export type Viewer = { user: User; via: 'session' } | { user: User; via: 'token'; token: { id: string; grant: AccessGrant; expiresAt: Date | null } };

/** What the viewer's credential may do: everything for a sign-in cookie. */
export const grantOf = (viewer: Viewer): AccessGrant => (viewer.via === 'token' ? viewer.token.grant : FULL_ACCESS);

/** The request presented an Authorization header that does not authenticate anyone. */
export class InvalidAccessTokenError extends Error {
  override name = 'InvalidAccessTokenError';
  constructor() {
    super('The access token is malformed, unknown, expired or revoked.');
  }
}

/**
 * Who is making the request: `Authorization: Bearer <personal access token>`, else the
 * next-auth session cookie, else nobody (null). A bad Authorization header throws
 * InvalidAccessTokenError instead of falling back to the cookie, so a client that meant to
 * use a token learns that it does not work.
 */
export async function resolveViewer(request: Request): Promise<Viewer | null> {
  const authorization = request.headers.get('authorization')?.trim();
  if (authorization) {
    const token = bearerToken(authorization);
    const found = token ? await findActiveToken(token) : null;
    if (!found) throw new InvalidAccessTokenError();
    return { user: found.user, via: 'token', token: { id: found.tokenId, grant: found.grant, expiresAt: found.expiresAt } };
  }
  const user = await authSessionUser(new RequestCookies(request.headers));
  return user ? { user, via: 'session' } : null;
}

function bearerToken(authorization: string): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  return match ? match[1] : null;
}
