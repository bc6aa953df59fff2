import { dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 8;
/** Long enough for any passphrase or generated password; bounds the hashing work one request can ask for. */
export const MAX_PASSWORD_LENGTH = 1024;

let commonPasswords: Set<string> | undefined;

/** zxcvbn-ts's list of the most common passwords (about 50,000, from leaked password dumps). */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common']);
  return commonPasswords.has(password.toLowerCase());
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (isCommonPassword(password)) return 'This password is one of the most common ones. Choose another.';
  return null;
}
