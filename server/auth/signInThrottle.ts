import { parseAccountEmail } from '@/lib/auth/email';
import { consumeRateLimit, rateLimits, type RateLimitRule } from '@/lib/rateLimit';
import { getRateLimitStore } from '@/server/rateLimit/store';

/** The `error` next-auth's sign-in page receives when attempts are throttled. */
export const TOO_MANY_ATTEMPTS = 'TooManyAttempts';

/** Sign-in attempts are counted per account and per address over a sliding 15 minutes. */
const WINDOW_SECONDS = 15 * 60;

function rules(email: string, address: string): RateLimitRule[] {
  const perAddress = { key: `signin:ip:${address}`, limit: rateLimits.signInPerIpPer15Min(), windowSeconds: WINDOW_SECONDS };
  // An email that can name no account has no account to protect (and may hold bytes no key should).
  const account = parseAccountEmail(email);
  if (!account) return [perAddress];
  return [{ key: `signin:account:${account}`, limit: rateLimits.signInPerAccountPer15Min(), windowSeconds: WINDOW_SECONDS }, perAddress];
}

export type SignInAttempt =
  | { allowed: true; /** Called when the password turned out right, or none was checked. */ giveBack(): Promise<void> }
  | { allowed: false; retryAfterSeconds: number };

/**
 * Counts an attempt on the account and the address before its password is checked, so
 * parallel attempts cannot all pass a check made before any of them is counted: at most
 * `limit` attempts hold a place in a window at once. A successful sign-in gives its place
 * back, so only failures add up (and many people signing in from one office address are not
 * throttled); an attempt refused here gives its place back at once, so attempts refused on one
 * count do not fill the other.
 */
export async function reserveSignInAttempt(email: string, address: string): Promise<SignInAttempt> {
  const store = getRateLimitStore();
  const reserved = await Promise.all(rules(email, address).map(async (rule) => ({ rule, decision: await consumeRateLimit(store, rule) })));
  const giveBack = async () => {
    await Promise.all(reserved.map(({ rule, decision }) => store.release(rule, decision.windowStart)));
  };
  const refusedBy = reserved.find(({ decision }) => !decision.allowed)?.decision;
  if (!refusedBy) return { allowed: true, giveBack };
  await giveBack();
  return { allowed: false, retryAfterSeconds: refusedBy.retryAfterSeconds };
}

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many failed sign-in attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;
}
