import {
  createAccessToken as createAccessTokenRow,
  listAccessTokens as listAccessTokenRows,
  revokeAccessToken as revokeAccessTokenRow,
} from '@/db/accessTokens';
import type { AccessToken } from '@/db/schema';
import { MAX_PAGE_SIZE } from '@/lib/listKeys';
import {
  daysFrom,
  DEFAULT_TOKEN_LIFETIME_DAYS,
  expiryProblem,
  grantWithin,
  highestScope,
  isTokenScope,
  TOKEN_SCOPES,
  type AccessGrant,
  type TokenScope,
} from '@/lib/auth/tokenScopes';
import { grantOf, type Viewer } from '@/server/auth/viewer';
import { validateName } from '@/lib/validation';
import { ownedAccessToken, ownedProject, requireViewer, type Caller } from './access';
import { badInput, forbidden, notFound } from './errors';
import { inputObject, requiredId, requiredString } from './inputs';

/**
 * Personal access tokens: all of it needs the ADMIN scope (a sign-in cookie has it). A token
 * can mint only tokens narrower than itself: no scope and no project it lacks, no later expiry.
 *
 * Input of createAccessToken: `name`; `scopes` (TokenScope values: the token gets the highest
 * and what it implies); `projectIds` (optional: the viewer's projects the token is limited to);
 * `expiresAt` (optional Date or ISO string: in the future, at most a year ahead; by default
 * DEFAULT_TOKEN_LIFETIME_DAYS from now). The secret is returned here only.
 */
export async function createAccessToken(caller: Caller, raw: unknown): Promise<{ token: string; accessToken: AccessToken }> {
  const viewer = requireViewer(caller, 'ADMIN');
  const input = inputObject(raw);
  const name = validateName('name', requiredString(input.name, 'name'));
  const scope = highestScope(scopeList(input.scopes));
  const projectIds = input.projectIds == null ? null : await ownedProjectIds(viewer, input.projectIds);
  const parent = grantOf(viewer);
  const grant: AccessGrant = { scope, projectIds };
  if (!grantWithin(grant, parent)) {
    throw forbidden(
      parent.projectIds === null
        ? `This access token can only create tokens with the scopes it has itself (up to ${parent.scope}).`
        : `This access token can only create tokens with the scopes it has itself (up to ${parent.scope}), limited to its own projects.`,
    );
  }
  const now = new Date();
  const latest = viewer.via === 'token' ? viewer.token.expiresAt : null;
  const expiresAt = input.expiresAt == null ? earliest(daysFrom(now, DEFAULT_TOKEN_LIFETIME_DAYS), latest) : instant(input.expiresAt, 'expiresAt');
  const problem = expiryProblem(expiresAt, now);
  if (problem) throw badInput('expiresAt', problem);
  if (latest && expiresAt > latest) throw forbidden('A token cannot create a token that outlives it: choose an earlier `expiresAt`.');
  return createAccessTokenRow(viewer.user.id, { name, ...grant, expiresAt });
}

/** Revokes one of the viewer's tokens; it stops working on the next request, and its open streams end at once. */
export async function revokeAccessToken(caller: Caller, raw: unknown): Promise<AccessToken> {
  const viewer = requireViewer(caller, 'ADMIN');
  const token = await ownedAccessToken(viewer, requiredId(inputObject(raw).accessTokenId, 'accessTokenId', 'access token'));
  const revoked = await revokeAccessTokenRow(viewer.user.id, token.id);
  if (!revoked) throw notFound('access token');
  return revoked;
}

/** The viewer's tokens, newest first, revoked and expired ones included (never their secrets). */
export async function listAccessTokens(caller: Caller): Promise<AccessToken[]> {
  return listAccessTokenRows(requireViewer(caller, 'ADMIN').user.id);
}

function scopeList(value: unknown): TokenScope[] {
  const valid = `\`scopes\` must list one or more of ${TOKEN_SCOPES.join(', ')}.`;
  if (!Array.isArray(value) || value.length === 0 || value.length > TOKEN_SCOPES.length * 2) throw badInput('scopes', valid);
  if (!value.every(isTokenScope)) throw badInput('scopes', valid);
  return value;
}

/** The projects a new token is limited to: each one of the viewer's (another user's is NOT_FOUND), without repeats. */
async function ownedProjectIds(viewer: Viewer, value: unknown): Promise<string[]> {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_PAGE_SIZE) {
    throw badInput('projectIds', `\`projectIds\` must list 1 to ${MAX_PAGE_SIZE} projects; leave it out for a token that reaches every project.`);
  }
  const ids = [...new Set(value.map((id) => requiredId(id, 'projectIds', 'project')))];
  return Promise.all(ids.map(async (id) => (await ownedProject(viewer, id)).id));
}

function instant(value: unknown, field: string): Date {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(requiredString(value, field)) : null;
  if (!date || Number.isNaN(date.getTime())) throw badInput(field, `\`${field}\` must be a date and time, such as 2026-01-31T09:30:00.000Z.`);
  return date;
}

const earliest = (date: Date, limit: Date | null) => (limit && limit < date ? limit : date);
