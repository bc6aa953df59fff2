import { ValidationError, validateName } from '@/lib/validation';
import { MAX_EMAIL_LENGTH, parseAccountEmail } from './email';
import { passwordProblem } from './passwordPolicy';

/** The sign-up form: what it sends, and what is wrong with it field by field (server/auth/signup.ts creates the account). */

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
}

export type SignUpField = keyof SignUpInput;
/** Problems per field; `form` for one that belongs to no field. */
export type SignUpErrors = Partial<Record<SignUpField | 'form', string>>;
export type SignUpResult = { ok: true } | { ok: false; errors: SignUpErrors };

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
