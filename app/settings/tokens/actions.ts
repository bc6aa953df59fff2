'use server';

import { refresh } from 'next/cache';
import type { ActionResult } from '@/lib/actionResult';
import * as accessTokens from '@/server/accessTokens';
import { runAction } from '@/server/adapters/serverAction';

/** Creates a token and returns its secret: the only time anyone sees it. */
export async function createTokenAction(name: string): Promise<ActionResult<{ token: string }>> {
  const created = await runAction(async (caller) => ({ token: (await accessTokens.createAccessToken(caller, { name })).token }));
  if (created.ok) refresh();
  return created;
}

export async function revokeTokenAction(tokenId: string): Promise<ActionResult> {
  const revoked = await runAction(async (caller) => (await accessTokens.revokeAccessToken(caller, { accessTokenId: tokenId }), {}));
  if (revoked.ok) refresh();
  return revoked;
}
