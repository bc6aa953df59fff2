import { and, eq, lt, sql } from 'drizzle-orm';
import { getDb, selectRows, type Executor } from './client';
import { rateLimitBuckets } from './schema';

export interface RateLimitWindowCount {
  count: number;
  windowStart: Date;
  resetAt: Date;
}

/**
 * Adds `amount` hits to `key`'s fixed window and returns the window's count so far. The window
 * is the one holding the database's `now()` (so every instance agrees), or the one starting at
 * `windowStart` when hits counted earlier are written late.
 */
export async function addRateLimitHits(
  key: string,
  windowSeconds: number,
  amount = 1,
  windowStart?: Date,
  db: Executor = getDb(),
): Promise<RateLimitWindowCount> {
  const currentWindow = sql`to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds})`;
  const [row] = await selectRows<{ count: number; window_start: Date | string }>(
    db,
    sql`insert into ${rateLimitBuckets} (key, window_start, count)
        values (${key}, ${windowStart ? sql`${windowStart.toISOString()}::timestamptz` : currentWindow}, ${amount})
        on conflict (key, window_start) do update set count = ${rateLimitBuckets}.count + excluded.count
        returning count, window_start`,
  );
  return windowCount(row.count, row.window_start, windowSeconds);
}

function windowCount(count: number | string | null, windowStart: Date | string, windowSeconds: number): RateLimitWindowCount {
  const start = new Date(windowStart);
  return { count: Number(count ?? 0), windowStart: start, resetAt: new Date(start.getTime() + windowSeconds * 1000) };
}

/** The hits on `key` in the current window, without counting one more. */
export async function countRateLimitBucket(key: string, windowSeconds: number, db: Executor = getDb()): Promise<RateLimitWindowCount> {
  const [row] = await selectRows<{ count: number | null; window_start: Date | string }>(
    db,
    sql`select b.count, w.window_start
        from (select to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}) as window_start) w
        left join ${rateLimitBuckets} b on b.key = ${key} and b.window_start = w.window_start`,
  );
  return windowCount(row.count, row.window_start, windowSeconds);
}

/** Takes back one hit from `key`'s window starting at `windowStart`; a count never goes below zero. */
export async function removeRateLimitHit(key: string, windowStart: Date, db: Executor = getDb()): Promise<void> {
  await db
    .update(rateLimitBuckets)
    .set({ count: sql`greatest(${rateLimitBuckets.count} - 1, 0)` })
    .where(and(eq(rateLimitBuckets.key, key), eq(rateLimitBuckets.windowStart, windowStart)));
}

/** Drops windows that ended long ago. */
export async function pruneRateLimitBuckets(olderThan: Date, db: Executor = getDb()): Promise<void> {
  await db.delete(rateLimitBuckets).where(lt(rateLimitBuckets.windowStart, olderThan));
}
