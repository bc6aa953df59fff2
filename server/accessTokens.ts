import { createAccessToken as createAccessTokenRow, listAccessTokens as listAccessTokenRows, revokeAccessToken as revokeAccessTokenRow } from '@/db/accessTokens';
import type { AccessToken } from '@/db/schema';
import { validateName } from '@/lib/validation';
import { ownedAccessToken, requireViewer, requireWebSession, type Caller } from './access';
import { notFound } from './errors';
import { inputObject, requiredId, requiredString } from './inputs';

/** A new personal access token; its secret is returned here only. Not with a token. */
export async function createAccessToken(caller: Caller, raw: unknown): Promise<{ token: string; accessToken: AccessToken }> {
  const viewer = requireWebSession(caller, 'Creating an access token');
  const name = validateName('name', requiredString(inputObject(raw).name, 'name'));
  return createAccessTokenRow(viewer.user.id, name);
}

/** Revokes one of the viewer's tokens; it stops working on the next request. */
export async function revokeAccessToken(caller: Caller, raw: unknown): Promise<AccessToken> {
  const viewer = requireViewer(caller);
  const token = await ownedAccessToken(viewer, requiredId(inputObject(raw).accessTokenId, 'accessTokenId', 'access token'));
  const revoked = await revokeAccessTokenRow(viewer.user.id, token.id);
  if (!revoked) throw notFound('access token');
  return revoked;
}

/** The viewer's tokens, newest first, revoked ones included (never their secrets). */
export async function listAccessTokens(caller: Caller): Promise<AccessToken[]> {
  return listAccessTokenRows(requireViewer(caller).user.id);
}
