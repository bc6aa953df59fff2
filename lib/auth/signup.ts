import { headers } from 'next/headers';
import { createUser, getUserByEmail } from '@/db/users';
import { clientAddress, consumeRateLimit, getRateLimitStore, rateLimits } from '@/lib/rateLimit';
import { ValidationError, validateName } from '@/lib/validation';
import { MAX_EMAIL_LENGTH, parseAccountEmail } from './email';
import { hashPassword } from './password';
import { passwordProblem } from './passwordPolicy';

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
}

export type SignUpField = keyof SignUpInput;
/** Problems per field; `form` for one that belongs to no field. */
export type SignUpErrors = Partial<Record<SignUpField | 'form', string>>;
export type SignUpResult = { ok: true } | { ok: false; errors: SignUpErrors };

const DUPLICATE_EMAIL = 'An account with this email already exists. Sign in instead.';
const TOO_MANY_SIGN_UPS = 'Too many accounts were created from your network. Try again in an hour.';

export function validateSignUp(input: SignUpInput): SignUpErrors {
  const errors: SignUpErrors = {};
  if (input.email.length > MAX_EMAIL_LENGTH) errors.email = `Use at most ${MAX_EMAIL_LENGTH} characters.`;
  else if (!parseAccountEmail(input.email)) errors.email = 'Enter an email address like name@example.com.';
  const password = passwordProblem(input.password);
  if (password) errors.password = password;
  if (input.name.trim()) {
    try {
      validateName('name', input.name);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      errors.name = error.message;
    }
  }
  return errors;
}

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
