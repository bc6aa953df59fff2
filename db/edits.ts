import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { NewEdit, SessionEdit } from '@/lib/timeline/model';
import { getDb, type Executor } from './client';
import { qualified } from './qualified';
import { edits, instructionEdits, projects, timelineSteps, type Edit } from './schema';

/**
 * Oldest first, the order the assistant reasons about edits in: by when they were made, and
 * the edits of one instruction (which share its timestamp) in the order it made them.
 */
export function editsInOrderOf(edit: Pick<typeof edits, 'id' | 'createdAt' | 'messageId'>) {
  const creationPosition = sql<number>`(select ${qualified(instructionEdits.position)} from ${instructionEdits}
    where ${qualified(instructionEdits.editId)} = ${edit.id} and ${qualified(instructionEdits.messageId)} = ${edit.messageId})`;
  return [asc(edit.createdAt), asc(creationPosition), asc(edit.id)];
}
export const editsInOrder = editsInOrderOf(edits);

/** A session's edits, oldest first. */
export async function listEditsForSession(sessionId: string, db: Executor = getDb()): Promise<Edit[]> {
  return db.select().from(edits).where(eq(edits.sessionId, sessionId)).orderBy(...editsInOrder);
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

/**
 * The edits each instruction touched (made, undid or redid), in the order it touched them, as
 * they are now: the one record of what an instruction did.
 */
export async function listInstructionEdits(messageIds: readonly string[], db: Executor = getDb()): Promise<Map<string, Edit[]>> {
  const byMessage = new Map<string, Edit[]>(messageIds.map((id) => [id, []]));
  if (messageIds.length === 0) return byMessage;
  const rows = await db
    .select({ messageId: instructionEdits.messageId, edit: edits })
    .from(instructionEdits)
    .innerJoin(edits, eq(edits.id, instructionEdits.editId))
    .where(inArray(instructionEdits.messageId, [...messageIds]))
    .orderBy(asc(instructionEdits.messageId), asc(instructionEdits.position));
  for (const row of rows) byMessage.get(row.messageId)?.push(row.edit);
  return byMessage;
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

