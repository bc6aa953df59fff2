import { findMessageByClientId, getAllMessages, insertMessageAt, insertNextMessage } from '@/db/messages';
import { recordEditTouch, type EditTouch } from '@/db/edits';
import { recordProjectEvent } from '@/db/events';
import { failStaleReplies, findActiveReply, getMessageById, isActiveReply, requestStop, saveSessionSummary, updateReply } from '@/db/generations';
import { loadInstructionResult, readSessionState, recordAnswer, type InstructionResult } from '@/db/instructions';
import type { Edit, Message, Project, Session } from '@/db/schema';
import { getTimeline, saveTimeline } from '@/db/timeline';
import { getDb, type Executor, type Transaction } from '@/db/client';
import { getOwnedMessages } from '@/db/batchedReads';
import { inSessionTransaction } from '@/db/transaction';
import { applyOperations, TimelineConflictError } from '@/lib/timeline/operations';
import type { Assistant, AssistantAction, AssistantResult, Clip, SessionContext, SessionEdit, Timeline } from '@/lib/assistant/types';
import type { EditLogEntry, PromptMessage, SessionSummary } from '@/lib/providers/context';
import { getAssistant } from '@/lib/providers';
import { isStreamingAssistant, ProviderConfigError, ProviderError, type Generation, type StreamingAssistant } from '@/lib/providers/types';
import { validateClientMessageId, validateInstruction } from '@/lib/validation';
import { ownedSession, requireViewer, type Caller } from './access';
import { conflict, DomainError, ErrorCode, notFound } from './errors';
import { abortLocalGeneration, generationTimeoutMs, registerGeneration, ReplyWriter, staleAfterMs, STOPPED_REPLY, stoppedError } from './generations';
import { inputObject, requiredId, requiredString } from './inputs';
import { retitleSession, titleAfterEdits } from './sessionTitles';
import { serverAssistant } from './interpreter';
import { currentOrNewSession } from './sessions';
import { readTurnContext, turnContext } from './turn/context';
import { whileItExists } from './writes';

export type { InstructionResult };

const STALE_REPLY = 'This answer was interrupted (the server stopped while answering). Retry to ask again.';
const BUSY = 'CoDirector is still answering the previous instruction in this session. Wait for it, or stop it, and send again.';

/**
 * An instruction from the viewer into one of their sessions: stored, answered by the
 * assistant from exactly this session's context, its edits applied.
 *
 * Input: `sessionId`, `content`, `clientMessageId` (optional for the API; the web app sends
 * `clientMessageIdRequired`, since its retries depend on one), and `projectId` to scope the
 * session to a project. `sessionId: null` with a `projectId` means the viewer's current
 * session there, started if they have none.
 */
export async function sendInstruction(caller: Caller, raw: unknown, options: { clientMessageIdRequired?: boolean } = {}): Promise<InstructionResult> {
  const viewer = requireViewer(caller, 'WRITE');
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
  return whileItExists('session', () => runInstruction({ session, content, clientMessageId }, configuredAssistant()));
}

/**
 * The assistant ASSISTANT_PROVIDER names. A provider that cannot work (no key, bad URL) is
 * refused with its one-line reason, logged once, rather than an internal error per request.
 */
function configuredAssistant(): Assistant {
  try {
    return serverAssistant();
  } catch (error) {
    if (!(error instanceof ProviderConfigError)) throw error;
    if (!loggedConfigError) console.error(error.message);
    loggedConfigError = true;
    throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `CoDirector's assistant is not configured: ${error.message}`);
  }
}
let loggedConfigError = false;

export interface RunOptions {
  /** How long the assistant may take (ASSISTANT_TIMEOUT_MS). */
  timeoutMs?: number;
}

