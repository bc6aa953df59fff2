import { asc, eq, getTableName, inArray, sql, type SQL } from 'drizzle-orm';
import type { NewEdit, SessionEdit } from '@/lib/timeline/model';
import { builtOnce } from '../builtQueries';
import { getDb, type Executor } from '../client';
import { columnNames, columnOf } from '../cte';
import { qualified } from '../qualified';
import { edits, instructionEdits, timelineSteps, type Edit } from '../schema';

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
  return db
    .select()
    .from(edits)
    .where(eq(edits.sessionId, sessionId))
    .orderBy(...editsInOrder);
}

/**
 * Appends the step an edit makes to its project's timeline history, as `via` (the session and
 * instruction it is recorded for; a fork's restore belongs to the branch and no instruction).
 * Its seq follows insertion, under the project's lock.
 */
export async function recordTimelineStep(edit: Pick<Edit, 'id'>, via: { sessionId: string; messageId: string | null }, tx: Executor): Promise<void> {
  await tx.execute(
    sql`${timelineStepOf(getTableName(edits), { sessionId: sql`${via.sessionId}::uuid`, messageId: sql`${via.messageId}::uuid` })}
      where ${qualified(edits.id)} = ${edit.id}`,
  );
}

/**
 * The step of the timeline history that an edit, as a row of `source` (a table or a common table
 * expression with the edits table's columns) stands for: applied unless the edit is reverted,
 * stamped with its revert or the moment it is written.
 */
function timelineStepOf(source: string, via: { sessionId: SQL; messageId: SQL }): SQL {
  const row = (column: { name: string }) => columnOf(source, column);
  return sql`insert into ${timelineSteps} (${columnNames(timelineSteps.projectId, timelineSteps.editId, timelineSteps.messageId, timelineSteps.sessionId, timelineSteps.applied, timelineSteps.at)})
    select ${row(edits.projectId)}, ${row(edits.id)}, ${via.messageId}, ${via.sessionId}, ${row(edits.revertedAt)} is null,
      coalesce(${row(edits.revertedAt)}, clock_timestamp()) from ${sql.identifier(source)}`;
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

/** How an instruction touches an edit: makes it, reverts it (undo) or applies it again (redo). */
export type EditTouch = { type: 'make'; projectId: string; sessionId: string; edit: NewEdit } | { type: 'revert' | 'reapply'; editId: string };

/**
 * One touch of an instruction, in one statement: the edit as the touch leaves it, the touch's
 * place among the instruction's (instruction_edits: the one record of what an instruction did),
 * and the step of the project's timeline history it is (timeline_steps, for checkpoints). An
 * instruction's touches are recorded one statement each, in order, so their steps' seqs follow
 * that order. `at` stamps a made edit and a revert.
 */
export async function recordEditTouch(touch: EditTouch, instruction: { messageId: string; position: number }, at: Date, tx: Executor): Promise<Edit> {
  const [edit] =
    touch.type === 'make'
      ? await builtOnce(tx, 'edits.make', () => touchQuery(tx, 'make')).execute({
          ...instruction,
          projectId: touch.projectId,
          sessionId: touch.sessionId,
          ...newEditFields(touch.edit),
          createdAt: at,
        })
      : await builtOnce(tx, 'edits.setReverted', () => touchQuery(tx, 'setReverted')).execute({
          ...instruction,
          editId: touch.editId,
          revertedAt: touch.type === 'revert' ? at.toISOString() : null,
        });
  // Only a revert or redo can find nothing: the caller read the session's edits under its lock, so that is a bug.
  if (!edit) throw new Error(`There is no edit ${touch.type === 'make' ? '' : touch.editId} to ${touch.type}.`);
  return edit;
}

/** recordEditTouch's statement, built once for each of its two shapes (db/builtQueries.ts): a new edit, or one reverted or applied again. */
function touchQuery(tx: Executor, shape: 'make' | 'setReverted') {
  const param = sql.placeholder;
  const touched = tx.$with(TOUCHED).as(
    shape === 'make'
      ? tx
          .insert(edits)
          .values({
            projectId: param('projectId'),
            sessionId: param('sessionId'),
            messageId: param('messageId'),
            description: param('description'),
            intent: param('intent'),
            operations: param('operations'),
            inverse: param('inverse'),
            createdAt: param('createdAt'),
          })
          .returning()
      : tx
          .update(edits)
          .set({ revertedAt: sql`${param('revertedAt')}::timestamptz` })
          .where(eq(edits.id, param('editId')))
          .returning(),
  );
  const row = (column: { name: string }) => columnOf(TOUCHED, column);
  const linked = tx.$with('linked', {}).as(
    sql`insert into ${instructionEdits} (${columnNames(instructionEdits.messageId, instructionEdits.position, instructionEdits.editId)})
      select ${param('messageId')}::uuid, ${param('position')}::integer, ${row(edits.id)} from ${sql.identifier(TOUCHED)}`,
  );
  const stepped = tx.$with('stepped', {}).as(timelineStepOf(TOUCHED, { sessionId: row(edits.sessionId), messageId: sql`${param('messageId')}::uuid` }));
  return tx.with(touched, linked, stepped).select().from(touched).prepare(`edits.${shape}`);
}

const TOUCHED = 'touched';

function newEditFields(edit: NewEdit) {
  return { description: edit.description, intent: edit.intent, operations: edit.operations, inverse: edit.inverse };
}
