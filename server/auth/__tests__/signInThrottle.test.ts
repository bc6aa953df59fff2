import { randomUUID } from 'node:crypto';
import { setUpTestDatabase } from '@/testing/database';
import { reserveSignInAttempt, tooManyAttemptsMessage } from '../signInThrottle';

setUpTestDatabase();

const email = () => `${randomUUID()}@example.test`;
const address = () => `203.0.113.${Math.floor(Math.random() * 250)}:${randomUUID()}`;

describe('the sign-in throttle', () => {
  it('lets exactly 10 of 40 simultaneous attempts on one account go ahead', async () => {
    const account = email();
    const attempts = await Promise.all(Array.from({ length: 40 }, () => reserveSignInAttempt(account, address())));
    expect(attempts.filter((attempt) => attempt.allowed)).toHaveLength(10);
    expect(attempts.filter((attempt) => !attempt.allowed)).toHaveLength(30);
  });

  it('counts the account under every spelling of its email', async () => {
    const account = email();
    for (let index = 0; index < 10; index += 1) {
      expect((await reserveSignInAttempt(index % 2 ? account.toUpperCase() : ` ${account}`, address())).allowed).toBe(true);
    }
    expect((await reserveSignInAttempt(account, address())).allowed).toBe(false);
  });

  it('gives a successful attempt its place back, so only failures add up', async () => {
    const account = email();
    for (let index = 0; index < 30; index += 1) {
      const attempt = await reserveSignInAttempt(account, address());
      expect(attempt.allowed).toBe(true);
      if (attempt.allowed) await attempt.giveBack();
    }
  });

  it('does not let attempts refused on the account fill the address', async () => {
    const from = address();
    const account = email();
    for (let index = 0; index < 60; index += 1) await reserveSignInAttempt(account, from);
    // 10 were counted on the account (and the address); the 50 refused ones were not.
    const other = await reserveSignInAttempt(email(), from);
    expect(other.allowed).toBe(true);
  });

  it('counts an email that can name no account (a NUL byte, say) on the address only', async () => {
    const from = address();
    const attempts = [];
    for (let index = 0; index < 12; index += 1) attempts.push(await reserveSignInAttempt('nobody\u0000@example.test', from));
    expect(attempts.every((attempt) => attempt.allowed)).toBe(true);
  });

  it('says minutes in words that read right', () => {
    expect(tooManyAttemptsMessage(30)).toBe('Too many failed sign-in attempts. Try again in 1 minute.');
    expect(tooManyAttemptsMessage(60)).toBe('Too many failed sign-in attempts. Try again in 1 minute.');
    expect(tooManyAttemptsMessage(61)).toBe('Too many failed sign-in attempts. Try again in 2 minutes.');
    expect(tooManyAttemptsMessage(900)).toBe('Too many failed sign-in attempts. Try again in 15 minutes.');
  });
});
