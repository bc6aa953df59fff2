import { getToken } from 'next-auth/jwt';
import type { User } from '@/db/schema';
import { getUserById } from '@/db/users';
import { getAuthSecret } from '@/lib/auth/secret';
import { isUuid } from '@/lib/ids';

/** A request's cookies: next/headers' `cookies()`, or `RequestCookies` over a request's headers. */
export interface CookieJar {
  getAll(): { name: string; value: string }[];
}

/**
 * The user of a valid next-auth session cookie, read with next-auth's own `getToken` (cookie
 * name, chunks, decryption, expiry), or null. Refused as well: a cookie whose `sub` is not one
 * of our ids, whose user no longer exists, or that was issued before the user's auth session
 * version last changed (sign out, sign out everywhere), or before versions existed.
 */
export async function authSessionUser(cookies: CookieJar): Promise<User | null> {
  // No headers: getToken would read `Authorization: Bearer` as a session, and bearer tokens are personal access tokens.
  const req = { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]['req'];
  const token = await getToken({ req, secret: getAuthSecret() });
  if (!token || !isUuid(token.sub)) return null;
  const user = await getUserById(token.sub);
  return user && user.authSessionVersion === token.authSessionVersion ? user : null;
}
