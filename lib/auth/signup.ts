import { createUser, getUserByEmail, normalizeEmail } from '@/db/users';
import { ValidationError, validateName } from '@/lib/validation';
import { hashPassword, MIN_PASSWORD_LENGTH } from './password';

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
}

export type SignUpField = keyof SignUpInput;
export type SignUpErrors = Partial<Record<SignUpField, string>>;
export type SignUpResult = { ok: true } | { ok: false; errors: SignUpErrors };

/** bcrypt reads at most 72 bytes; a longer password would silently lose its tail. */
const MAX_PASSWORD_BYTES = 72;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DUPLICATE_EMAIL = 'An account with this email already exists. Sign in instead.';

export function validateSignUp(input: SignUpInput): SignUpErrors {
  const errors: SignUpErrors = {};
  const email = normalizeEmail(input.email);
  if (!EMAIL_PATTERN.test(email)) errors.email = 'Enter an email address like name@example.com.';
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    errors.password = `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  } else if (Buffer.byteLength(input.password, 'utf8') > MAX_PASSWORD_BYTES) {
    errors.password = `Use at most ${MAX_PASSWORD_BYTES} characters.`;
  }
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

/** Creates a password account. The caller signs the new user in with the same credentials. */
export async function signUp(input: SignUpInput): Promise<SignUpResult> {
  const errors = validateSignUp(input);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (await getUserByEmail(input.email)) return { ok: false, errors: { email: DUPLICATE_EMAIL } };

  const email = normalizeEmail(input.email);
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
