import { and, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { WindowCounts } from '@/lib/rateLimit/slidingWindow';
import { getDb, selectRows, type Executor } from './client';
import { rateLimitBuckets } from './schema';

interface WindowCountsRow extends Record<string, unknown> {
  count: number | string | null;
  previous_count: number | string | null;
  window_start: Date | string;
  now: Date | string;
}

/** The window holding the database's `now()`, so every instance agrees on it. */
const currentWindowStart = (windowSeconds: number) => sql`to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds})`;

const previousWindowOf = (windowStart: SQL, windowSeconds: number) => sql`${windowStart} - make_interval(secs => ${windowSeconds})`;

/**
 * Adds `amount` hits to `key`'s current window (or to the one starting at `windowStart`, when
 * hits counted earlier are written late) and returns its count with the previous window's, in
 * one statement: the hit and the counts it is decided on cannot be torn apart by another hit.
 */
export async function addRateLimitHits(key: string, windowSeconds: number, amount = 1, windowStart?: Date, db: Executor = getDb()): Promise<WindowCounts> {
  const [row] = await selectRows<WindowCountsRow>(
    db,
    sql`with hit as (
          insert into ${rateLimitBuckets} (key, window_start, count)
          values (${key}, ${windowStart ? sql`${windowStart.toISOString()}::timestamptz` : currentWindowStart(windowSeconds)}, ${amount})
          on conflict (key, window_start) do update set count = ${rateLimitBuckets}.count + excluded.count
          returning count, window_start
        )
        select hit.count, hit.window_start, previous.count as previous_count, now() as now
        from hit
        left join ${rateLimitBuckets} previous
          on previous.key = ${key} and previous.window_start = ${previousWindowOf(sql`hit.window_start`, windowSeconds)}`,
  );
  return windowCounts(row);
}

/** `key`'s counts in the current and the previous window, without counting one more. */
export async function countRateLimitWindows(key: string, windowSeconds: number, db: Executor = getDb()): Promise<WindowCounts> {
  const [row] = await selectRows<WindowCountsRow>(
    db,
    sql`select current.count, w.window_start, previous.count as previous_count, now() as now
        from (select ${currentWindowStart(windowSeconds)} as window_start) w
        left join ${rateLimitBuckets} current on current.key = ${key} and current.window_start = w.window_start
        left join ${rateLimitBuckets} previous
          on previous.key = ${key} and previous.window_start = ${previousWindowOf(sql`w.window_start`, windowSeconds)}`,
  );
  return windowCounts(row);
}

function windowCounts(row: WindowCountsRow): WindowCounts {
  return { windowStart: new Date(row.window_start), count: Number(row.count ?? 0), previousCount: Number(row.previous_count ?? 0), now: new Date(row.now) };
}

/** Takes back one hit from `key`'s window starting at `windowStart`; a count never goes below zero. */
export async function removeRateLimitHit(key: string, windowStart: Date, db: Executor = getDb()): Promise<void> {
  await db
    .update(rateLimitBuckets)
    .set({ count: sql`greatest(${rateLimitBuckets.count} - 1, 0)` })
    .where(and(eq(rateLimitBuckets.key, key), eq(rateLimitBuckets.windowStart, windowStart)));
}

/** Drops windows that started before `olderThan`. */
export async function pruneRateLimitBuckets(olderThan: Date, db: Executor = getDb()): Promise<void> {
  await db.delete(rateLimitBuckets).where(lt(rateLimitBuckets.windowStart, olderThan));
}
