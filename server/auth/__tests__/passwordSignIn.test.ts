import bcrypt from 'bcryptjs';
import { randomUUID } from 'node:crypto';
import { createUser, getUserById } from '@/db/users';
import { hashPassword, needsRehash } from '@/lib/auth/password';
import { setUpTestDatabase } from '@/testing/database';
import { signInWithPassword } from '../passwordSignIn';

setUpTestDatabase();

const PASSWORD = 'correct horse battery';

async function userWithHash(passwordHash: string) {
  return createUser({ email: `${randomUUID()}@example.test`, name: 'Signer', passwordHash });
}

describe('signing in with a password', () => {
  it('finds the account whatever the spelling of its email', async () => {
    const user = await userWithHash(await hashPassword(PASSWORD));
    expect((await signInWithPassword(`  ${user.email.toUpperCase()} `, PASSWORD))?.id).toBe(user.id);
    expect(await signInWithPassword(user.email, 'not the password')).toBeNull();
  });

  it('replaces a bcrypt hash with argon2id on the first successful sign-in', async () => {
    const user = await userWithHash(bcrypt.hashSync(PASSWORD, 4));
    expect(await signInWithPassword(user.email, 'wrong password')).toBeNull();
    expect(needsRehash((await getUserById(user.id))!.passwordHash!)).toBe(true);

    expect((await signInWithPassword(user.email, PASSWORD))?.id).toBe(user.id);
    const rehashed = (await getUserById(user.id))!.passwordHash!;
    expect(rehashed).toMatch(/^\$argon2id\$/);
    expect((await signInWithPassword(user.email, PASSWORD))?.id).toBe(user.id);
  });

  it('refuses a 72-byte bcrypt password with anything appended', async () => {
    const password = 'q'.repeat(72);
    const user = await userWithHash(bcrypt.hashSync(password, 4));
    expect(await signInWithPassword(user.email, `${password}anything`)).toBeNull();
    expect((await signInWithPassword(user.email, password))?.id).toBe(user.id);
  });

  it.each([
    ['a NUL byte in the email', 'demo\u0000@codirector.dev'],
    ['an invisible character in the email', 'demo\u200b@codirector.dev'],
    ['no email', ''],
  ])('answers null, never an error, for %s', async (_label, email) => {
    await expect(signInWithPassword(email, PASSWORD)).resolves.toBeNull();
  });

  it('signs nobody in whose account has no password (OAuth only)', async () => {
    const user = await createUser({ email: `${randomUUID()}@example.test`, name: 'OAuth only', passwordHash: null });
    expect(await signInWithPassword(user.email, PASSWORD)).toBeNull();
  });
});
