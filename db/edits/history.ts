import { and, asc, eq, gte, inArray, max, sql } from 'drizzle-orm';
import type { NewEdit } from '@/lib/timeline/model';
import { getDb, selectRows, type Executor } from '../client';
import { edits, timelineSteps, type Edit, type Message } from '../schema';

/** One step of a project's timeline history with the edit it applied or reverted. */
export interface HistoryStep {
  seq: number;
  applied: boolean;
  at: Date;
  sessionId: string | null;
  messageId: string | null;
  edit: Edit;
}

/** An edit of the project outside every session's conversation (a branch's timeline restore). */
export async function insertProjectEdit(input: { projectId: string; edit: NewEdit; at: Date }, tx: Executor): Promise<Edit> {
  const [stored] = await tx
    .insert(edits)
    .values({ projectId: input.projectId, sessionId: null, messageId: null, ...input.edit, createdAt: input.at })
    .returning();
  return stored;
}

/** The project's steps at or after `fromSeq`, oldest first, each with its edit. */
export async function listStepsFrom(projectId: string, fromSeq: number, db: Executor = getDb()): Promise<HistoryStep[]> {
  const rows = await db
    .select({ step: timelineSteps, edit: edits })
    .from(timelineSteps)
    .innerJoin(edits, eq(edits.id, timelineSteps.editId))
    .where(and(eq(timelineSteps.projectId, projectId), gte(timelineSteps.seq, fromSeq)))
    .orderBy(asc(timelineSteps.seq));
  return rows.map(({ step, edit }) => ({ seq: step.seq, applied: step.applied, at: step.at, sessionId: step.sessionId, messageId: step.messageId, edit }));
}

/** The project's latest history step (0 when none): the version a restore is checked against. */
export async function historyHead(projectId: string, db: Executor = getDb()): Promise<number> {
  const [row] = await db
    .select({ seq: max(timelineSteps.seq) })
    .from(timelineSteps)
    .where(eq(timelineSteps.projectId, projectId));
  return Number(row?.seq ?? 0);
}

/** Marks the edits whose effect a timeline restore reverted (their own undo state is their session's). */
export async function markRevertedBy(editIds: readonly string[], restoreEditId: string, tx: Executor): Promise<void> {
  if (editIds.length === 0) return;
  await tx
    .update(edits)
    .set({ revertedByEditId: restoreEditId })
    .where(inArray(edits.id, [...editIds]));
}

/**
 * Whether the project has edits made before its history was recorded (migration 0005) at or after
 * the instruction (other than its own): those cannot be replayed, so a restore to before them would not be exact. Recorded
 * history starts with the oldest edit that has a step; a branch's copies carry their originals'
 * times, so they are never older than that unless their originals were unrecorded too.
 */
export async function hasUnrecordedEditsAfter(projectId: string, instruction: Message, db: Executor = getDb()): Promise<boolean> {
  const rows = await selectRows<{ found: number }>(
    db,
    sql`
    select 1 as found from ${edits} e
    where e.project_id = ${projectId} and e.created_at >= ${instruction.createdAt.toISOString()}::timestamptz
      and e.message_id is distinct from ${instruction.id}
      and e.created_at < coalesce(
        (select min(r.created_at) from ${edits} r join ${timelineSteps} s on s.edit_id = r.id where r.project_id = ${projectId}),
        'infinity'::timestamptz)
    limit 1`,
  );
  return rows.length > 0;
}
