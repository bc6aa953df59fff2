'use server';

import { refresh } from 'next/cache';
import { createAccessToken, revokeAccessToken } from '@/db/accessTokens';
import { actionFailed, checkInput, type ActionResult } from '@/app/_lib/actionResult';
import { isUuid } from '@/lib/ids';
import { requireSignedInUser } from '@/lib/auth/session';
import { validateName } from '@/lib/validation';

const TOKENS_PATH = '/settings/tokens';

/** Creates a token and returns its secret: the only time anyone sees it. */
export async function createTokenAction(name: string): Promise<ActionResult<{ token: string }>> {
  const user = await requireSignedInUser(TOKENS_PATH);
  const checked = checkInput(() => validateName('name', String(name)));
  if (!checked.ok) return checked;
  const { token } = await createAccessToken(user.id, checked.value);
  refresh();
  return { ok: true, token };
}

export async function revokeTokenAction(tokenId: string): Promise<ActionResult> {
  const user = await requireSignedInUser(TOKENS_PATH);
  const revoked = isUuid(tokenId) ? await revokeAccessToken(user.id, tokenId) : null;
  if (!revoked) return actionFailed('This token no longer exists.');
  refresh();
  return { ok: true };
}
