import { randomUUID } from 'node:crypto';
import { getUserByEmail } from '@/db/users';
import type { SignUpInput } from '@/lib/auth/signUpForm';
import { setUpTestDatabase } from '@/testing/database';
import { signInWithPassword } from '../passwordSignIn';
import { signUp } from '../signup';

setUpTestDatabase();

const PASSWORD = 'correct horse battery';
const input = (overrides: Partial<SignUpInput> = {}): SignUpInput => ({ name: '', email: `${randomUUID()}@example.test`, password: PASSWORD, ...overrides });
/** Each test signs up from an address of its own, so the per-address budget is its own too. */
const address = () => `198.51.100.1:${randomUUID()}`;

describe('signing up', () => {
  it('stores the email in its one spelling and an argon2id hash, and the account signs in', async () => {
    const email = `Ｆｕｌｌ-${randomUUID()}@Example.TEST`;
    expect(await signUp(input({ email: `  ${email}  ` }), address())).toEqual({ ok: true });
    const user = await getUserByEmail(email);
    expect(user?.email).toBe(email.normalize('NFKC').toLowerCase());
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await signInWithPassword(email, PASSWORD))?.id).toBe(user?.id);
  });

  it.each([
    ['a NUL byte in the email', { email: 'nul\u0000@example.test' }, 'email'],
    ['a zero-width space in the email', { email: 'zero\u200bwidth@example.test' }, 'email'],
    ['a right-to-left override in the email', { email: 'bidi\u202e@example.test' }, 'email'],
    ['an email of 3 KB', { email: `${'a'.repeat(3 * 1024)}@example.test` }, 'email'],
    ['an email of 1 MB', { email: `${'a'.repeat(1024 * 1024)}@example.test` }, 'email'],
    ['a password of 1 MB', { password: 'x'.repeat(1024 * 1024) }, 'password'],
    ['a common password', { password: 'password123' }, 'password'],
    ['a short password', { password: 'short' }, 'password'],
    ['a NUL byte in the name', { name: 'Nul\u0000' }, 'name'],
  ])('refuses %s with a message on that field', async (_label, overrides, field) => {
    const result = await signUp(input(overrides), address());
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : Object.keys(result.errors)).toEqual([field]);
  });

  it('takes a password over 72 bytes whole: nothing after byte 72 is ignored', async () => {
    const email = `long-${randomUUID()}@example.test`;
    const password = `${'long passphrase '.repeat(5)}tail`;
    expect(await signUp(input({ email, password }), address())).toEqual({ ok: true });
    expect(await signInWithPassword(email, `${password.slice(0, 72)}different tail`)).toBeNull();
    expect(await signInWithPassword(email, password)).not.toBeNull();
  });

  it('refuses an email that differs from an existing one only in spelling', async () => {
    const email = `taken-${randomUUID()}@example.test`;
    expect(await signUp(input({ email }), address())).toEqual({ ok: true });
    expect(await signUp(input({ email: email.toUpperCase() }), address())).toMatchObject({
      ok: false,
      errors: { email: expect.stringMatching(/already exists/) as unknown },
    });
  });

  it('allows 30 sign-ups an hour from one address, then refuses without creating the account', async () => {
    const from = address();
    for (let index = 0; index < 30; index += 1) {
      // Refused duplicates count too: the answer tells whether an email has an account.
      expect((await signUp(input({ email: 'same-every-time@example.test' }), from)).ok).toBe(index === 0);
    }
    const email = `late-${randomUUID()}@example.test`;
    expect(await signUp(input({ email }), from)).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/Too many accounts/) as unknown } });
    expect(await getUserByEmail(email)).toBeNull();
  });
});
