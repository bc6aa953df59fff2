import 'server-only';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { getUserById } from '@/db/users';
import { getAuthOptions, SIGN_IN_PATH } from './options';

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

/**
 * The user whose session cookie came with this request, or null. Read once per request; a
 * cookie for a user who no longer exists counts as signed out.
 */
export const getSignedInUser = cache(async (): Promise<SignedInUser | null> => {
  // Depends on the request: never prerendered, so `next build` needs neither the secret nor the database.
  await connection();
  const session = await getServerSession(getAuthOptions());
  const userId = session?.user.id;
  if (!userId) return null;
  const user = await getUserById(userId);
  return user ? { id: user.id, email: user.email, name: user.name } : null;
});

/** The signed-in user; anyone else is sent to sign in and brought back to `callbackUrl` afterwards. */
export async function requireSignedInUser(callbackUrl: string): Promise<SignedInUser> {
  const user = await getSignedInUser();
  if (!user) redirect(signInPath(callbackUrl));
  return user;
}

export function signInPath(callbackUrl: string): string {
  return `${SIGN_IN_PATH}?${new URLSearchParams({ callbackUrl: safeCallbackUrl(callbackUrl) })}`;
}

/** Only paths on this site: anything else (another origin, `//host`) becomes the projects page. */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  const url = Array.isArray(value) ? value[0] : value;
  if (!url || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\')) return '/';
  return url;
}
