import { describeUnexpectedValue, quote } from './describe';
import type { Clip, ClipAttributes, Operation, Timeline } from './model';

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

const CLIP_FIELDS: readonly (keyof Clip)[] = ['id', 'name', 'kind', 'durationMs', 'fadeInMs', 'fadeOutMs', 'speed', 'volume', 'muted', 'text'];

function sameClip(a: Clip, b: Clip): boolean {
  return CLIP_FIELDS.every((field) => a[field] === b[field]);
}

function updatedFields(op: UpdateOperation): (keyof ClipAttributes)[] {
  return Object.keys(op.after) as (keyof ClipAttributes)[];
}

function applyUpdate(timeline: Clip[], op: UpdateOperation): void {
  const index = timeline.findIndex((clip) => clip.id === op.clipId);
  const current = timeline[index];
  if (!current) {
    throw new TimelineConflictError(
      op.before.name !== undefined ? `${quote(op.before.name)} is no longer in the timeline.` : 'A clip this change affects is no longer in the timeline.',
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
  timeline[index] = { ...current, ...op.after };
}

function applyInsert(timeline: Clip[], op: InsertOperation): void {
  if (!Number.isInteger(op.index) || op.index < 0 || op.index > timeline.length) {
    throw new TimelineConflictError(`Position ${op.index + 1} no longer exists in the timeline.`);
  }
  if (timeline.some((clip) => clip.id === op.clip.id)) {
    throw new TimelineConflictError(`${quote(op.clip.name)} is already in the timeline.`);
  }
  timeline.splice(op.index, 0, { ...op.clip });
}

function applyRemove(timeline: Clip[], op: RemoveOperation): void {
  const current = timeline[op.index];
  if (!current || current.id !== op.clip.id) {
    throw new TimelineConflictError(`${quote(op.clip.name)} is no longer at position ${op.index + 1}.`);
  }
  // The removed clip is stored so the inverse can restore it; it must be exactly what is removed.
  if (!sameClip(current, op.clip)) {
    throw new TimelineConflictError(`${quote(current.name)} has been edited in the meantime.`);
  }
  timeline.splice(op.index, 1);
}

function applyMove(timeline: Clip[], op: MoveOperation): void {
  const current = timeline[op.fromIndex];
  if (!current || current.id !== op.clipId) {
    const clip = timeline.find((candidate) => candidate.id === op.clipId);
    throw new TimelineConflictError(
      clip ? `${quote(clip.name)} is no longer at position ${op.fromIndex + 1}.` : 'A clip this change moves is no longer in the timeline.',
    );
  }
  if (!Number.isInteger(op.toIndex) || op.toIndex < 0 || op.toIndex >= timeline.length) {
    throw new TimelineConflictError(`Position ${op.toIndex + 1} no longer exists in the timeline.`);
  }
  timeline.splice(op.fromIndex, 1);
  timeline.splice(op.toIndex, 0, current);
}

/**
 * Applies one operation to a timeline the caller owns, changing it; throws TimelineConflictError
 * (leaving it possibly half-changed) if its expectations fail. Clips themselves are never mutated.
 */
export function applyOperationInPlace(timeline: Clip[], op: Operation): void {
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

/** Applies one operation, returning a new timeline; throws TimelineConflictError if its expectations fail. */
export function applyOperation(timeline: Timeline, op: Operation): Clip[] {
  const next = [...timeline];
  applyOperationInPlace(next, op);
  return next;
}

/** Applies operations in order; all or nothing, since the input is never mutated (one copy takes them all). */
export function applyOperations(timeline: Timeline, ops: readonly Operation[]): Clip[] {
  const next = [...timeline];
  for (const op of ops) applyOperationInPlace(next, op);
  return next;
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
