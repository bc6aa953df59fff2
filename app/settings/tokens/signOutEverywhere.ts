'use server';

import { redirect } from 'next/navigation';
import { endAuthSessions } from '@/db/users';
import { getSignedInUser } from '@/lib/auth/session';
import { SIGN_IN_PATH } from '@/lib/auth/options';

/** Refuses every auth session cookie of the signed-in user, this browser's included. */
export async function signOutEverywhereAction(): Promise<void> {
  const user = await getSignedInUser();
  if (user) await endAuthSessions(user.id);
  redirect(SIGN_IN_PATH);
}
