import type { SessionContext, SessionEdit } from './types';

/** Orders already computed, per edits array: one message asks for them many times. */
const ORDERED = new WeakMap<readonly SessionEdit[], SessionEdit[]>();

/** Newest first by creation time; among equal times, the later-listed edit counts as newer. */
function newestFirst(edits: readonly SessionEdit[]): SessionEdit[] {
  const known = ORDERED.get(edits);
  if (known) return known;
  const ordered = edits
    .map((edit, position) => ({ edit, position }))
    .sort((a, b) => b.edit.createdAt.getTime() - a.edit.createdAt.getTime() || b.position - a.position)
    .map(({ edit }) => edit);
  ORDERED.set(edits, ordered);
  return ordered;
}

/** Every edit of the session, reverted or not, oldest first: what "the one you touched first" counts through. */
export function editsOldestFirst(edits: readonly SessionEdit[]): SessionEdit[] {
  return [...newestFirst(edits)].reverse();
}

/** The session's newest edit, reverted or not: what "the same thing" and "it" refer to. */
export function latestEdit(context: SessionContext): SessionEdit | null {
  return newestFirst(context.edits)[0] ?? null;
}

/** Edits still in effect, newest first: what "undo" walks back through. */
export function undoableEdits(context: SessionContext): SessionEdit[] {
  return newestFirst(context.edits).filter((edit) => edit.revertedAt === null);
}

/**
 * Reverted edits that can be redone, most recently reverted first. Making a new edit
 * clears the redo stack, so only edits reverted after the newest edit was created qualify.
 */
export function redoableEdits(context: SessionContext): SessionEdit[] {
  const newest = latestEdit(context);
  if (!newest) return [];
  const newestCreatedAt = newest.createdAt.getTime();
  return (
    context.edits
      .filter((edit): edit is SessionEdit & { revertedAt: Date } => edit.revertedAt !== null)
      // Strictly after: an edit undone by the instruction that made the newest one (a correction) is replaced, not redoable.
      .filter((edit) => edit.revertedAt.getTime() > newestCreatedAt)
      // Edits undone together share a time; the oldest of them was undone last, so it is redone first.
      .sort((a, b) => b.revertedAt.getTime() - a.revertedAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime())
  );
}

/** The clips the session's newest edit acted on; "it" is the last of them. */
export function lastTargetClipIds(context: SessionContext): readonly string[] {
  return latestEdit(context)?.intent.targetClipIds ?? [];
}
