import { redoableEdits, undoableEdits } from './history';
import { applyOperations, TimelineConflictError } from '@/lib/timeline/operations';
import { formatCount, formatSeconds, lowerFirst, quote } from './replies';
import type { AssistantResult, Operation, SessionEdit, SessionContext, Timeline } from './types';

type Direction = 'undo' | 'redo';

const WORDS: Record<Direction, { done: string; state: string }> = {
  undo: { done: 'Undid', state: 'is back to' },
  redo: { done: 'Redid', state: 'is now' },
};

function operationsFor(direction: Direction, edit: SessionEdit): readonly Operation[] {
  return direction === 'undo' ? edit.inverse : edit.operations;
}

/** Clips that reappeared or went away when a stored edit was undone or redone, as sentences. */
export function describeArrangementChanges(direction: Direction, ops: readonly Operation[], before: Timeline, after: Timeline): string {
  return describeResult(direction, ops, before, after, false);
}

/** What the user sees afterwards: clips that reappeared or went away, and durations that changed. */
function describeResult(direction: Direction, ops: readonly Operation[], before: Timeline, after: Timeline, durations = true): string {
  const sentences: string[] = [];
  const reappeared = new Set<string>();
  for (const op of ops) {
    if (op.type !== 'insert' || before.some((clip) => clip.id === op.clip.id)) continue;
    const position = after.findIndex((clip) => clip.id === op.clip.id);
    if (position === -1 || reappeared.has(op.clip.id)) continue;
    reappeared.add(op.clip.id);
    sentences.push(`${quote(after[position].name)} is back at position ${position + 1}.`);
  }
  const gone = new Set<string>();
  for (const op of ops) {
    if (op.type !== 'remove' || after.some((clip) => clip.id === op.clip.id) || gone.has(op.clip.id)) continue;
    gone.add(op.clip.id);
    sentences.push(`${quote(op.clip.name)} is removed.`);
  }
  const resized = new Set<string>();
  for (const op of ops) {
    if (op.type === 'update' && op.after.durationMs !== undefined && !reappeared.has(op.clipId)) resized.add(op.clipId);
  }
  // In timeline order, however the operations were recorded.
  for (const clip of durations ? after : []) {
    if (resized.has(clip.id)) sentences.push(`${quote(clip.name)} ${WORDS[direction].state} ${formatSeconds(clip.durationMs)}.`);
  }
  return sentences.map((sentence) => ` ${sentence}`).join('');
}

/** Checks the whole sequence against the current timeline first, so a conflict changes nothing. */
function stepThroughHistory(direction: Direction, edits: readonly SessionEdit[], timeline: Timeline, shortfall: string): AssistantResult {
  let current: Timeline = timeline;
  for (const edit of edits) {
    try {
      current = applyOperations(current, operationsFor(direction, edit));
    } catch (error) {
      if (!(error instanceof TimelineConflictError)) throw error;
      return {
        reply:
          `I can't ${direction} that change (${lowerFirst(edit.description)}) because the timeline has changed since: ` +
          `${lowerFirst(error.message)} Nothing was changed.`,
        actions: [],
      };
    }
  }
  const descriptions = edits.map((edit) => lowerFirst(edit.description));
  const summary =
    edits.length === 1 ? `${WORDS[direction].done}: ${descriptions[0]}.` : `${WORDS[direction].done} ${edits.length} changes: ${descriptions.join('; ')}.`;
  const ops = edits.flatMap((edit) => operationsFor(direction, edit));
  return {
    reply: `${shortfall}${summary}${describeResult(direction, ops, timeline, current)}`,
    actions: edits.map((edit) => (direction === 'undo' ? { type: 'revert', editId: edit.id } : { type: 'reapply', editId: edit.id })),
  };
}

/** The first `count` edits, and a note when fewer than asked for exist. */
function take(edits: SessionEdit[], count: number | 'all', direction: Direction): { chosen: SessionEdit[]; shortfall: string } {
  if (count === 'all' || count <= edits.length) {
    return { chosen: count === 'all' ? edits : edits.slice(0, count), shortfall: '' };
  }
  return {
    chosen: edits,
    shortfall: `There ${edits.length === 1 ? 'was' : 'were'} only ${formatCount(edits.length, 'change')} to ${direction}. `,
  };
}

/** Undoes exactly these edits, newest first ("undo the fade", "restore the outro"). */
export function undoEdits(timeline: Timeline, edits: readonly SessionEdit[]): AssistantResult {
  return stepThroughHistory('undo', edits, timeline, '');
}

export function undo(timeline: Timeline, context: SessionContext, count: number | 'all'): AssistantResult {
  const edits = undoableEdits(context);
  if (edits.length === 0) {
    const reply =
      context.edits.length === 0 ? "There's nothing in this session to undo." : "There's nothing left to undo in this session: its changes are already undone.";
    return { reply, actions: [] };
  }
  const { chosen, shortfall } = take(edits, count, 'undo');
  return stepThroughHistory('undo', chosen, timeline, shortfall);
}

export function redo(timeline: Timeline, context: SessionContext, count: number | 'all'): AssistantResult {
  const edits = redoableEdits(context);
  if (edits.length === 0) {
    const replaced = context.edits.some((edit) => edit.revertedAt !== null);
    const reply = replaced ? "There's nothing to redo: changes were made after the last undo." : "There's nothing to redo in this session.";
    return { reply, actions: [] };
  }
  const { chosen, shortfall } = take(edits, count, 'redo');
  return stepThroughHistory('redo', chosen, timeline, shortfall);
}
