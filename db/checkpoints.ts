import { and, asc, desc, eq, gte, inArray, lt, lte, max, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { NewEdit } from '@/lib/timeline/model';
import { getDb, selectRows, type Executor, type Transaction } from './client';
import { edits, instructionEdits, messages, sessions, timelineSteps, type Edit, type Message, type Session } from './schema';

/** One step of a project's timeline history with the edit it applied or reverted. */
export interface HistoryStep {
  seq: number;
  applied: boolean;
  at: Date;
  sessionId: string | null;
  messageId: string | null;
  edit: Edit;
}

/**
 * The first history position after an instruction's moment: its reply's position (the
 * instruction's steps sit between the two), or, for an instruction without a reply, just past its
 * last step. Everything at or after it happened later.
 */
export async function historyBoundaryAfter(instruction: Message, db: Executor = getDb()): Promise<number> {
  const reply = await findReply(instruction, db);
  if (reply) return reply.historySeq;
  const [own] = await db
    .select({ seq: max(timelineSteps.seq) })
    .from(timelineSteps)
    .where(eq(timelineSteps.messageId, instruction.id));
  return Math.max(instruction.historySeq, Number(own?.seq ?? 0)) + 1;
}

/** The assistant's reply to an instruction, when it has one (looked up within its session, by the session's index). */
export async function findReply(instruction: Message, db: Executor = getDb()): Promise<Message | null> {
  const [reply] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.sessionId, instruction.sessionId), eq(messages.replyToId, instruction.id)))
    .limit(1);
  return reply ?? null;
}

export async function getMessage(messageId: string, db: Executor = getDb()): Promise<Message | null> {
  const [message] = await db.select().from(messages).where(eq(messages.id, messageId)).limit(1);
  return message ?? null;
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

/** Titles of sessions by id (deleted ones are missing). */
export async function sessionsByIds(ids: readonly string[], db: Executor = getDb()): Promise<Session[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(sessions)
    .where(inArray(sessions.id, [...ids]));
}

export async function createBranchSession(input: { source: Session; message: Message; createdById: string }, tx: Transaction): Promise<Session> {
  const [branch] = await tx
    .insert(sessions)
    .values({
      projectId: input.source.projectId,
      createdById: input.createdById,
      title: input.source.title,
      titleSource: input.source.titleSource,
      forkedFromSessionId: input.source.id,
      forkedFromMessageId: input.message.id,
    })
    .returning();
  return branch;
}

/**
 * Copies a session's conversation up to and including message `lastSeq` into `branch`, with the
 * edits those instructions made, each as it stood at history position `boundary` (applied, or
 * undone by then), and which edits each instruction touched. Copies keep their originals' times
 * and history positions: they stand for the same moments. Nothing is written to the timeline or
 * its history: the copies were not applied again.
 */
export async function copyConversation(
  input: { source: Session; branch: Session; lastSeq: number; boundary: number },
  tx: Transaction,
): Promise<{ messages: Message[]; edits: Edit[] }> {
  const originals = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.sessionId, input.source.id), lte(messages.seq, input.lastSeq)))
    .orderBy(asc(messages.seq));
  if (originals.length === 0) return { messages: [], edits: [] };

  const messageIds = new Map(originals.map((message) => [message.id, crypto.randomUUID()]));
  const copiedMessages = await tx
    .insert(messages)
    .values(
      originals.map((message) => ({
        id: messageIds.get(message.id)!,
        sessionId: input.branch.id,
        seq: message.seq,
        role: message.role,
        content: message.content,
        replyToId: message.replyToId ? (messageIds.get(message.replyToId) ?? null) : null,
        historySeq: message.historySeq,
        createdAt: message.createdAt,
      })),
    )
    .returning();
  await tx
    .update(sessions)
    .set({ messageCount: originals.length, updatedAt: sql`now()` })
    .where(eq(sessions.id, input.branch.id));

  const originalEdits = await tx
    .select()
    .from(edits)
    .where(and(eq(edits.sessionId, input.source.id), inArray(edits.messageId, [...messageIds.keys()])))
    .orderBy(asc(edits.createdAt), asc(edits.id));
  if (originalEdits.length === 0) return { messages: copiedMessages, edits: [] };

  const states = await stateAt(
    originalEdits.map((edit) => edit.id),
    input.boundary,
    tx,
  );
  const editIds = new Map(originalEdits.map((edit) => [edit.id, crypto.randomUUID()]));
  const copiedEdits = await tx
    .insert(edits)
    .values(
      originalEdits.map((edit) => ({
        id: editIds.get(edit.id)!,
        projectId: edit.projectId,
        sessionId: input.branch.id,
        messageId: messageIds.get(edit.messageId!)!,
        description: edit.description,
        intent: edit.intent,
        operations: edit.operations,
        inverse: edit.inverse,
        createdAt: edit.createdAt,
        revertedAt: states.get(edit.id) ?? null,
      })),
    )
    .returning();

  const touches = await tx
    .select()
    .from(instructionEdits)
    .where(inArray(instructionEdits.messageId, [...messageIds.keys()]))
    .orderBy(asc(instructionEdits.messageId), asc(instructionEdits.position));
  const copiedTouches = touches
    .filter((touch) => editIds.has(touch.editId))
    .map((touch) => ({ messageId: messageIds.get(touch.messageId)!, position: touch.position, editId: editIds.get(touch.editId)! }));
  if (copiedTouches.length > 0) await tx.insert(instructionEdits).values(copiedTouches);
  return { messages: copiedMessages, edits: copiedEdits };
}

/** For each edit undone as of history position `boundary`: when. Edits in effect then are absent. */
async function stateAt(editIds: readonly string[], boundary: number, db: Executor): Promise<Map<string, Date>> {
  const rows = await db
    .selectDistinctOn([timelineSteps.editId], { editId: timelineSteps.editId, applied: timelineSteps.applied, at: timelineSteps.at })
    .from(timelineSteps)
    .where(and(inArray(timelineSteps.editId, [...editIds]), lt(timelineSteps.seq, boundary)))
    .orderBy(timelineSteps.editId, desc(timelineSteps.seq));
  return new Map(rows.filter((row) => !row.applied).map((row) => [row.editId, row.at]));
}

/** For each branch among these sessions: the title of the session it was copied from and the time of the instruction it was copied up to. */
export async function getBranchOrigins(sessionIds: readonly string[], db: Executor = getDb()): Promise<Map<string, { title: string | null; at: Date | null }>> {
  if (sessionIds.length === 0) return new Map();
  const source = alias(sessions, 'source');
  const rows = await db
    .select({ id: sessions.id, title: source.title, at: messages.createdAt })
    .from(sessions)
    .innerJoin(source, eq(source.id, sessions.forkedFromSessionId))
    .leftJoin(messages, eq(messages.id, sessions.forkedFromMessageId))
    .where(inArray(sessions.id, [...sessionIds]));
  return new Map(rows.map((row) => [row.id, { title: row.title, at: row.at }]));
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
