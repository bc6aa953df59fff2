import { and, asc, eq, inArray } from 'drizzle-orm';
import type { NewEdit, SessionEdit } from '@/lib/assistant/types';
import { isUuid } from '@/lib/ids';
import { getDb, type Executor } from './client';
import { edits, instructionEdits, projects, timelineSteps, type Edit } from './schema';

/** A session's edits, oldest first: the order the assistant reasons about them in. */
export async function listEditsForSession(sessionId: string, db: Executor = getDb()): Promise<Edit[]> {
  return db.select().from(edits).where(eq(edits.sessionId, sessionId)).orderBy(asc(edits.createdAt), asc(edits.id));
}

/** The edits made by each of these messages, oldest first (for batching per request). */
export async function listEditsForMessages(messageIds: readonly string[], db: Executor = getDb()): Promise<Edit[]> {
  if (messageIds.length === 0) return [];
  return db
    .select()
    .from(edits)
    .where(inArray(edits.messageId, [...messageIds]))
    .orderBy(asc(edits.createdAt), asc(edits.id));
}

/**
 * Records the edits an instruction touched (made, reverted or applied again), in order, and the
 * same touches as steps of the project's timeline history (for checkpoints). `touched` holds each
 * edit as the touch left it: reverted (undo) or not (made, redo).
 */
export async function recordInstructionEdits(messageId: string, touched: readonly Edit[], tx: Executor): Promise<void> {
  if (touched.length === 0) return;
  await tx.insert(instructionEdits).values(touched.map((edit, position) => ({ messageId, position, editId: edit.id })));
  await recordTimelineSteps(touched.map((edit) => ({ edit, messageId, sessionId: edit.sessionId })), tx);
}

/** Appends steps to the project's timeline history, in order (their seq follows insertion under the project's lock). */
export async function recordTimelineSteps(
  steps: readonly { edit: Edit; messageId: string | null; sessionId: string | null }[],
  tx: Executor,
): Promise<void> {
  // One insert per step: a multi-row insert does not promise nextval() in row order.
  for (const { edit, messageId, sessionId } of steps) {
    await tx.insert(timelineSteps).values({
      projectId: edit.projectId,
      editId: edit.id,
      messageId,
      sessionId,
      applied: edit.revertedAt === null,
      ...(edit.revertedAt ? { at: edit.revertedAt } : {}),
    });
  }
}

/** The edits an instruction touched, in the order it touched them, as they are now. */
export async function listInstructionEdits(messageId: string, db: Executor = getDb()): Promise<Edit[]> {
  const rows = await db
    .select({ edit: edits })
    .from(instructionEdits)
    .innerJoin(edits, eq(edits.id, instructionEdits.editId))
    .where(eq(instructionEdits.messageId, messageId))
    .orderBy(asc(instructionEdits.position));
  return rows.map((row) => row.edit);
}

/** The edit if it belongs to a project `ownerId` owns; otherwise null, as if it did not exist. */
export async function getOwnedEdit(ownerId: string, editId: string, db: Executor = getDb()): Promise<Edit | null> {
  if (!isUuid(editId)) return null;
  const [row] = await db
    .select({ edit: edits })
    .from(edits)
    .innerJoin(projects, eq(projects.id, edits.projectId))
    .where(and(eq(edits.id, editId), eq(projects.ownerId, ownerId)))
    .limit(1);
  return row?.edit ?? null;
}

export function toSessionEdit(edit: Edit): SessionEdit {
  return {
    id: edit.id,
    description: edit.description,
    intent: edit.intent,
    operations: edit.operations,
    inverse: edit.inverse,
    createdAt: edit.createdAt,
    revertedAt: edit.revertedAt,
  };
}

export async function insertEdit(
  input: { projectId: string; sessionId: string; messageId: string; edit: NewEdit; at: Date },
  tx: Executor,
): Promise<Edit> {
  const [stored] = await tx
    .insert(edits)
    .values({
      projectId: input.projectId,
      sessionId: input.sessionId,
      messageId: input.messageId,
      description: input.edit.description,
      intent: input.edit.intent,
      operations: input.edit.operations,
      inverse: input.edit.inverse,
      createdAt: input.at,
    })
    .returning();
  return stored;
}

/** Marks an edit reverted (undo) or, with `null`, applied again (redo). */
export async function setEditReverted(editId: string, revertedAt: Date | null, tx: Executor): Promise<Edit> {
  const [updated] = await tx.update(edits).set({ revertedAt }).where(eq(edits.id, editId)).returning();
  return updated;
}

