import type { User } from '@/db/schema';
import { getUserByEmail, replacePasswordHash } from '@/db/users';
import { parseAccountEmail } from '@/lib/auth/email';
import { hashPassword, needsRehash, verifyAgainstNothing, verifyPassword } from '@/lib/auth/password';

/**
 * The user an email and password sign in as, or null. Every attempt costs one password
 * verification (an unknown or malformed email too), so timing does not tell which emails have
 * accounts. A hash from an older scheme is replaced by the current one while the password is
 * at hand.
 */
export async function signInWithPassword(rawEmail: string, password: string): Promise<User | null> {
  const email = parseAccountEmail(rawEmail);
  const user = email ? await getUserByEmail(email) : null;
  if (!user?.passwordHash) return verifyAgainstNothing(password).then(() => null);
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  if (needsRehash(user.passwordHash)) await replacePasswordHash(user.id, user.passwordHash, await hashPassword(password));
  return user;
}
