import { decode } from 'next-auth/jwt';
import { findActiveTokenUser } from '@/db/accessTokens';
import type { User } from '@/db/schema';
import { getUserById } from '@/db/users';
import { getAuthSecret } from './secret';

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

/** next-auth's default session cookie names (the secure one is used on https). */
const SESSION_COOKIE_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

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
  const userId = await sessionUserId(request.headers.get('cookie'));
  const user = userId ? await getUserById(userId) : null;
  return user ? { user, via: 'session' } : null;
}

function bearerToken(authorization: string): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  return match ? match[1] : null;
}

/** The user id (`sub`) of a valid, unexpired next-auth session cookie. */
async function sessionUserId(cookieHeader: string | null): Promise<string | null> {
  if (!cookieHeader) return null;
  const cookies = parseCookies(cookieHeader);
  for (const name of SESSION_COOKIE_NAMES) {
    const token = joinChunks(cookies, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret: getAuthSecret() });
      if (typeof payload?.sub === 'string' && payload.sub) return payload.sub;
    } catch {
      // A cookie we cannot decrypt (another secret, tampered, expired) signs nobody in.
    }
  }
  return null;
}

function parseCookies(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(value));
    } catch {
      cookies.set(name, value);
    }
  }
  return cookies;
}

/** next-auth splits a large session cookie into `name.0`, `name.1`…; the value is their concatenation. */
function joinChunks(cookies: Map<string, string>, name: string): string | null {
  const whole = cookies.get(name);
  if (whole) return whole;
  const chunks: string[] = [];
  for (let index = 0; cookies.has(`${name}.${index}`); index += 1) chunks.push(cookies.get(`${name}.${index}`) ?? '');
  return chunks.length > 0 ? chunks.join('') : null;
}
