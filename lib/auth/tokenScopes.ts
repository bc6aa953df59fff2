/**
 * What a personal access token may do. Scopes are levels: READ (queries and subscriptions) <
 * WRITE (instructions, session and project changes) < ADMIN (tokens, the account); each implies
 * the ones below, so a token stores only its highest. A token may also be limited to some
 * projects, and it expires. A sign-in cookie has full access to everything of its user.
 */
export const TOKEN_SCOPES = ['READ', 'WRITE', 'ADMIN'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** What one credential grants: its scope and, for a project-limited token, the projects it reaches. */
export interface AccessGrant {
  scope: TokenScope;
  /** Null: every project of the user. */
  projectIds: readonly string[] | null;
}

export const FULL_ACCESS: AccessGrant = { scope: 'ADMIN', projectIds: null };

export const isTokenScope = (value: unknown): value is TokenScope => TOKEN_SCOPES.includes(value as TokenScope);

/** Whether `scope` includes `required` (ADMIN includes WRITE includes READ). */
export function scopeIncludes(scope: TokenScope, required: TokenScope): boolean {
  return TOKEN_SCOPES.indexOf(scope) >= TOKEN_SCOPES.indexOf(required);
}

/** A token's scopes as the API lists them: its level and every level it implies, lowest first. */
export function impliedScopes(scope: TokenScope): TokenScope[] {
  return TOKEN_SCOPES.slice(0, TOKEN_SCOPES.indexOf(scope) + 1);
}

/** The level a list of chosen scopes amounts to: the highest of them. */
export function highestScope(scopes: readonly TokenScope[]): TokenScope {
  return TOKEN_SCOPES.reduce<TokenScope>((highest, scope) => (scopes.includes(scope) ? scope : highest), 'READ');
}

export function reachesProject(grant: AccessGrant, projectId: string): boolean {
  return grant.projectIds === null || grant.projectIds.includes(projectId.toLowerCase());
}

/** Whether `child` grants nothing `parent` does not: a token can only mint tokens narrower than itself. */
export function grantWithin(child: AccessGrant, parent: AccessGrant): boolean {
  if (!scopeIncludes(parent.scope, child.scope)) return false;
  if (parent.projectIds === null) return true;
  return child.projectIds !== null && child.projectIds.every((id) => reachesProject(parent, id));
}

/*
 * Expiry. A new token expires after DEFAULT_TOKEN_LIFETIME_DAYS unless another date is chosen,
 * at most MAX_TOKEN_LIFETIME_DAYS ahead. Tokens made before scopes existed have no expiry (and
 * full access) until they are revoked.
 */
export const TOKEN_LIFETIME_CHOICES_DAYS = [30, 90, 365] as const;
export const DEFAULT_TOKEN_LIFETIME_DAYS = 90;
/** A year, with a day's slack for leap years and a client clock ahead of ours. */
export const MAX_TOKEN_LIFETIME_DAYS = 366;
/** The tokens page warns about a token expiring within this many days. */
export const EXPIRY_WARNING_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

export const daysFrom = (now: Date, days: number) => new Date(now.getTime() + days * DAY_MS);

/** Why `expiresAt` cannot be a new token's expiry, or null when it can. */
export function expiryProblem(expiresAt: Date, now: Date): string | null {
  if (Number.isNaN(expiresAt.getTime())) return '`expiresAt` is not a valid date.';
  if (expiresAt.getTime() <= now.getTime()) return '`expiresAt` must be in the future.';
  if (expiresAt.getTime() > daysFrom(now, MAX_TOKEN_LIFETIME_DAYS).getTime()) return `\`expiresAt\` can be at most ${MAX_TOKEN_LIFETIME_DAYS} days ahead.`;
  return null;
}

/** How a token's expiry reads on the tokens page. */
export type ExpiryState = { kind: 'never' } | { kind: 'expired' } | { kind: 'soon'; days: number } | { kind: 'later'; days: number };

export function expiryState(expiresAt: Date | null, now: Date): ExpiryState {
  if (expiresAt === null) return { kind: 'never' };
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return { kind: 'expired' };
  const days = Math.ceil(left / DAY_MS);
  return days <= EXPIRY_WARNING_DAYS ? { kind: 'soon', days } : { kind: 'later', days };
}
