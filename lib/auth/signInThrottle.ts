import { normalizeEmail } from '@/db/users';
import { checkRateLimit, consumeRateLimit, getRateLimitStore, rateLimits, type RateLimitDecision } from '@/lib/rateLimit';

/** The `error` next-auth's sign-in page receives when attempts are throttled. */
export const TOO_MANY_ATTEMPTS = 'TooManyAttempts';

/** Failed sign-ins are counted per account and per address in 15-minute windows. */
const WINDOW_SECONDS = 15 * 60;

function rules(email: string, address: string) {
  return [
    { key: `signin:account:${normalizeEmail(email)}`, limit: rateLimits.signInPerAccountPer15Min(), windowSeconds: WINDOW_SECONDS },
    { key: `signin:ip:${address}`, limit: rateLimits.signInPerIpPer15Min(), windowSeconds: WINDOW_SECONDS },
  ];
}

/** The spent budget that blocks this attempt, or null when it may go ahead. */
export async function signInBlockedBy(email: string, address: string): Promise<RateLimitDecision | null> {
  const store = getRateLimitStore();
  const decisions = await Promise.all(rules(email, address).map((rule) => checkRateLimit(store, rule)));
  return decisions.find((decision) => !decision.allowed) ?? null;
}

export async function recordFailedSignIn(email: string, address: string): Promise<void> {
  const store = getRateLimitStore();
  await Promise.all(rules(email, address).map((rule) => consumeRateLimit(store, rule)));
}
