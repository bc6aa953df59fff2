import { describeUnexpectedValue, quote } from './replies';
import type { Clip, ClipAttributes, Operation, Timeline } from './types';

/** The timeline no longer matches what an operation expects, so applying it would corrupt it. */
export class TimelineConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimelineConflictError';
  }
}

type UpdateOperation = Extract<Operation, { type: 'update' }>;
type InsertOperation = Extract<Operation, { type: 'insert' }>;
type RemoveOperation = Extract<Operation, { type: 'remove' }>;
type MoveOperation = Extract<Operation, { type: 'move' }>;

const CLIP_FIELDS: readonly (keyof Clip)[] = [
  'id',
  'name',
  'kind',
  'durationMs',
  'fadeInMs',
  'fadeOutMs',
  'speed',
  'volume',
  'muted',
  'text',
];

function sameClip(a: Clip, b: Clip): boolean {
  return CLIP_FIELDS.every((field) => a[field] === b[field]);
}

function updatedFields(op: UpdateOperation): (keyof ClipAttributes)[] {
  return Object.keys(op.after) as (keyof ClipAttributes)[];
}

function applyUpdate(timeline: Timeline, op: UpdateOperation): Clip[] {
  const index = timeline.findIndex((clip) => clip.id === op.clipId);
  const current = timeline[index];
  if (!current) {
    throw new TimelineConflictError(
      op.before.name !== undefined
        ? `${quote(op.before.name)} is no longer in the timeline.`
        : 'A clip this change affects is no longer in the timeline.',
    );
  }
  const fields = updatedFields(op);
  // An update must record the previous value of everything it sets, or it could not be inverted.
  if (fields.length !== Object.keys(op.before).length || fields.some((field) => !(field in op.before))) {
    throw new Error(`Malformed update of clip ${op.clipId}: "before" and "after" must name the same fields.`);
  }
  for (const field of fields) {
    if (current[field] !== op.before[field]) {
      throw new TimelineConflictError(describeUnexpectedValue(current.name, field, current[field], op.before[field]));
    }
  }
  const next = [...timeline];
  next[index] = { ...current, ...op.after };
  return next;
}

function applyInsert(timeline: Timeline, op: InsertOperation): Clip[] {
  if (!Number.isInteger(op.index) || op.index < 0 || op.index > timeline.length) {
    throw new TimelineConflictError(`Position ${op.index + 1} no longer exists in the timeline.`);
  }
  if (timeline.some((clip) => clip.id === op.clip.id)) {
    throw new TimelineConflictError(`${quote(op.clip.name)} is already in the timeline.`);
  }
  const next = [...timeline];
  next.splice(op.index, 0, { ...op.clip });
  return next;
}

function applyRemove(timeline: Timeline, op: RemoveOperation): Clip[] {
  const current = timeline[op.index];
  if (!current || current.id !== op.clip.id) {
    throw new TimelineConflictError(`${quote(op.clip.name)} is no longer at position ${op.index + 1}.`);
  }
  // The removed clip is stored so the inverse can restore it; it must be exactly what is removed.
  if (!sameClip(current, op.clip)) {
    throw new TimelineConflictError(`${quote(current.name)} has been edited in the meantime.`);
  }
  const next = [...timeline];
  next.splice(op.index, 1);
  return next;
}

function applyMove(timeline: Timeline, op: MoveOperation): Clip[] {
  const current = timeline[op.fromIndex];
  if (!current || current.id !== op.clipId) {
    const clip = timeline.find((candidate) => candidate.id === op.clipId);
    throw new TimelineConflictError(
      clip
        ? `${quote(clip.name)} is no longer at position ${op.fromIndex + 1}.`
        : 'A clip this change moves is no longer in the timeline.',
    );
  }
  if (!Number.isInteger(op.toIndex) || op.toIndex < 0 || op.toIndex >= timeline.length) {
    throw new TimelineConflictError(`Position ${op.toIndex + 1} no longer exists in the timeline.`);
  }
  const next = [...timeline];
  next.splice(op.fromIndex, 1);
  next.splice(op.toIndex, 0, current);
  return next;
}

/** Applies one operation, returning a new timeline; throws TimelineConflictError if its expectations fail. */
export function applyOperation(timeline: Timeline, op: Operation): Clip[] {
  switch (op.type) {
    case 'update':
      return applyUpdate(timeline, op);
    case 'insert':
      return applyInsert(timeline, op);
    case 'remove':
      return applyRemove(timeline, op);
    case 'move':
      return applyMove(timeline, op);
  }
}

/** Applies operations in order; all or nothing, since the input is never mutated. */
export function applyOperations(timeline: Timeline, ops: readonly Operation[]): Clip[] {
  return ops.reduce<Clip[]>((current, op) => applyOperation(current, op), [...timeline]);
}

function invertOperation(op: Operation): Operation {
  switch (op.type) {
    case 'update':
      return { type: 'update', clipId: op.clipId, before: { ...op.after }, after: { ...op.before } };
    case 'insert':
      return { type: 'remove', index: op.index, clip: { ...op.clip } };
    case 'remove':
      return { type: 'insert', index: op.index, clip: { ...op.clip } };
    case 'move':
      return { type: 'move', clipId: op.clipId, fromIndex: op.toIndex, toIndex: op.fromIndex };
  }
}

/** The operations that undo `ops`: each inverted, last first. */
export function invertOperations(ops: readonly Operation[]): Operation[] {
  return [...ops].reverse().map(invertOperation);
}

export function totalDurationMs(timeline: Timeline): number {
  return timeline.reduce((total, clip) => total + clip.durationMs, 0);
}
