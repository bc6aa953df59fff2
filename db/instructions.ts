import { and, eq, sql } from 'drizzle-orm';
import { getAssistant } from '@/lib/assistant';
import { applyOperations } from '@/lib/assistant/operations';
import type { Assistant, AssistantAction, Clip, SessionContext } from '@/lib/assistant/types';
import { getDb, selectRows, type Executor } from './client';
import { recordProjectEvent } from './events';
import { insertEdit, listEditsForSession, listInstructionEdits, recordInstructionEdits, setEditReverted, toSessionEdit } from './edits';
import { findMessageByClientId, getAllMessages, insertNextMessage, lockSession } from './messages';
import { lockProject, touchProject } from './projects';
import { messages, type Edit, type Message, type Session } from './schema';
import { getTimeline, saveTimeline } from './timeline';

export interface InstructionResult {
  userMessage: Message;
  reply: Message;
  /** Edits this instruction created, reverted or re-applied, as they are now. */
  edits: Edit[];
  /** The project's timeline after the instruction. */
  timeline: Clip[];
}

/**
 * Runs one instruction in one transaction: stores it, lets the assistant answer from exactly
 * this session's context, applies and records the edits, and stores the reply. Either all
 * of it is written or none. A retry with the same clientMessageId returns the first result.
 */
export async function sendInstruction(
  input: { session: Session; content: string; clientMessageId?: string | null },
  assistant: Assistant = getAssistant(),
  db: Executor = getDb(),
): Promise<InstructionResult> {
  const { session, content } = input;
  const clientMessageId = input.clientMessageId ?? null;
  return db.transaction(async (tx) => {
    // Lock order everywhere: session, then project.
    await lockSession(session.id, tx);
    if (clientMessageId) {
      const earlier = await findMessageByClientId(session.id, clientMessageId, tx);
      if (earlier) return loadInstructionResult(session.projectId, earlier, tx);
    }
    await lockProject(session.projectId, tx);
    const at = await transactionClock(tx);

    const timeline = await getTimeline(session.projectId, tx);
    const context = await loadSessionContext(session.id, tx);
    const result = await assistant.respond({ timeline, context, instruction: content });

    const userMessage = await insertNextMessage(session.id, { role: 'user', content, clientMessageId }, tx);
    const storedEdits = new Map(context.edits.map((edit) => [edit.id, edit]));
    let current: Clip[] = [...timeline];
    const touched: Edit[] = [];
    for (const action of result.actions) {
      const applied = await applyAction(action, { session, userMessage, at, storedEdits, current }, tx);
      current = applied.timeline;
      touched.push(applied.edit);
    }
    if (touched.length > 0) {
      await saveTimeline(session.projectId, timeline, current, tx);
      await touchProject(session.projectId, tx);
      await recordInstructionEdits(userMessage.id, touched, tx);
    }
    const reply = await insertNextMessage(
      session.id,
      { role: 'assistant', content: result.reply, replyToId: userMessage.id },
      tx,
    );
    await recordProjectEvent({ projectId: session.projectId, type: 'instruction.answered', sessionId: session.id }, tx);
    return { userMessage, reply, edits: touched, timeline: current };
  });
}

interface ActionScope {
  session: Session;
  userMessage: Message;
  at: Date;
  storedEdits: Map<string, ReturnType<typeof toSessionEdit>>;
  current: Clip[];
}

async function applyAction(action: AssistantAction, scope: ActionScope, tx: Executor): Promise<{ timeline: Clip[]; edit: Edit }> {
  if (action.type === 'apply') {
    const timeline = applyOperations(scope.current, action.edit.operations);
    const edit = await insertEdit(
      { projectId: scope.session.projectId, sessionId: scope.session.id, messageId: scope.userMessage.id, edit: action.edit, at: scope.at },
      tx,
    );
    return { timeline, edit };
  }
  const stored = scope.storedEdits.get(action.editId);
  if (!stored) throw new Error(`The assistant referred to edit ${action.editId}, which is not part of this session.`);
  if (action.type === 'revert') {
    return { timeline: applyOperations(scope.current, stored.inverse), edit: await setEditReverted(stored.id, scope.at, tx) };
  }
  return { timeline: applyOperations(scope.current, stored.operations), edit: await setEditReverted(stored.id, null, tx) };
}

/** What the assistant may know: this session's messages and edits, nothing from other sessions. */
export async function loadSessionContext(sessionId: string, db: Executor = getDb()): Promise<SessionContext> {
  const [history, sessionEdits] = await Promise.all([getAllMessages(sessionId, db), listEditsForSession(sessionId, db)]);
  return {
    messages: history.map(({ role, content }) => ({ role, content })),
    edits: sessionEdits.map(toSessionEdit),
  };
}

/** The stored outcome of an instruction sent before (a retried request). */
async function loadInstructionResult(projectId: string, userMessage: Message, tx: Executor): Promise<InstructionResult> {
  const [reply] = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.sessionId, userMessage.sessionId), eq(messages.replyToId, userMessage.id)))
    .limit(1);
  const [touched, timeline] = await Promise.all([listInstructionEdits(userMessage.id, tx), getTimeline(projectId, tx)]);
  return { userMessage, reply, edits: touched, timeline };
}

/**
 * The time edits are stamped with, read after the locks are held so stamps follow the
 * order in which changes to the project really happened.
 */
async function transactionClock(tx: Executor): Promise<Date> {
  const [row] = await selectRows<{ now: Date | string }>(tx, sql`select clock_timestamp() as now`);
  return new Date(row.now);
}
