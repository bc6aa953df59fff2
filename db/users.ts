import { eq } from 'drizzle-orm';
import { getDb, type Executor } from './client';
import { users, type User } from './schema';

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(
  input: { email: string; name: string; passwordHash: string | null },
  db: Executor = getDb(),
): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({ email: normalizeEmail(input.email), name: input.name.trim(), passwordHash: input.passwordHash })
    .returning();
  return user;
}

export async function getUserByEmail(email: string, db: Executor = getDb()): Promise<User | null> {
  const [user] = await db.select().from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
  return user ?? null;
}

export async function getUserById(id: string, db: Executor = getDb()): Promise<User | null> {
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}
