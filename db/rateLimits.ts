import { lt, sql } from 'drizzle-orm';
import { getDb, selectRows, type Executor } from './client';
import { rateLimitBuckets } from './schema';

/**
 * Counts one hit on `key` in the current fixed window (by the database's clock, so every
 * instance agrees) and returns the count so far and when the window ends.
 */
export async function hitRateLimitBucket(
  key: string,
  windowSeconds: number,
  db: Executor = getDb(),
): Promise<{ count: number; resetAt: Date }> {
  const [row] = await selectRows<{ count: number; window_start: Date | string }>(
    db,
    sql`insert into ${rateLimitBuckets} (key, window_start, count)
        values (${key}, to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}), 1)
        on conflict (key, window_start) do update set count = ${rateLimitBuckets}.count + 1
        returning count, window_start`,
  );
  const windowStart = new Date(row.window_start);
  return { count: Number(row.count), resetAt: new Date(windowStart.getTime() + windowSeconds * 1000) };
}

/** The hits on `key` in the current window, without counting one more. */
export async function countRateLimitBucket(key: string, windowSeconds: number, db: Executor = getDb()): Promise<{ count: number; resetAt: Date }> {
  const [row] = await selectRows<{ count: number | null; window_start: Date | string }>(
    db,
    sql`select b.count, w.window_start
        from (select to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds}) as window_start) w
        left join ${rateLimitBuckets} b on b.key = ${key} and b.window_start = w.window_start`,
  );
  const windowStart = new Date(row.window_start);
  return { count: Number(row.count ?? 0), resetAt: new Date(windowStart.getTime() + windowSeconds * 1000) };
}

/** Drops windows that ended long ago. */
export async function pruneRateLimitBuckets(olderThan: Date, db: Executor = getDb()): Promise<void> {
  await db.delete(rateLimitBuckets).where(lt(rateLimitBuckets.windowStart, olderThan));
}
