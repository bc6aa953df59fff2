import { and, asc, desc, eq, inArray, lt, lte, max, sql } from 'drizzle-orm';
import { getDb, type Executor, type Transaction } from '../client';
import { edits, instructionEdits, messages, sessions, timelineSteps, type Edit, type Message, type Session } from '../schema';
import { findReply } from './replies';

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

/**
 * Copies a session's conversation up to and including message `lastSeq` into `branch`, with the
 * edits those instructions made, each as it stood at history position `boundary` (applied, or
 * undone by then), and which edits each instruction touched. Copies keep their originals' times
 * and history positions: they stand for the same moments. Nothing is written to the timeline or
 * its history: the copies were not applied again. It lives with messages, its main rows being the
 * copied messages; it also writes the branch's sessions row (its count), edits and instruction_edits.
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