/**
 * Runs one instruction. A retry with the same clientMessageId returns the first result.
 *
 * An assistant that does no I/O (the interpreter) answers inside the transaction that stores
 * the instruction: it takes microseconds, and instructions sent to one session at the same
 * moment then queue on the session's lock and are answered in strict order.
 *
 * A streaming assistant (a model) runs in three phases, so no lock is held while it thinks:
 * (a) a short transaction stores the instruction and a `pending` reply and reads a snapshot;
 * (b) the model answers outside any transaction, its text streamed as `reply.delta` events,
 * within a timeout and stoppable; (c) a short transaction applies its edits, re-planning once
 * if the timeline changed under it. One generation per session at a time: another instruction
 * meanwhile is CONFLICT.
 */
export async function runInstruction(
  input: { session: Session; content: string; clientMessageId?: string | null },
  assistant: Assistant = getAssistant(),
  db: Executor = getDb(),
  options: RunOptions = {},
): Promise<InstructionResult> {
  if (!isStreamingAssistant(assistant)) return runInline(input, assistant, db);
  const begun = await beginGeneration(input, db, options);
  if ('result' in begun) return begun.result;
  return generateAndApply(begun, assistant, db, options);
}

/**
 * The whole instruction in one transaction: store, answer, apply. Under the locks, one statement
 * reads all it is decided on (db/instructions.ts readSessionState).
 */
async function runInline(
  input: { session: Session; content: string; clientMessageId?: string | null },
  assistant: Assistant,
  db: Executor,
): Promise<InstructionResult> {
  const { session, content } = input;
  const clientMessageId = input.clientMessageId ?? null;
  return inSessionTransaction(
    session,
    async (tx, project) => {
      const state = await readSessionState(session.id, tx);
      const earlier = clientMessageId ? retried(state.messages.find((message) => message.clientMessageId === clientMessageId) ?? null, content) : null;
      if (earlier) return loadInstructionResult(session.projectId, earlier, tx);
      if (state.messages.some(isActiveReply)) await refuseWhileGenerating(session, tx);
      const { context } = turnContext(state, null);
      const result = await assistant.respond({ timeline: state.timeline, context, instruction: content });

      const lastSeq = state.messages.at(-1)?.seq ?? 0;
      const userMessage = await insertMessageAt(session.id, lastSeq + 1, { role: 'user', content, clientMessageId }, tx);
      const scope = { session, messageId: userMessage.id, at: state.at, context, timeline: state.timeline };
      const applied = await applyActions(result.actions, scope, tx);
      const answer = await recordAnswer(
        {
          session,
          reply: { seq: lastSeq + 2, content: result.reply, replyToId: userMessage.id },
          instruction: content,
          retitle: applied.edits.length > 0 ? titleAfterEdits(editsAfter(state.edits, applied.edits), applied.timeline) : null,
          eventData: sentFrom(userMessage),
        },
        tx,
      );
      return {
        userMessage,
        reply: answer.reply,
        edits: applied.edits,
        timeline: applied.timeline,
        session: answer.session,
        project: applied.project ?? project,
      };
    },
    db,
  );
}

/** The session's edits once an instruction touched `touched`: in place when reverted or re-applied, new ones last (in the order made). */
function editsAfter(before: readonly Edit[], touched: readonly Edit[]): Edit[] {
  const touchedById = new Map(touched.map((edit) => [edit.id, edit]));
  const known = new Set(before.map((edit) => edit.id));
  return [...before.map((edit) => touchedById.get(edit.id) ?? edit), ...touched.filter((edit) => !known.has(edit.id))];
}

/** The event of an answered instruction. */
function answered(session: Session, userMessage: Message) {
  return { projectId: session.projectId, type: 'instruction.answered' as const, sessionId: session.id, data: sentFrom(userMessage) };
}

/** An answered instruction's event data: its clientMessageId lets the device that sent it skip a second refresh. */
function sentFrom(userMessage: Message): { clientMessageId: string } | null {
  return userMessage.clientMessageId ? { clientMessageId: userMessage.clientMessageId } : null;
}

/**
 * How every instruction on the streaming path begins, under the project's and the session's locks:
 * the earlier instruction this one retries (its first result is the answer), else a check that nothing is
 * still generating in the session.
 */
