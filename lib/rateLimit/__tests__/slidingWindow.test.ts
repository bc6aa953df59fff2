import { countsAt, nextAllowedAt, slidingCount, type WindowCounts } from '../slidingWindow';

const MINUTE = 60_000;
const start = new Date(Date.UTC(2030, 0, 1));
const at = (elapsedMs: number, count: number, previousCount: number): WindowCounts => ({
  windowStart: start,
  count,
  previousCount,
  now: new Date(start.getTime() + elapsedMs),
});

describe('the sliding count', () => {
  it('weighs the previous window by the share of it the last window length still covers', () => {
    expect(slidingCount(at(0, 2, 10), 60)).toBe(12);
    expect(slidingCount(at(0.3 * MINUTE, 2, 10), 60)).toBe(9);
    expect(slidingCount(at(0.9 * MINUTE, 2, 10), 60)).toBe(3);
  });
});

describe('when the next hit is allowed', () => {
  it('is now while there is room for it', () => {
    expect(nextAllowedAt(at(1000, 9, 0), 60, 10)).toEqual(at(1000, 9, 0).now);
  });

  it('is within this window once enough of the previous one has slid out', () => {
    // 10 × (1 − f) + 1 ≤ 9 once f ≥ 0.2.
    expect(nextAllowedAt(at(1000, 1, 10), 60, 10)).toEqual(new Date(start.getTime() + 12_000));
  });

  it('is within the next window when this one alone is over the limit', () => {
    // 12 × (1 − f) ≤ 9 once f ≥ 0.25 of the next window.
    expect(nextAllowedAt(at(1000, 12, 0), 60, 10)).toEqual(new Date(start.getTime() + MINUTE + 15_000));
  });
});

describe('counts as they stand at a later time', () => {
  const stored = at(0, 4, 7);

  it('are the same window’s while it lasts', () => {
    expect(countsAt(stored, start.getTime() + MINUTE - 1, 60)).toMatchObject({ count: 4, previousCount: 7 });
  });

  it('move back one place in the next window, and are gone after', () => {
    expect(countsAt(stored, start.getTime() + MINUTE, 60)).toMatchObject({ count: 0, previousCount: 4 });
    expect(countsAt(stored, start.getTime() + 2 * MINUTE, 60)).toMatchObject({ count: 0, previousCount: 0 });
  });
});
