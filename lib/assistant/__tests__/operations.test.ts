import { totalDurationMs } from '@/lib/timeline/durations';
import { applyOperation, applyOperations, invertOperations, TimelineConflictError } from '@/lib/timeline/operations';
import { BEACH, CITY, clip, FIXTURE, insert, INTRO, move, OUTRO, remove, update } from './fixtures';

const frozen = Object.freeze(FIXTURE.map((entry) => Object.freeze({ ...entry })));

function conflictOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof TimelineConflictError) return error.message;
    throw error;
  }
  throw new Error('Expected a TimelineConflictError');
}

describe('applying operations', () => {
  test('returns a new timeline and leaves the input untouched', () => {
    const next = applyOperations(frozen, [update('outro', { durationMs: 5000 }, { durationMs: 7000 }), move('outro', 5, 0)]);
    expect(next[0]).toEqual({ ...OUTRO, durationMs: 7000 });
    expect(frozen).toEqual(FIXTURE);
  });

  test('insert, remove and move put clips exactly where they say', () => {
    const added = clip('new', 'New', 'title', 3);
    expect(applyOperation(frozen, insert(7, added)).map((entry) => entry.id)).toEqual([...FIXTURE.map((entry) => entry.id), 'new']);
    expect(applyOperation(frozen, remove(1, BEACH)).map((entry) => entry.id)).toEqual(['intro', 'city', 'interview', 'title', 'outro', 'music']);
    expect(applyOperation(frozen, move('intro', 0, 2)).map((entry) => entry.id)).toEqual(['beach', 'city', 'intro', 'interview', 'title', 'outro', 'music']);
  });

  test('an update whose expected value no longer holds is a conflict naming the value', () => {
    expect(conflictOf(() => applyOperation(frozen, update('outro', { durationMs: 7000 }, { durationMs: 9000 })))).toBe(
      'The duration of “Outro” is now 5.0 s, not 7.0 s.',
    );
    expect(conflictOf(() => applyOperation(frozen, update('intro', { muted: true }, { muted: false })))).toBe('“Intro” has been unmuted since.');
  });

  test('an update of a clip that is gone is a conflict', () => {
    expect(conflictOf(() => applyOperation(frozen, update('gone', { durationMs: 1 }, { durationMs: 2 })))).toBe(
      'A clip this change affects is no longer in the timeline.',
    );
  });

  test('an update that does not record every previous value is refused as malformed, not as a conflict', () => {
    const malformed = update('intro', {}, { durationMs: 1000 });
    expect(() => applyOperation(frozen, malformed)).toThrow('Malformed update of clip intro');
    expect(() => applyOperation(frozen, malformed)).not.toThrow(TimelineConflictError);
  });

  test('remove needs that exact clip at that index', () => {
    expect(conflictOf(() => applyOperation(frozen, remove(2, BEACH)))).toBe('“Beach scene” is no longer at position 3.');
    expect(conflictOf(() => applyOperation(frozen, remove(1, { ...BEACH, durationMs: 1 })))).toBe('“Beach scene” has been edited in the meantime.');
  });

  test('insert needs a position inside the timeline and a clip not already in it', () => {
    expect(conflictOf(() => applyOperation(frozen, insert(9, clip('x', 'X', 'scene', 1))))).toBe('Position 10 no longer exists in the timeline.');
    expect(conflictOf(() => applyOperation(frozen, insert(0, CITY)))).toBe('“City scene” is already in the timeline.');
  });

  test('move needs the clip at its starting index and a destination inside the timeline', () => {
    expect(conflictOf(() => applyOperation(frozen, move('intro', 1, 0)))).toBe('“Intro” is no longer at position 2.');
    expect(conflictOf(() => applyOperation(frozen, move('intro', 0, 7)))).toBe('Position 8 no longer exists in the timeline.');
  });

  test('a failing operation in a sequence changes nothing', () => {
    expect(() => applyOperations(frozen, [update('intro', { durationMs: 4000 }, { durationMs: 1000 }), remove(0, BEACH)])).toThrow(TimelineConflictError);
    expect(frozen).toEqual(FIXTURE);
  });
});

test('inverting reverses the order and inverts each operation', () => {
  expect(invertOperations([update('intro', { durationMs: 4000 }, { durationMs: 1000 }), insert(1, BEACH), remove(0, INTRO), move('city', 2, 0)])).toEqual([
    move('city', 0, 2),
    insert(0, INTRO),
    remove(1, BEACH),
    update('intro', { durationMs: 1000 }, { durationMs: 4000 }),
  ]);
});

test('total duration sums every clip', () => {
  expect(totalDurationMs(FIXTURE)).toBe(113_000);
  expect(totalDurationMs([])).toBe(0);
});
