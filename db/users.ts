import { and, eq, sql } from 'drizzle-orm';
import { normalizeEmail } from '@/lib/auth/email';
import { getDb, type Executor } from './client';
import { credentialChannelKey, wakeCredentialListeners } from './events';
import { users, type User } from './schema';

export async function createUser(input: { email: string; name: string; passwordHash: string | null }, db: Executor = getDb()): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({ email: normalizeEmail(input.email), name: input.name.trim(), passwordHash: input.passwordHash })
    .returning();
  return user;
}

export async function getUserByEmail(email: string, db: Executor = getDb()): Promise<User | null> {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .limit(1);
  return user ?? null;
}

export async function getUserById(id: string, db: Executor = getDb()): Promise<User | null> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

/** Replaces a password hash, unless it changed since it was read (a concurrent password change wins). */
export async function replacePasswordHash(userId: string, previousHash: string, newHash: string, db: Executor = getDb()): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash: newHash })
    .where(and(eq(users.id, userId), eq(users.passwordHash, previousHash)));
}

/**
 * Refuses every auth session cookie issued to the user so far. With `cookieVersion`, only while
 * the user's version is still that one: signing out with a cookie already refused changes nothing.
 */
export async function endAuthSessions(userId: string, cookieVersion?: number, db: Executor = getDb()): Promise<void> {
  const sameUser = eq(users.id, userId);
  // Also ends the user's open streams with a cookie, before any later event reaches them (db/events.ts).
  await db
    .update(users)
    .set({ authSessionVersion: sql`${users.authSessionVersion} + 1` })
    .where(cookieVersion === undefined ? sameUser : and(sameUser, eq(users.authSessionVersion, cookieVersion)))
    .returning({ woken: wakeCredentialListeners(credentialChannelKey.authSessions(userId)) });
}
