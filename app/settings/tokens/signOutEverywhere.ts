'use server';

import { redirect } from 'next/navigation';
import { SIGN_IN_PATH } from '@/lib/auth/signInPage';
import * as accounts from '@/server/accounts';
import { runAction } from '@/server/adapters/serverAction';

/** Form action: refuses every auth session cookie of the signed-in user, this browser's included, and goes to sign-in. */
export async function signOutEverywhereAction(): Promise<void> {
  const result = await runAction(async (caller) => (await accounts.signOutEverywhere(caller), {}));
  if (result.ok || result.code === 'UNAUTHENTICATED') redirect(SIGN_IN_PATH);
}
