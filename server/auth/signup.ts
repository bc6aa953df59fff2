import { headers } from 'next/headers';
import { createUser, getUserByEmail } from '@/db/users';
import { parseAccountEmail } from '@/lib/auth/email';
import { hashPassword } from '@/lib/auth/password';
import { validateSignUp, type SignUpInput, type SignUpResult } from '@/lib/auth/signUpForm';
import { clientAddress, consumeRateLimit, rateLimits } from '@/lib/rateLimit';
import { getRateLimitStore } from '@/server/rateLimit/store';

const DUPLICATE_EMAIL = 'An account with this email already exists. Sign in instead.';
const TOO_MANY_SIGN_UPS = 'Too many accounts were created from your network. Try again in an hour.';

/**
 * Creates a password account. The caller signs the new user in with the same credentials.
 * Valid attempts are counted per address (the answer tells whether an email has an account,
 * and each one costs a password hash); `address` defaults to the current request's.
 */
export async function signUp(input: SignUpInput, address?: string): Promise<SignUpResult> {
  const errors = validateSignUp(input);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const email = parseAccountEmail(input.email) ?? '';

  const from = address ?? clientAddress({ headers: await headers() });
  const budget = await consumeRateLimit(getRateLimitStore(), { key: `signup:ip:${from}`, limit: rateLimits.signUpPerIpPerHour(), windowSeconds: 3600 });
  if (!budget.allowed) return { ok: false, errors: { form: TOO_MANY_SIGN_UPS } };

  if (await getUserByEmail(email)) return { ok: false, errors: { email: DUPLICATE_EMAIL } };
  const name = input.name.trim() || email.split('@')[0];
  try {
    await createUser({ email, name, passwordHash: await hashPassword(input.password) });
    return { ok: true };
  } catch (error) {
    // Two sign-ups with one email at once: the unique index lets only one through.
    if (isUniqueViolation(error)) return { ok: false, errors: { email: DUPLICATE_EMAIL } };
    throw error;
  }
}

function isUniqueViolation(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    if ((current as Error & { code?: unknown }).code === '23505') return true;
  }
  return false;
}
