import { and, desc, eq, getTableColumns, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { AccessGrant, TokenScope } from '@/lib/auth/tokenScopes';
import { generateAccessToken, hashAccessToken, isWellFormedAccessToken } from '@/lib/auth/tokens';
import { builtOnce } from './builtQueries';
import { getDb, type Executor } from './client';
import { credentialChannelKey, wakeCredentialListeners } from './events';
import { accessTokens, users, type AccessToken, type User } from './schema';

/** `last_used_at` is refreshed at most this often, so busy clients do not write on every request. */
const LAST_USED_GRANULARITY_MS = 60_000;

/** What a new token may do (lib/auth/tokenScopes.ts), already checked by the use case. */
export interface NewAccessToken {
  name: string;
  scope: TokenScope;
  projectIds: readonly string[] | null;
  expiresAt: Date;
}

/**
 * Creates a token for the user. The plaintext comes back here only; the database keeps its
 * hash and a display prefix. `name` must already be validated (validateName).
 */
export async function createAccessToken(
  userId: string,
  { name, scope, projectIds, expiresAt }: NewAccessToken,
  db: Executor = getDb(),
): Promise<{ token: string; accessToken: AccessToken }> {
  const { token, hash, displayPrefix } = generateAccessToken();
  const [accessToken] = await db
    .insert(accessTokens)
    .values({ userId, name: name.trim(), tokenHash: hash, tokenPrefix: displayPrefix, scope, projectIds: projectIds && [...projectIds], expiresAt })
    .returning();
  return { token, accessToken };
}

/** The user's tokens, newest first, revoked ones included. */
export async function listAccessTokens(userId: string, db: Executor = getDb()): Promise<AccessToken[]> {
  return db.select().from(accessTokens).where(eq(accessTokens.userId, userId)).orderBy(desc(accessTokens.createdAt), desc(accessTokens.id));
}

/** Those of the tokens that belong to the user; another user's token is left out, as if missing. */
export async function getOwnedAccessTokens(userId: string, tokenIds: readonly string[], db: Executor = getDb()): Promise<AccessToken[]> {
  if (tokenIds.length === 0) return [];
  return db
    .select()
    .from(accessTokens)
    .where(and(eq(accessTokens.userId, userId), inArray(accessTokens.id, [...tokenIds])));
}

/**
 * Revokes the user's token; revoking it again keeps the first revocation time. Null when the
 * token does not exist or belongs to someone else. The same statement wakes the token's open
 * streams (db/events.ts), which end before any later event reaches them.
 */
export async function revokeAccessToken(userId: string, tokenId: string, db: Executor = getDb()): Promise<AccessToken | null> {
  const [revoked] = await db
    .update(accessTokens)
    .set({ revokedAt: sql`coalesce(${accessTokens.revokedAt}, now())` })
    .where(and(eq(accessTokens.id, tokenId), eq(accessTokens.userId, userId)))
    .returning({ ...getTableColumns(accessTokens), woken: wakeCredentialListeners(credentialChannelKey.token(tokenId)) });
  if (!revoked) return null;
  const { woken: _woken, ...token } = revoked;
  return token;
}

/** The credential a presented token is: its user and what it grants. */
export interface ActiveToken {
  user: User;
  tokenId: string;
  grant: AccessGrant;
  expiresAt: Date | null;
}

/** The user a presented token authenticates and its grant, or null for an unknown, malformed, revoked or expired token. */
export async function findActiveToken(token: string, db: Executor = getDb()): Promise<ActiveToken | null> {
  if (!isWellFormedAccessToken(token)) return null;
  // Runs on every API request: built once (db/builtQueries.ts).
  const [found] = await builtOnce(db, 'accessTokens.activeByHash', () =>
    db
      .select({
        user: users,
        tokenId: accessTokens.id,
        scope: accessTokens.scope,
        projectIds: accessTokens.projectIds,
        expiresAt: accessTokens.expiresAt,
        // By the database's clock, the one that stamps last_used_at.
        lastUseIsStale: sql<boolean>`(${accessTokens.lastUsedAt} is null or ${accessTokens.lastUsedAt} <= now() - make_interval(secs => ${LAST_USED_GRANULARITY_MS / 1000}))`,
      })
      .from(accessTokens)
      .innerJoin(users, eq(users.id, accessTokens.userId))
      .where(
        and(
          eq(accessTokens.tokenHash, sql.placeholder('hash')),
          isNull(accessTokens.revokedAt),
          or(isNull(accessTokens.expiresAt), gt(accessTokens.expiresAt, sql`now()`)),
        ),
      )
      .limit(1)
      .prepare('accessTokens.activeByHash'),
  ).execute({ hash: hashAccessToken(token) });
  if (!found) return null;
  if (found.lastUseIsStale) {
    await db
      .update(accessTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(accessTokens.id, found.tokenId));
  }
  return { user: found.user, tokenId: found.tokenId, grant: { scope: found.scope, projectIds: found.projectIds }, expiresAt: found.expiresAt };
}
