import { and, eq } from 'drizzle-orm';
import type { Profile } from 'next-auth';
import { getDb, type Executor } from '@/db/client';
import { authAccounts, users, type User } from '@/db/schema';
import { createUser, getUserByEmail } from '@/db/users';

export interface OAuthIdentity {
  provider: string;
  providerAccountId: string;
  email: string;
  name: string | null;
}

/**
 * The email an OAuth provider vouches for, or null. Google says whether the address is
 * verified; GitHub hands out only addresses it has verified, so its email is taken as is.
 */
export function verifiedEmail(provider: string, profile: Profile | undefined): string | null {
  const email = profile?.email?.trim();
  if (!email) return null;
  if (provider === 'google') return (profile as Profile & { email_verified?: boolean }).email_verified === true ? email : null;
  return email;
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