async function openInstruction(
  session: Session,
  clientMessageId: string | null,
  content: string,
  tx: Transaction,
  timeoutMs?: number,
): Promise<Message | null> {
  const earlier = await sentBefore(session, clientMessageId, content, tx);
  if (!earlier) await refuseWhileGenerating(session, tx, timeoutMs);
  return earlier;
}

/** The instruction this one retries: stored before with the same clientMessageId (its first result is the answer). */
async function sentBefore(session: Session, clientMessageId: string | null, content: string, tx: Transaction): Promise<Message | null> {
  if (!clientMessageId) return null;
  return retried(await findMessageByClientId(session.id, clientMessageId, tx), content);
}

/**
 * The earlier instruction with this one's clientMessageId, if any. The same id with other
 * content is a client reusing its key for a new instruction, which would otherwise be silently
 * dropped: refused, naming the field.
 */
function retried(earlier: Message | null, content: string): Message | null {
  if (earlier && earlier.content !== content) {
    throw new DomainError(
      ErrorCode.IDEMPOTENCY_KEY_REUSED,
      '`clientMessageId` was already used for a different instruction in this session. Send each new instruction with a new id; reuse one only to retry the same instruction.',
      'clientMessageId',
    );
  }
  return earlier;
}

/** Fails replies whose generation died, then refuses if one is still running. Under the session lock. */
export async function refuseWhileGenerating(session: Session, tx: Transaction, timeoutMs = generationTimeoutMs()): Promise<void> {
  // The common case, nothing generating, costs one indexed read.
  if (!(await findActiveReply(session.id, tx))) return;
  const failed = await failStaleReplies(session.id, staleAfterMs(timeoutMs), STALE_REPLY, tx);
  for (const reply of failed) await recordReplyFinished(session, reply, tx);
  if (await findActiveReply(session.id, tx)) throw conflict(BUSY);
}

interface Snapshot {
  session: Session;
  userMessage: Message;
  reply: Message;
  timeline: Clip[];
  context: SessionContext;
  messages: PromptMessage[];
  editLog: EditLogEntry[];
  summary: SessionSummary | null;
}

/** Phase (a): store the instruction and a pending reply, and read what the assistant answers from. */
async function beginGeneration(
  input: { session: Session; content: string; clientMessageId?: string | null },
  db: Executor,
  options: RunOptions,
): Promise<Snapshot | { result: InstructionResult }> {
  const { session, content } = input;
  const clientMessageId = input.clientMessageId ?? null;
  return inSessionTransaction(
    session,
    async (tx) => {
      const earlier = await openInstruction(session, clientMessageId, content, tx, options.timeoutMs);
      if (earlier) return { result: await loadInstructionResult(session.projectId, earlier, tx) };
      const snapshot = await readTurnContext(session.id, null, tx);
      const userMessage = await insertNextMessage(session.id, { role: 'user', content, clientMessageId }, tx);
      const reply = await insertNextMessage(session.id, { role: 'assistant', content: '', replyToId: userMessage.id, status: 'pending' }, tx);
      await recordProjectEvent({ projectId: session.projectId, type: 'reply.started', sessionId: session.id, messageId: reply.id }, tx);
      return { ...snapshot, session, userMessage, reply };
    },
    db,
  );
}

/** Phases (b) and (c): answer outside any transaction, then apply in a short one. */
async function generateAndApply(snapshot: Snapshot, assistant: StreamingAssistant, db: Executor, options: RunOptions): Promise<InstructionResult> {
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? generationTimeoutMs();
  const writer = new ReplyWriter(snapshot.session, snapshot.reply.id, () => controller.abort(stoppedError()), db);
  const timer = setTimeout(
    () => controller.abort(new ProviderError('timeout', 'The model took too long to answer, so I stopped waiting. Nothing was changed. Try again.')),
    timeoutMs,
  );
  let settle: () => void = () => undefined;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  const unregister = registerGeneration(snapshot.reply.id, controller, settled);
  try {
    let generation: Generation;
    try {
      generation = await raceAbort(
        assistant.generate(
          {
            timeline: snapshot.timeline,
            context: snapshot.context,
            editLog: snapshot.editLog,
            messages: snapshot.messages,
            summary: snapshot.summary,
            instruction: snapshot.userMessage.content,
          },
          { signal: controller.signal, onText: (delta) => writer.append(delta) },
        ),
        controller.signal,
      );
    } catch (error) {
      clearTimeout(timer);
      await writer.close();
      return await finishWithoutEdits(snapshot, writer.textSoFar, asProviderError(error, controller.signal), db);
    }
    clearTimeout(timer);
    await writer.close();
    return await applyGeneration(snapshot, assistant, generation, db);
  } finally {
    clearTimeout(timer);
    unregister();
    settle();
  }
}

