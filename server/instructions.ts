import { findMessageByClientId, getAllMessages, insertNextMessage } from '@/db/messages';
import { insertEdit, listEditsForSession, recordInstructionEdits, setEditReverted, toSessionEdit } from '@/db/edits';
import { recordProjectEvent } from '@/db/events';
import { loadInstructionResult, transactionClock, type InstructionResult } from '@/db/instructions';
import { touchProject } from '@/db/projects';
import type { Edit, Session } from '@/db/schema';
import { getTimeline, saveTimeline } from '@/db/timeline';
import { getDb, type Executor, type Transaction } from '@/db/client';
import { inProjectTransaction, lockSession } from '@/db/transaction';
import { getAssistant } from '@/lib/assistant';
import { applyOperations } from '@/lib/assistant/operations';
import type { Assistant, AssistantAction, Clip, SessionContext } from '@/lib/assistant/types';
import { validateClientMessageId, validateInstruction } from '@/lib/validation';
import { ownedSession, requireViewer, type Caller } from './access';
import { inputObject, requiredId, requiredString } from './inputs';
import { currentOrNewSession } from './sessions';
import { whileItExists } from './writes';

export type { InstructionResult };

/**
 * An instruction from the viewer into one of their sessions: stored, answered by the
 * assistant from exactly this session's context, its edits applied, all in one transaction.
 *
 * Input: `sessionId`, `content`, `clientMessageId` (optional for the API; the web app sends
 * `clientMessageIdRequired`, since its retries depend on one), and `projectId` to scope the
 * session to a project. `sessionId: null` with a `projectId` means the viewer's current
 * session there, started if they have none.
 */
export async function sendInstruction(
  caller: Caller,
  raw: unknown,
  options: { clientMessageIdRequired?: boolean } = {},
): Promise<InstructionResult> {
  const viewer = requireViewer(caller);
  const input = inputObject(raw);
  const content = validateInstruction(requiredString(input.content, 'content'));
  const clientMessageId =
    input.clientMessageId == null && !options.clientMessageIdRequired
      ? null
      : validateClientMessageId(requiredString(input.clientMessageId, 'clientMessageId'));
  const projectId = input.projectId === undefined ? undefined : requiredId(input.projectId, 'projectId');
  const session =
    input.sessionId === null && projectId !== undefined
      ? await currentOrNewSession(caller, projectId)
      : await ownedSession(viewer, requiredId(input.sessionId, 'sessionId'), projectId);
  return whileItExists('session', () => runInstruction({ session, content, clientMessageId }));
}

/**
 * Runs one instruction in one transaction: stores it, lets the assistant answer from exactly
 * this session's context, applies and records the edits, and stores the reply. Either all
 * of it is written or none. A retry with the same clientMessageId returns the first result.
 */
export async function runInstruction(
  input: { session: Session; content: string; clientMessageId?: string | null },
  assistant: Assistant = getAssistant(),
  db: Executor = getDb(),
): Promise<InstructionResult> {
  const { session, content } = input;
  const clientMessageId = input.clientMessageId ?? null;
  return inProjectTransaction(
    session.projectId,
    async (tx) => {
      await lockSession(session.id, tx);
      if (clientMessageId) {
        const earlier = await findMessageByClientId(session.id, clientMessageId, tx);
        if (earlier) return loadInstructionResult(session.projectId, earlier, tx);
      }
      const at = await transactionClock(tx);
      const timeline = await getTimeline(session.projectId, tx);
      const context = await loadSessionContext(session.id, tx);
      const result = await assistant.respond({ timeline, context, instruction: content });

      const userMessage = await insertNextMessage(session.id, { role: 'user', content, clientMessageId }, tx);
      const storedEdits = new Map(context.edits.map((edit) => [edit.id, edit]));
      let current: Clip[] = [...timeline];
      const touched: Edit[] = [];
      for (const action of result.actions) {
        const applied = await applyAction(action, { session, messageId: userMessage.id, at, storedEdits, current }, tx);
        current = applied.timeline;
        touched.push(applied.edit);
      }
      if (touched.length > 0) {
        await saveTimeline(session.projectId, timeline, current, tx);
        await touchProject(session.projectId, tx);
        await recordInstructionEdits(userMessage.id, touched, tx);
      }
      const reply = await insertNextMessage(session.id, { role: 'assistant', content: result.reply, replyToId: userMessage.id }, tx);
      await recordProjectEvent({ projectId: session.projectId, type: 'instruction.answered', sessionId: session.id }, tx);
      return { userMessage, reply, edits: touched, timeline: current };
    },
    db,
  );
}

interface ActionScope {
  session: Session;
  messageId: string;
  at: Date;
  storedEdits: Map<string, ReturnType<typeof toSessionEdit>>;
  current: Clip[];
}

async function applyAction(action: AssistantAction, scope: ActionScope, tx: Transaction): Promise<{ timeline: Clip[]; edit: Edit }> {
  if (action.type === 'apply') {
    const timeline = applyOperations(scope.current, action.edit.operations);
    const edit = await insertEdit(
      { projectId: scope.session.projectId, sessionId: scope.session.id, messageId: scope.messageId, edit: action.edit, at: scope.at },
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
