import { applyOperation, TimelineConflictError } from '@/lib/timeline/operations';
import { formatAttribute, quote } from '@/lib/timeline/describe';
import type { Clip, ClipAttributes, Operation, Timeline } from './assistant/types';

/**
 * Checkpoints, as pure functions over the project's timeline history: a step is one time an
 * edit's operations (applied) or its inverse (not applied) changed the timeline. The timeline
 * right after a moment is the current one with every later step reverted, newest first.
 */

export interface HistoryStepOperations {
  applied: boolean;
  edit: { operations: readonly Operation[]; inverse: readonly Operation[] };
}

/** The operations that revert `laterSteps` (oldest first, as they happened): each step undone, newest first. */
export function restoreOperations(laterSteps: readonly HistoryStepOperations[]): Operation[] {
  return [...laterSteps].reverse().flatMap((step) => (step.applied ? step.edit.inverse : step.edit.operations));
}

export interface ConflictingClip {
  id: string;
  name: string;
}

export type RestoreOutcome = { ok: true; timeline: Clip[] } | { ok: false; clips: ConflictingClip[]; message: string };

/**
 * Applies the operations all or nothing. On a mismatch it still walks the rest (skipping what
 * fails) only to name every clip that no longer matches; the timeline is never returned then.
 */
export function applyRestore(timeline: Timeline, operations: readonly Operation[]): RestoreOutcome {
  let current: Clip[] = [...timeline];
  const conflicts = new Map<string, string>();
  let firstMessage: string | null = null;
  for (const op of operations) {
    try {
      current = applyOperation(current, op);
    } catch (error) {
      if (!(error instanceof TimelineConflictError)) throw error;
      firstMessage ??= error.message;
      const { id, name } = operationClip(op, current, timeline);
      if (!conflicts.has(id)) conflicts.set(id, name);
    }
  }
  if (firstMessage === null) return { ok: true, timeline: current };
  return { ok: false, clips: [...conflicts].map(([id, name]) => ({ id, name })), message: firstMessage };
}

function operationClip(op: Operation, current: Timeline, original: Timeline): ConflictingClip {
  const id = op.type === 'insert' || op.type === 'remove' ? op.clip.id : op.clipId;
  const known = current.find((clip) => clip.id === id) ?? original.find((clip) => clip.id === id);
  const name =
    known?.name ?? (op.type === 'insert' || op.type === 'remove' ? op.clip.name : op.type === 'update' ? (op.before.name ?? op.after.name) : undefined);
  return { id, name: name ?? 'A clip that is no longer in the timeline' };
}

export type TimelineChangeKind = 'ADDED' | 'REMOVED' | 'CHANGED' | 'MOVED';

export interface AttributeChange {
  attribute: keyof ClipAttributes;
  before: string;
  after: string;
}

export interface TimelineChange {
  kind: TimelineChangeKind;
  clipId: string;
  clipName: string;
  /** 0-based; null for an added clip. */
  fromPosition: number | null;
  /** 0-based; null for a removed clip. */
  toPosition: number | null;
  attributes: AttributeChange[];
  /** One line for people, e.g. “Outro” 9.0 s → 7.0 s. */
  description: string;
}

const ATTRIBUTES: readonly (keyof ClipAttributes)[] = ['name', 'kind', 'durationMs', 'fadeInMs', 'fadeOutMs', 'speed', 'volume', 'muted', 'text'];

const LABELS: Record<keyof ClipAttributes, string> = {
  name: 'name',
  kind: 'kind',
  durationMs: '',
  fadeInMs: 'fade-in',
  fadeOutMs: 'fade-out',
  speed: 'speed',
  volume: 'volume',
  muted: 'muted',
  text: 'text',
};

/** A before → after line reads “muted no → yes”. */
const MUTED_AS = ['yes', 'no'] as const;

export function ordinal(position: number): string {
  const n = position + 1;
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * What changes from `before` to `after`, clip by clip: removed, added, attributes changed, and
 * moved (only clips whose order relative to the others changed, not those merely shifted by an
 * insertion or removal elsewhere).
 */
export function describeTimelineChanges(before: Timeline, after: Timeline): TimelineChange[] {
  const beforeIndex = new Map(before.map((clip, index) => [clip.id, index]));
  const afterIndex = new Map(after.map((clip, index) => [clip.id, index]));
  const changes: TimelineChange[] = [];

  for (const [index, clip] of before.entries()) {
    if (afterIndex.has(clip.id)) continue;
    changes.push({
      kind: 'REMOVED',
      clipId: clip.id,
      clipName: clip.name,
      fromPosition: index,
      toPosition: null,
      attributes: [],
      description: `${quote(clip.name)} removed`,
    });
  }

  const kept = after.filter((clip) => beforeIndex.has(clip.id));
  const stayed = longestIncreasingRun(kept.map((clip) => beforeIndex.get(clip.id)!));
  const moved = new Set(kept.filter((_, index) => !stayed.has(index)).map((clip) => clip.id));

  for (const [index, clip] of after.entries()) {
    const from = beforeIndex.get(clip.id);
    if (from === undefined) {
      changes.push({
        kind: 'ADDED',
        clipId: clip.id,
        clipName: clip.name,
        fromPosition: null,
        toPosition: index,
        attributes: [],
        description: `${quote(clip.name)} added as the ${ordinal(index)} clip`,
      });
      continue;
    }
    const previous = before[from];
    const attributes = ATTRIBUTES.filter((attribute) => previous[attribute] !== clip[attribute]).map((attribute) => ({
      attribute,
      before: formatAttribute(attribute, previous[attribute], MUTED_AS),
      after: formatAttribute(attribute, clip[attribute], MUTED_AS),
    }));
    if (attributes.length > 0) {
      const parts = attributes.map(({ attribute, before: from, after: to }) =>
        attribute === 'name' ? `renamed ${to}` : `${LABELS[attribute] ? `${LABELS[attribute]} ` : ''}${from} → ${to}`,
      );
      changes.push({
        kind: 'CHANGED',
        clipId: clip.id,
        clipName: previous.name,
        fromPosition: from,
        toPosition: index,
        attributes,
        description: `${quote(previous.name)} ${parts.join(', ')}`,
      });
    }
    if (moved.has(clip.id)) {
      changes.push({
        kind: 'MOVED',
        clipId: clip.id,
        clipName: clip.name,
        fromPosition: from,
        toPosition: index,
        attributes: [],
        description: `${quote(clip.name)} moves ${index < from ? 'back' : 'on'} to ${ordinal(index)}`,
      });
    }
  }
  return changes;
}

/** Indexes (into `values`) of one longest strictly increasing subsequence. */
function longestIncreasingRun(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i += 1) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (values[tails[middle]] < values[i]) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[i] = tails[low - 1];
    tails[low] = i;
  }
  const run = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i !== -1; i = previous[i]) run.add(i);
  return run;
}

export function sameTimeline(a: Timeline, b: Timeline): boolean {
  return a.length === b.length && a.every((clip, index) => clip.id === b[index].id && ATTRIBUTES.every((key) => clip[key] === b[index][key]));
}

/** "Outro 9.0 s → 7.0 s; Beach scene moves back to 3rd; “Day 2” removed". */
export function summarizeChanges(changes: readonly TimelineChange[]): string {
  return changes.length === 0 ? 'no clip changes' : changes.map((change) => change.description).join('; ');
}
