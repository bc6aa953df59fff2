import { consumeRateLimit, DatabaseRateLimitStore, MemoryRateLimitStore, rateLimitHeaders } from '@/lib/rateLimit';
import { useTestDatabase } from '@/testing/database';

useTestDatabase();

describe.each([
  ['the database store (shared by instances)', () => new DatabaseRateLimitStore()],
  ['the in-memory store', () => new MemoryRateLimitStore()],
])('%s', (_name, makeStore) => {
  it('allows up to the limit in a window, then refuses with Retry-After', async () => {
    const store = makeStore();
    const rule = { key: `test:${Math.random()}`, limit: 3, windowSeconds: 60 };
    const decisions = [];
    for (let index = 0; index < 4; index += 1) decisions.push(await consumeRateLimit(store, rule));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0]);
    const headers = rateLimitHeaders(decisions[3]);
    expect(headers['x-ratelimit-limit']).toBe('3');
    expect(headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(Number(headers['x-ratelimit-reset']) * 1000).toBeGreaterThan(Date.now());
  });

  it('counts keys separately', async () => {
    const store = makeStore();
    const a = await consumeRateLimit(store, { key: `a:${Math.random()}`, limit: 1, windowSeconds: 60 });
    const b = await consumeRateLimit(store, { key: `b:${Math.random()}`, limit: 1, windowSeconds: 60 });
    expect([a.allowed, b.allowed]).toEqual([true, true]);
  });
});

it('the database store counts concurrent hits exactly', async () => {
  const store = new DatabaseRateLimitStore();
  const rule = { key: `burst:${Math.random()}`, limit: 10, windowSeconds: 60 };
  const decisions = await Promise.all(Array.from({ length: 25 }, () => consumeRateLimit(store, rule)));
  expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
});