/** Why the signal aborted: the Error it was aborted with (a stop or a timeout), or one wrapping anything else. */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error('The generation was aborted.', { cause: reason });
}

/** Settles as soon as the signal aborts, even if the provider ignores it. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function asProviderError(error: unknown, signal: AbortSignal): ProviderError {
  if (signal.aborted && signal.reason instanceof ProviderError) return signal.reason;
  if (error instanceof ProviderError) return error;
  return new ProviderError('unavailable', 'The assistant failed while answering. Nothing was changed. Try again.', { cause: error });
}

/** Phase (c) after a failure or a stop: the text so far stays, with why it ended. */
async function finishWithoutEdits(snapshot: Snapshot, textSoFar: string, error: ProviderError, db: Executor): Promise<InstructionResult> {
  const { session } = snapshot;
  return inSessionTransaction(
    session,
    async (tx) => {
      const stopped = error.kind === 'stopped';
      const text = textSoFar.trim();
      const content = stopped ? text || STOPPED_REPLY : text ? `${text}\n\n${error.reply}` : error.reply;
      const reply = await updateReply(snapshot.reply.id, { content, status: stopped ? 'stopped' : 'failed' }, tx);
      await recordReplyFinished(session, reply, tx);
      await recordProjectEvent(answered(session, snapshot.userMessage), tx);
      return { userMessage: snapshot.userMessage, reply, edits: [], timeline: await getTimeline(session.projectId, tx) };
    },
    db,
  );
}

/**
 * Phase (c): applies the generation's edits to the timeline as it is now. Operations carry the
 * values they expect, so a timeline changed during the generation is detected; the tool calls are
 * then planned once more against the new timeline, and if that fails too the reply says so and
 * nothing is edited. A stop requested meanwhile wins: no edit.
 */
async function applyGeneration(snapshot: Snapshot, assistant: StreamingAssistant, generation: Generation, db: Executor): Promise<InstructionResult> {
  const { session, userMessage } = snapshot;
  return inSessionTransaction(
    session,
    async (tx) => {
      const current = await getMessageById(snapshot.reply.id, tx);
      if (!current) throw notFound('message');
      if (current.stopRequestedAt || current.status === 'stopped' || current.status === 'failed') {
        const status = current.status === 'failed' ? 'failed' : 'stopped';
        const reply = await updateReply(current.id, { status, content: current.content || STOPPED_REPLY }, tx);
        await recordReplyFinished(session, reply, tx);
        return { userMessage, reply, edits: [], timeline: await getTimeline(session.projectId, tx) };
      }
      const state = await readSessionState(session.id, tx);
      const { at, timeline } = state;
      const { context } = turnContext(state, userMessage.seq);
      let result: AssistantResult = assistant.plan(generation, snapshot.timeline, snapshot.context);
      let applied: { timeline: Clip[]; pending: PendingEdit[] } | null = tryActions(result.actions, timeline, context);
      if (!applied) {
        result = assistant.plan(generation, timeline, context);
        applied = tryActions(result.actions, timeline, context);
        if (!applied) {
          result = { reply: `${generation.reply.trim()}\n\nThe timeline changed while I was answering, so I made no edit. Ask again.`.trim(), actions: [] };
          applied = { timeline, pending: [] };
        }
      }
      const written = await writeEdits(applied.pending, { session, messageId: userMessage.id, at }, tx);
      if (written.length > 0) {
        await saveTimeline(session.projectId, timeline, applied.timeline, tx);
      }
      if (generation.folded && generation.summary) await saveSessionSummary(session.id, generation.summary.text, generation.summary.throughSeq, tx);
      const reply = await updateReply(current.id, { content: result.reply, status: 'done' }, tx);
      await recordReplyFinished(session, reply, tx);
      if (written.length > 0) await retitleSession(session, tx, { timeline: applied.timeline, clientMessageId: userMessage.clientMessageId });
      await recordProjectEvent(answered(session, userMessage), tx);
      return { userMessage, reply, edits: written, timeline: applied.timeline };
    },
    db,
  );
}

