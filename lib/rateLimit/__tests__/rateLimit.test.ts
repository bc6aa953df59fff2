import { sql } from 'drizzle-orm';
import { getDb, selectRows } from '@/db/client';
import {
  consumeRateLimit,
  DatabaseRateLimitStore,
  MemoryRateLimitStore,
  rateLimitHeaders,
  WriteBehindRateLimitStore,
  type RateLimitRule,
} from '@/lib/rateLimit';
import { useTestDatabase } from '@/testing/database';

useTestDatabase();

describe.each([
  ['the database store (shared by instances)', () => new DatabaseRateLimitStore()],
  ['the in-memory store', () => new MemoryRateLimitStore()],
  ['the write-behind store (the database, written in batches)', () => new WriteBehindRateLimitStore(new DatabaseRateLimitStore())],
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

  it('takes back a released hit, so the next one is allowed again', async () => {
    const store = makeStore();
    const rule = { key: `release:${Math.random()}`, limit: 2, windowSeconds: 60 };
    await consumeRateLimit(store, rule);
    const second = await consumeRateLimit(store, rule);
    await store.release(rule, second.resetAt);
    expect((await consumeRateLimit(store, rule)).allowed).toBe(true);
    expect((await consumeRateLimit(store, rule)).allowed).toBe(false);
  });

  it('counts concurrent hits exactly: of 40 at once against a limit of 10, 10 are allowed', async () => {
    const store = makeStore();
    const rule = { key: `burst:${Math.random()}`, limit: 10, windowSeconds: 60 };
    const decisions = await Promise.all(Array.from({ length: 40 }, () => consumeRateLimit(store, rule)));
    expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
  });

  it('counts keys separately', async () => {
    const store = makeStore();
    const a = await consumeRateLimit(store, { key: `a:${Math.random()}`, limit: 1, windowSeconds: 60 });
    const b = await consumeRateLimit(store, { key: `b:${Math.random()}`, limit: 1, windowSeconds: 60 });
    expect([a.allowed, b.allowed]).toEqual([true, true]);
  });
});

/** The database store, counting the statements it sends (`hit` writes through `add`). */
class CountingDatabaseStore extends DatabaseRateLimitStore {
  writes = 0;
  override add(key: string, windowSeconds: number, amount: number, windowStart?: Date) {
    this.writes += 1;
    return super.add(key, windowSeconds, amount, windowStart);
  }
}

/** What the table holds for the key's current window. */
async function storedCount(rule: RateLimitRule): Promise<number> {
  return (await new DatabaseRateLimitStore().peek(rule)).count;
}

const rarely = { flushIntervalMs: 60_000, exactWithin: () => 20 };

describe('the write-behind store', () => {
  it('writes a busy key once, then in one batch per flush', async () => {
    const shared = new CountingDatabaseStore();
    const store = new WriteBehindRateLimitStore(shared, rarely);
    const rule = { key: `busy:${Math.random()}`, limit: 1000, windowSeconds: 3600 };
    const decisions = [];
    for (let index = 0; index < 100; index += 1) decisions.push(await consumeRateLimit(store, rule));
    expect(decisions.map((d) => d.remaining)).toEqual(Array.from({ length: 100 }, (_, index) => 999 - index));
    expect(shared.writes).toBe(1);
    expect(await storedCount(rule)).toBe(1);

    await store.flush();
    expect(shared.writes).toBe(2);
    expect(await storedCount(rule)).toBe(100);
  });

  it('flushes by itself after the interval', async () => {
    const store = new WriteBehindRateLimitStore(new DatabaseRateLimitStore(), { flushIntervalMs: 50, exactWithin: () => 0 });
    const rule = { key: `timer:${Math.random()}`, limit: 1000, windowSeconds: 3600 };
    for (let index = 0; index < 10; index += 1) await consumeRateLimit(store, rule);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await storedCount(rule)).toBe(10);
  });

  it('writes every hit near the limit, so the last ones are decided on the shared count', async () => {
    const shared = new CountingDatabaseStore();
    const store = new WriteBehindRateLimitStore(shared, rarely);
    const rule = { key: `edge:${Math.random()}`, limit: 30, windowSeconds: 3600 };
    const decisions = [];
    for (let index = 0; index < 32; index += 1) decisions.push(await consumeRateLimit(store, rule));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(30);
    // The first hit and hits 11 to 32 are written at once; hits 2 to 10 wait for the flush.
    expect(shared.writes).toBe(1 + 22);
    await store.flush();
    expect(await storedCount(rule)).toBe(32);
  });

  it('never lets two instances together go over the limit once each has written what the other counted', async () => {
    const rule = { key: `pair:${Math.random()}`, limit: 60, windowSeconds: 3600 };
    const [a, b] = [new WriteBehindRateLimitStore(new DatabaseRateLimitStore(), rarely), new WriteBehindRateLimitStore(new DatabaseRateLimitStore(), rarely)];
    const allowed = async (store: WriteBehindRateLimitStore, hits: number) => {
      let count = 0;
      for (let index = 0; index < hits; index += 1) if ((await consumeRateLimit(store, rule)).allowed) count += 1;
      return count;
    };
    // Each instance counts 20 on its own, unseen by the other until it is written.
    expect((await allowed(a, 20)) + (await allowed(b, 20))).toBe(40);
    await a.flush();
    await b.flush();
    // a learns b's 20 the next time it writes (within an interval under traffic).
    expect(await allowed(a, 1)).toBe(1);
    await a.flush();
    // 41 are spent: both are near the limit, every hit goes to the table, and 19 more get through.
    expect((await allowed(a, 15)) + (await allowed(b, 15))).toBe(19);
    expect((await consumeRateLimit(a, rule)).allowed).toBe(false);
  });

  it('writes hits counted in a window that has since ended to that window', async () => {
    const store = new WriteBehindRateLimitStore(new DatabaseRateLimitStore(), rarely);
    const rule = { key: `ended:${Math.random()}`, limit: 1000, windowSeconds: 1 };
    // Start right after a window begins, so the five hits fall in one window.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
    for (let index = 0; index < 5; index += 1) await consumeRateLimit(store, rule);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await consumeRateLimit(store, rule)).remaining).toBe(999);
    await store.flush();
    const windows = await selectRows<{ count: number }>(getDb(), sql`select count from rate_limit_buckets where key = ${rule.key} order by window_start`);
    expect(windows.map((window) => Number(window.count))).toEqual([5, 1]);
  });
});

it('the write-behind store sends one batch at a time when flushes overlap', async () => {
  const shared = new CountingDatabaseStore();
  const store = new WriteBehindRateLimitStore(shared, rarely);
  const rule = { key: `overlap:${Math.random()}`, limit: 1000, windowSeconds: 3600 };
  for (let index = 0; index < 10; index += 1) await consumeRateLimit(store, rule);
  await Promise.all([store.flush(), store.flush(), store.flush()]);
  expect(shared.writes).toBe(2);
  expect(await storedCount(rule)).toBe(10);
});
