import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { generateAccessToken, hashAccessToken, isWellFormedAccessToken } from '@/lib/auth/tokens';
import { builtOnce } from './builtQueries';
import { getDb, type Executor } from './client';
import { accessTokens, users, type AccessToken, type User } from './schema';

/** `last_used_at` is refreshed at most this often, so busy clients do not write on every request. */
const LAST_USED_GRANULARITY_MS = 60_000;

/**
 * Creates a token for the user. The plaintext comes back here only; the database keeps its
 * hash and a display prefix. `name` must already be validated (validateName).
 */
export async function createAccessToken(
  userId: string,
  name: string,
  db: Executor = getDb(),
): Promise<{ token: string; accessToken: AccessToken }> {
  const { token, hash, displayPrefix } = generateAccessToken();
  const [accessToken] = await db
    .insert(accessTokens)
    .values({ userId, name: name.trim(), tokenHash: hash, tokenPrefix: displayPrefix })
    .returning();
  return { token, accessToken };
}

/** The user's tokens, newest first, revoked ones included. */
export async function listAccessTokens(userId: string, db: Executor = getDb()): Promise<AccessToken[]> {
  return db
    .select()
    .from(accessTokens)
    .where(eq(accessTokens.userId, userId))
    .orderBy(desc(accessTokens.createdAt), desc(accessTokens.id));
}

/** Those of the tokens that belong to the user; another user's token is left out, as if missing. */
export async function getOwnedAccessTokens(
  userId: string,
  tokenIds: readonly string[],
  db: Executor = getDb(),
): Promise<AccessToken[]> {
  if (tokenIds.length === 0) return [];
  return db
    .select()
    .from(accessTokens)
    .where(and(eq(accessTokens.userId, userId), inArray(accessTokens.id, [...tokenIds])));
}

/**
 * Revokes the user's token; revoking it again keeps the first revocation time. Null when the
 * token does not exist or belongs to someone else.
 */
export async function revokeAccessToken(userId: string, tokenId: string, db: Executor = getDb()): Promise<AccessToken | null> {
  const [revoked] = await db
    .update(accessTokens)
    .set({ revokedAt: sql`coalesce(${accessTokens.revokedAt}, now())` })
    .where(and(eq(accessTokens.id, tokenId), eq(accessTokens.userId, userId)))
    .returning();
  return revoked ?? null;
}

/** The user a presented token authenticates, or null for an unknown, malformed or revoked token. */
export async function findActiveTokenUser(token: string, db: Executor = getDb()): Promise<User | null> {
  if (!isWellFormedAccessToken(token)) return null;
  // Runs on every API request: built once (db/builtQueries.ts).
  const [found] = await builtOnce(db, 'accessTokens.activeByHash', () =>
    db
      .select({
        user: users,
        tokenId: accessTokens.id,
        // By the database's clock, the one that stamps last_used_at.
        lastUseIsStale: sql<boolean>`(${accessTokens.lastUsedAt} is null or ${accessTokens.lastUsedAt} <= now() - make_interval(secs => ${LAST_USED_GRANULARITY_MS / 1000}))`,
      })
      .from(accessTokens)
      .innerJoin(users, eq(users.id, accessTokens.userId))
      .where(and(eq(accessTokens.tokenHash, sql.placeholder('hash')), isNull(accessTokens.revokedAt)))
      .limit(1)
      .prepare('accessTokens.activeByHash'),
  ).execute({ hash: hashAccessToken(token) });
  if (!found) return null;
  if (found.lastUseIsStale) {
    await db.update(accessTokens).set({ lastUsedAt: sql`now()` }).where(eq(accessTokens.id, found.tokenId));
  }
  return found.user;
}