type PendingEdit = { action: AssistantAction; stored?: SessionEdit };

/** The timeline after the actions, or null when they no longer fit it (a conflict). */
function tryActions(actions: readonly AssistantAction[], timeline: Timeline, context: SessionContext): { timeline: Clip[]; pending: PendingEdit[] } | null {
  const stored = new Map(context.edits.map((edit) => [edit.id, edit]));
  let current: Clip[] = [...timeline];
  const pending: PendingEdit[] = [];
  try {
    for (const action of actions) {
      if (action.type === 'apply') {
        current = applyOperations(current, action.edit.operations);
        pending.push({ action });
        continue;
      }
      const edit = stored.get(action.editId);
      if (!edit || (action.type === 'revert') === (edit.revertedAt !== null)) return null;
      current = applyOperations(current, action.type === 'revert' ? edit.inverse : edit.operations);
      pending.push({ action, stored: edit });
    }
  } catch (error) {
    if (error instanceof TimelineConflictError) return null;
    throw error;
  }
  return { timeline: current, pending };
}

async function writeEdits(pending: readonly PendingEdit[], scope: { session: Session; messageId: string; at: Date }, tx: Transaction): Promise<Edit[]> {
  const written: Edit[] = [];
  for (const [position, { action }] of pending.entries()) {
    written.push(await recordEditTouch(touchOf(action, scope.session), { messageId: scope.messageId, position }, scope.at, tx));
  }
  return written;
}

/** What an assistant's action does to the session's edits. */
function touchOf(action: AssistantAction, session: Session): EditTouch {
  return action.type === 'apply' ? { type: 'make', projectId: session.projectId, sessionId: session.id, edit: action.edit } : action;
}

async function recordReplyFinished(session: Pick<Session, 'id' | 'projectId'>, reply: Message, tx: Transaction): Promise<void> {
  await recordProjectEvent(
    { projectId: session.projectId, type: 'reply.finished', sessionId: session.id, messageId: reply.id, data: { status: reply.status } },
    tx,
  );
}

interface ActionScope {
  session: Session;
  messageId: string;
  at: Date;
  context: SessionContext;
  timeline: Clip[];
}

/** Applies the interpreter's actions inside its transaction; a conflict here is a bug and rolls everything back. */
async function applyActions(
  actions: readonly AssistantAction[],
  scope: ActionScope,
  tx: Transaction,
): Promise<{ timeline: Clip[]; edits: Edit[]; project: Project | null }> {
  const storedEdits = new Map(scope.context.edits.map((edit) => [edit.id, edit]));
  let current: Clip[] = [...scope.timeline];
  const touched: Edit[] = [];
  for (const action of actions) {
    if (action.type === 'apply') {
      current = applyOperations(current, action.edit.operations);
    } else {
      const stored = storedEdits.get(action.editId);
      if (!stored) throw new Error(`The assistant referred to edit ${action.editId}, which is not part of this session.`);
      current = applyOperations(current, action.type === 'revert' ? stored.inverse : stored.operations);
    }
    touched.push(await recordEditTouch(touchOf(action, scope.session), { messageId: scope.messageId, position: touched.length }, scope.at, tx));
  }
  if (touched.length === 0) return { timeline: current, edits: touched, project: null };
  const project = await saveTimeline(scope.session.projectId, scope.timeline, current, tx);
  return { timeline: current, edits: touched, project };
}

