import { isBodyRefusal, mediaTypeOf, readBodyText } from '@/lib/http/requestBody';
import { MAX_EMAIL_LENGTH } from './email';
import { MAX_PASSWORD_LENGTH } from './passwordPolicy';

/** What next-auth's client sends to the credentials callback, and nothing else. */
const FIELDS = new Set(['email', 'password', 'csrfToken', 'callbackUrl', 'json', 'redirect']);
/** Far above any legitimate form (a 1,024-character password and a long callback URL). */
const MAX_BODY_BYTES = 16 * 1024;

export type CredentialsForm = Record<string, string> & { email: string; password: string };
export type CredentialsFormResult = { ok: true; form: CredentialsForm } | { ok: false; problem: string };

/**
 * Reads an email-and-password sign-in body, form-urlencoded (the sign-in page) or a JSON
 * object (scripts), as next-auth 4 reads either in the App Router (`next-auth/next/utils`
 * getBody), in UTF-8 only, and refuses what two readers could read
 * differently (a repeated field, a field that is not a string, an unknown field) or what no
 * password check should see (an email or password over its length limit).
 */
export async function readCredentialsForm(request: Request): Promise<CredentialsFormResult> {
  const contentType = request.headers.get('content-type');
  const text = await readBodyText(request, MAX_BODY_BYTES).catch(() => null);
  if (text === null) return { ok: false, problem: 'The request body is unreadable.' };
  if (isBodyRefusal(text)) return { ok: false, problem: text.message };

  let entries: [string, unknown][];
  if (mediaTypeOf(contentType) === 'application/json') {
    const parsed = parseJsonObject(text);
    if (!parsed) return { ok: false, problem: 'The request body is not a JSON object.' };
    entries = Object.entries(parsed);
  } else if (mediaTypeOf(contentType) === 'application/x-www-form-urlencoded') {
    entries = [...new URLSearchParams(text)];
  } else {
    return { ok: false, problem: 'Send the form as application/x-www-form-urlencoded (as the sign-in page does) or as a JSON object.' };
  }

  const form: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (!FIELDS.has(name)) return { ok: false, problem: `Unexpected field "${name}".` };
    if (name in form) return { ok: false, problem: `The field "${name}" is repeated.` };
    if (typeof value !== 'string') return { ok: false, problem: `The field "${name}" is not a string.` };
    form[name] = value;
  }
  if (form.email === undefined || form.password === undefined) return { ok: false, problem: 'Email and password are required.' };
  if (form.email.length > MAX_EMAIL_LENGTH) return { ok: false, problem: `The email is longer than ${MAX_EMAIL_LENGTH} characters.` };
  if (form.password.length > MAX_PASSWORD_LENGTH) return { ok: false, problem: `The password is longer than ${MAX_PASSWORD_LENGTH} characters.` };
  return { ok: true, form: form as CredentialsForm };
}

function parseJsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
