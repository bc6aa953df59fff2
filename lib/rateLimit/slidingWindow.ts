/**
 * A sliding window counter: hits are counted in fixed windows of `windowSeconds`, and the
 * previous window's count weighs in for the part of it a window ending now would still cover.
 * A burst at the end of one window is then still counted at the start of the next, rather than
 * the limit being spendable twice across the boundary.
 */

/** A key's hits in the fixed window holding `now` and in the one before it. */
export interface WindowCounts {
  windowStart: Date;
  count: number;
  previousCount: number;
  /** The clock the window is measured against (the database's for a shared store, so every instance agrees). */
  now: Date;
}

export function windowStartAt(now: number, windowSeconds: number): Date {
  return new Date(Math.floor(now / 1000 / windowSeconds) * windowSeconds * 1000);
}

/** Counts as they stand at `now`: the same window's, the previous window's moved back one place, or none. */
export function countsAt(stored: WindowCounts | undefined, now: number, windowSeconds: number): WindowCounts {
  const windowStart = windowStartAt(now, windowSeconds);
  const at = new Date(now);
  if (stored?.windowStart.getTime() === windowStart.getTime()) return { ...stored, now: at };
  const previousStart = windowStart.getTime() - windowSeconds * 1000;
  return { windowStart, count: 0, previousCount: stored?.windowStart.getTime() === previousStart ? stored.count : 0, now: at };
}

/** The previous window's count weighted by how much of it the last `windowSeconds` still cover, plus the current count. */
export function slidingCount({ windowStart, count, previousCount, now }: WindowCounts, windowSeconds: number): number {
  const windowMs = windowSeconds * 1000;
  const elapsedMs = now.getTime() - windowStart.getTime();
  // Whole milliseconds multiplied before dividing, so an estimate that lands on a whole number is exact.
  return (previousCount * (windowMs - elapsedMs)) / windowMs + count;
}

/**
 * When, counting no more hits, the estimate leaves room for one more under `limit`: `now` while
 * it does already. Not the window's end: just after it the spent window still weighs in (a
 * client told to come back then would be refused again), and a client refused early in a window
 * can come back as soon as enough of the previous window has slid out.
 */
export function nextAllowedAt(counts: WindowCounts, windowSeconds: number, limit: number): Date {
  const room = Math.max(0, limit - 1);
  if (slidingCount(counts, windowSeconds) <= room) return counts.now;
  const windowMs = windowSeconds * 1000;
  const { windowStart, count, previousCount } = counts;
  // Within this window, once enough of the previous one has slid out (the current count alone fits).
  if (count <= room) return new Date(windowStart.getTime() + Math.ceil((windowMs * (previousCount - (room - count))) / previousCount));
  // Within the next window, once enough of this one has.
  return new Date(windowStart.getTime() + windowMs + Math.ceil((windowMs * (count - room)) / count));
}
