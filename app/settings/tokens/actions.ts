'use server';

import { refresh } from 'next/cache';
import type { ActionResult } from '@/lib/actionResult';
import { daysFrom } from '@/lib/auth/tokenScopes';
import * as accessTokens from '@/server/accessTokens';
import { runAction } from '@/server/adapters/serverAction';

/**
 * Creates a token and returns its secret: the only time anyone sees it. Input: `name`,
 * `scope` (one TokenScope), `projectIds` (optional) and `expiresInDays` (optional; the use case
 * decides which expiry is allowed, as for the API's `expiresAt`).
 */
export async function createTokenAction(input: unknown): Promise<ActionResult<{ token: string }>> {
  const created = await runAction(async (caller) => ({ token: (await accessTokens.createAccessToken(caller, useCaseInput(input))).token }));
  if (created.ok) refresh();
  return created;
}

/** The form's fields as the use case's input; anything else goes as it is, for the use case to refuse (after checking who asks). */
function useCaseInput(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const { name, scope, projectIds, expiresInDays } = input as Record<string, unknown>;
  const expiresAt = expiresInDays == null ? undefined : daysFrom(new Date(), typeof expiresInDays === 'number' ? expiresInDays : Number.NaN);
  return { name, scopes: [scope], projectIds, expiresAt };
}

export async function revokeTokenAction(tokenId: string): Promise<ActionResult> {
  const revoked = await runAction(async (caller) => (await accessTokens.revokeAccessToken(caller, { accessTokenId: tokenId }), {}));
  if (revoked.ok) refresh();
  return revoked;
}
