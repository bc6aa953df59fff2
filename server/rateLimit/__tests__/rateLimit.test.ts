import { sql } from 'drizzle-orm';
import { getDb, selectRows } from '@/db/client';
import { addRateLimitHits } from '@/db/rateLimits';
import {
  consumeRateLimit,
  MemoryRateLimitStore,
  rateLimitHeaders,
  WriteBehindRateLimitStore,
  type RateLimitRule,
  type RateLimitStore,
  type WindowCounts,
} from '@/lib/rateLimit';
import { setUpTestDatabase } from '@/testing/database';
import { DatabaseRateLimitStore } from '../store';

setUpTestDatabase();

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
    // The refused hit counts too, and a window's hits weigh in until the next one ends.
    expect(Number(headers['retry-after'])).toBeLessThanOrEqual(2 * 60);
    expect(Number(headers['x-ratelimit-reset']) * 1000).toBeGreaterThan(Date.now());
  });

  it('takes back a released hit, so the next one is allowed again', async () => {
    const store = makeStore();
    const rule = { key: `release:${Math.random()}`, limit: 2, windowSeconds: 60 };
    await consumeRateLimit(store, rule);
    const second = await consumeRateLimit(store, rule);
    await store.release(rule, second.windowStart);
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
    const first = await consumeRateLimit(store, rule);
    for (let index = 1; index < 50; index += 1) await consumeRateLimit(store, rule);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const next = await consumeRateLimit(store, rule);
    expect(next.windowStart.getTime()).toBe(first.windowStart.getTime() + 1000);
    // The 49 hits not written when the window ended still weigh in (the table alone knows of 1).
    expect(next.remaining).toBeLessThan(998);
    await store.flush();
    const windows = await selectRows<{ count: number }>(getDb(), sql`select count from rate_limit_buckets where key = ${rule.key} order by window_start`);
    expect(windows.map((window) => Number(window.count))).toEqual([50, 1]);
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

/** A window boundary for any window length dividing a day. */
const BOUNDARY = Date.UTC(2030, 0, 1);

/** The in-memory store on a clock of its own, with the limit spent a second before `BOUNDARY`. */
async function spentBeforeBoundary(rule: RateLimitRule) {
  const clock = { now: BOUNDARY - 1000 };
  const store = new MemoryRateLimitStore(() => clock.now);
  const spent = [];
  for (let index = 0; index < rule.limit; index += 1) spent.push(await consumeRateLimit(store, rule));
  expect(spent.every((decision) => decision.allowed)).toBe(true);
  return { clock, store, spent };
}

async function allowedOf(store: RateLimitStore, rule: RateLimitRule, hits: number) {
  const decisions = [];
  for (let index = 0; index < hits; index += 1) decisions.push(await consumeRateLimit(store, rule));
  return decisions;
}

describe('the sliding window', () => {
  const rule = { key: 'sliding', limit: 10, windowSeconds: 60 };

  it('refuses at the start of a window the limit spent at the end of the one before', async () => {
    const { clock, store } = await spentBeforeBoundary(rule);
    clock.now = BOUNDARY + 1000;
    expect((await consumeRateLimit(store, rule)).allowed).toBe(false);
  });

  it('lets the previous window slide out: half-way through this one, half the limit is free', async () => {
    const { clock, store } = await spentBeforeBoundary(rule);
    clock.now = BOUNDARY + 30_000;
    const decisions = await allowedOf(store, rule, 10);
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, true, true, false, false, false, false, false]);
    expect(decisions.map((decision) => decision.remaining)).toEqual([4, 3, 2, 1, 0, 0, 0, 0, 0, 0]);
  });

  it('counts nothing from two windows back', async () => {
    const { clock, store } = await spentBeforeBoundary(rule);
    clock.now = BOUNDARY + 60_000 + 1000;
    expect((await allowedOf(store, rule, 10)).every((decision) => decision.allowed)).toBe(true);
  });

  it('says in Retry-After and x-ratelimit-reset when a hit will be allowed again, and means it', async () => {
    const early = await spentBeforeBoundary(rule);
    const onTime = await spentBeforeBoundary(rule);
    early.clock.now = onTime.clock.now = BOUNDARY + 1000;
    await consumeRateLimit(early.store, rule);
    const refused = await consumeRateLimit(onTime.store, rule);
    const headers = rateLimitHeaders(refused);
    expect(Number(headers['retry-after'])).toBe(refused.retryAfterSeconds);
    expect(Number(headers['x-ratelimit-reset'])).toBe(onTime.clock.now / 1000 + refused.retryAfterSeconds);
    expect(headers['x-ratelimit-remaining']).toBe('0');

    early.clock.now += (refused.retryAfterSeconds - 1) * 1000;
    expect((await consumeRateLimit(early.store, rule)).allowed).toBe(false);
    onTime.clock.now += refused.retryAfterSeconds * 1000;
    expect((await consumeRateLimit(onTime.store, rule)).allowed).toBe(true);
  });

  it('takes back a hit counted in the previous window, which still weighs in', async () => {
    const { clock, store, spent } = await spentBeforeBoundary(rule);
    clock.now = BOUNDARY + 30_000;
    await store.release(rule, spent[0].windowStart);
    await store.release(rule, spent[1].windowStart);
    expect((await allowedOf(store, rule, 10)).filter((decision) => decision.allowed)).toHaveLength(6);
  });
});

describe.each([
  ['the database store', () => new DatabaseRateLimitStore()],
  ['the write-behind store', () => new WriteBehindRateLimitStore(new DatabaseRateLimitStore())],
])('%s, with the previous window written to the table directly', (_name, makeStore) => {
  const rule = () => ({ key: `previous:${Math.random()}`, limit: 10, windowSeconds: 3600 });
  const tableCounts = (of: RateLimitRule) => new DatabaseRateLimitStore().peek(of);
  const windowBefore = (counts: WindowCounts, windows: number) => new Date(counts.windowStart.getTime() - windows * 3600 * 1000);
  const slidOut = (counts: WindowCounts) => (counts.now.getTime() - counts.windowStart.getTime()) / (3600 * 1000);

  it('allows only what has slid out of the limit spent in the previous window', async () => {
    const store = makeStore();
    const spender = rule();
    const before = await tableCounts(spender);
    await addRateLimitHits(spender.key, spender.windowSeconds, spender.limit, windowBefore(before, 1));
    const allowed = (await allowedOf(store, spender, 10)).filter((decision) => decision.allowed).length;
    const after = await tableCounts(spender);
    expect(after.previousCount).toBe(10);
    // A fixed window would allow all 10; by the database's clock, the share of the hour gone by.
    expect(allowed).toBeLessThan(10);
    expect(allowed).toBeGreaterThanOrEqual(Math.floor(10 * slidOut(before)));
    expect(allowed).toBeLessThanOrEqual(Math.floor(10 * slidOut(after)));
  });

  it('counts nothing from two windows back', async () => {
    const store = makeStore();
    const spender = rule();
    await addRateLimitHits(spender.key, spender.windowSeconds, spender.limit, windowBefore(await tableCounts(spender), 2));
    expect((await allowedOf(store, spender, 10)).every((decision) => decision.allowed)).toBe(true);
  });
});
