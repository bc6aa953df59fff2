import 'server-only';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import type { User } from '@/db/schema';
import { sameOriginPath } from '@/lib/auth/callbackUrl';
import { SIGN_IN_PATH } from '@/lib/auth/signInPage';
import { config } from '@/lib/config';
import { authSessionUser } from './authSession';

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

/** The user row of this request's auth session cookie, or null (see `authSessionUser`). Read once per request. */
export const getSignedInUserRow = cache(async (): Promise<User | null> => {
  // Depends on the request: never prerendered, so `next build` needs neither the secret nor the database.
  await connection();
  return authSessionUser(await cookies());
});

/** The user whose auth session cookie came with this request, or null. */
export async function getSignedInUser(): Promise<SignedInUser | null> {
  const user = await getSignedInUserRow();
  return user ? { id: user.id, email: user.email, name: user.name } : null;
}

/** The signed-in user; anyone else is sent to sign in and brought back to `callbackUrl` afterwards. */
export async function requireSignedInUser(callbackUrl: string): Promise<SignedInUser> {
  const user = await getSignedInUser();
  if (!user) redirect(signInPath(callbackUrl));
  return user;
}

export function signInPath(callbackUrl: string): string {
  return `${SIGN_IN_PATH}?${new URLSearchParams({ callbackUrl: safeCallbackUrl(callbackUrl) })}`;
}

/** Only paths on this site: anything the URL parser places on another origin becomes the projects page. */
export function safeCallbackUrl(value: string | string[] | undefined): string {
  return sameOriginPath(Array.isArray(value) ? value[0] : value, appOrigin());
}

/** The app's public origin where configured; any fixed origin serves to tell relative paths from other hosts. */
function appOrigin(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const { NEXTAUTH_URL } = config(env);
  return NEXTAUTH_URL ? new URL(NEXTAUTH_URL).origin : 'http://codirector.invalid';
}
