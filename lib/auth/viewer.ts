import { RequestCookies } from 'next/dist/server/web/spec-extension/cookies';
import { findActiveTokenUser } from '@/db/accessTokens';
import type { User } from '@/db/schema';
import { authSessionUser } from './authSession';

export interface Viewer {
  user: User;
  /** `session`: the web app's next-auth cookie. `token`: a personal access token. */
  via: 'session' | 'token';
}

/** The request presented an Authorization header that does not authenticate anyone. */
export class InvalidAccessTokenError extends Error {
  override name = 'InvalidAccessTokenError';
  constructor() {
    super('The access token is malformed, unknown or revoked.');
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
    const user = token ? await findActiveTokenUser(token) : null;
    if (!user) throw new InvalidAccessTokenError();
    return { user, via: 'token' };
  }
  const user = await authSessionUser(new RequestCookies(request.headers));
  return user ? { user, via: 'session' } : null;
}

function bearerToken(authorization: string): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  return match ? match[1] : null;
}
