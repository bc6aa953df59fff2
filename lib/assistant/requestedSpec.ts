import type { EditSpec } from './editSpec';
import type { ClipReference } from './references';

/** One way to split "make A B and C put together" into the clip to change and the clips to measure. */
export interface LengthReading {
  target: ClipReference;
  of: ClipReference;
}

export type RelativeSpec =
  /**
   * The length of other clips, times a factor, plus an offset: "as long as X" (1, 0), "twice as
   * long as X" (2, 0), "2 seconds longer than X" (1, 2000). Several readings when the words alone
   * do not say where the target ends; the timeline settles which one means clips.
   */
  | { action: 'matchLength'; readings: LengthReading[]; times: number; plusMs: number; together: boolean }
  /** "by the same amount", "in the same proportion": the last edit's step, this way or its own. */
  | { action: 'sameStep'; measure: SameMeasure; direction: 'longer' | 'shorter' | 'faster' | 'slower' | null };

/** What a rule asks for: a plain edit, or one whose amount is still to be settled. */
export type RequestedSpec = EditSpec<ClipReference> | RelativeSpec;

export type SameMeasure = 'amount' | 'proportion';
