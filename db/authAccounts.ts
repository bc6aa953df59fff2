import { and, eq } from 'drizzle-orm';
import { getDb, type Executor } from './client';
import { authAccounts, users, type User } from './schema';
import { createUser, getUserByEmail } from './users';

/** An account at an OAuth provider, with the email the provider verified (lib/auth/oauth.ts verifiedEmail). */
export interface OAuthIdentity {
  provider: string;
  providerAccountId: string;
  email: string;
  name: string | null;
}

/**
 * The user an OAuth identity signs in as: the user it is linked to; else the user with the
 * same email, who gets it linked; else a new user without a password.
 */
export async function linkOAuthIdentity(identity: OAuthIdentity, db: Executor = getDb()): Promise<User> {
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .select({ user: users })
      .from(authAccounts)
      .innerJoin(users, eq(users.id, authAccounts.userId))
      .where(and(eq(authAccounts.provider, identity.provider), eq(authAccounts.providerAccountId, identity.providerAccountId)))
      .limit(1);
    if (linked) return linked.user;

    const user =
      (await getUserByEmail(identity.email, tx)) ??
      (await createUser({ email: identity.email, name: identity.name?.trim() || identity.email.split('@')[0], passwordHash: null }, tx));
    await tx.insert(authAccounts).values({ provider: identity.provider, providerAccountId: identity.providerAccountId, userId: user.id }).onConflictDoNothing();
    return user;
  });
}