/** The viewer's message and, for an instruction, its reply: what stop and retry act on. */
async function ownedReply(caller: Caller, raw: unknown): Promise<{ session: Session; reply: Message }> {
  const viewer = requireViewer(caller, 'WRITE');
  const input = inputObject(raw);
  const messageId = requiredId(input.messageId, 'messageId', 'message');
  const [message] = await getOwnedMessages(viewer.user.id, [messageId]);
  if (!message) throw notFound('message');
  const session = await ownedSession(viewer, message.sessionId);
  if (message.role === 'assistant') return { session, reply: message };
  const history = await getAllMessages(session.id);
  const reply = history.find((candidate) => candidate.replyToId === message.id);
  if (!reply) throw notFound('message');
  return { session, reply };
}

/**
 * Ends a generation: on this instance at once, on another within a moment (it reads the flag
 * between chunks). The reply keeps the text so far and becomes `stopped`; no edit is made. A reply
 * that already ended is returned as it is.
 */
export async function stopGeneration(caller: Caller, raw: unknown): Promise<Message> {
  const { reply } = await ownedReply(caller, raw);
  if (reply.status !== 'pending' && reply.status !== 'streaming') return reply;
  await requestStop(reply.id);
  await abortLocalGeneration(reply.id);
  return (await getMessageById(reply.id)) ?? reply;
}

/**
 * Runs a failed or stopped instruction again, into the same reply. A reply that is done is
 * returned as it is (a retry never answers twice); one still generating is CONFLICT.
 */
export async function retryMessage(caller: Caller, raw: unknown, assistant?: Assistant, options: RunOptions = {}): Promise<InstructionResult> {
  const { session, reply } = await ownedReply(caller, raw);
  const chosen = assistant ?? configuredAssistant();
  const streaming: StreamingAssistant = isStreamingAssistant(chosen) ? chosen : asStreaming(chosen);
  const db = getDb();
  const begun = await whileItExists('session', () =>
    inSessionTransaction(
      session,
      async (tx): Promise<Snapshot | { result: InstructionResult }> => {
        await failStaleReplies(session.id, staleAfterMs(options.timeoutMs), STALE_REPLY, tx);
        const current = await getMessageById(reply.id, tx);
        const userMessage = current?.replyToId ? await getMessageById(current.replyToId, tx) : null;
        if (!current || !userMessage) throw notFound('message');
        if (current.status === 'done') return { result: await loadInstructionResult(session.projectId, userMessage, tx) };
        if (current.status === 'pending' || current.status === 'streaming' || (await findActiveReply(session.id, tx))) throw conflict(BUSY);
        const snapshot = await readTurnContext(session.id, userMessage.seq, tx);
        const restarted = await updateReply(current.id, { content: '', status: 'pending', restart: true }, tx);
        await recordProjectEvent({ projectId: session.projectId, type: 'reply.started', sessionId: session.id, messageId: restarted.id }, tx);
        return { ...snapshot, session, userMessage, reply: restarted };
      },
      db,
    ),
  );
  if ('result' in begun) return begun.result;
  return generateAndApply(begun, streaming, db, options);
}

/** An assistant that answers whole (the interpreter) on the streaming path: its reply is one chunk. */
function asStreaming(assistant: Assistant): StreamingAssistant {
  const answers = new WeakMap<Generation, AssistantResult>();
  return {
    name: assistant.name,
    streams: true,
    respond: (input) => assistant.respond(input),
    async generate(input, { onText }) {
      const result = await assistant.respond({ timeline: input.timeline, context: input.context, instruction: input.instruction });
      onText(result.reply);
      const generation: Generation = { reply: '', toolCalls: [], summary: null, folded: false };
      answers.set(generation, result);
      return generation;
    },
    plan: (generation) => answers.get(generation) ?? { reply: '', actions: [] },
    // Its summaries are the deterministic lines.
    summarizeFold: () => Promise.resolve(null),
  };
}
