/** RFC 5321's limit on a forward path; longer is never a deliverable address. */
export const MAX_EMAIL_LENGTH = 254;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Control characters (C0, DEL, C1), zero-width characters and bidi controls: invisible, so two
// addresses that look the same could name two accounts.
const INVISIBLE_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;

/** One spelling per address: trimmed, NFKC (full-width and compatibility forms folded), lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFKC').toLowerCase();
}

/** The normalised address when it can name an account, else null. */
export function parseAccountEmail(raw: string): string | null {
  if (raw.length > MAX_EMAIL_LENGTH * 4) return null;
  const email = normalizeEmail(raw);
  if (email.length > MAX_EMAIL_LENGTH || INVISIBLE_OR_CONTROL.test(email) || !EMAIL_PATTERN.test(email)) return null;
  return email;
}
