import type { Transaction } from '@/db/client';
import { recordProjectEvent } from '@/db/events';
import {
  countAppendedMessages,
  failStaleReplies,
  findActiveReply,
  insertMessageAt,
  isActiveReply,
  loadInstructionResult,
  updateReply,
  type InstructionResult,
} from '@/db/messages';
import type { Message, Session } from '@/db/schema';
import { readSessionState, type SessionState } from '@/db/sessions';
import { conflict, DomainError, ErrorCode, notFound } from '../errors';
import { generationTimeoutMs, staleAfterMs } from '../generations';
import { turnContext } from './context';
import { recordReplyFinished } from './events';
import type { Turn, TurnStart } from './types';

const STALE_REPLY = 'This answer was interrupted (the server stopped while answering). Retry to ask again.';
const BUSY = 'CoDirector is still answering the previous instruction in this session. Wait for it, or stop it, and send again.';

export interface BeginOptions {
  /** The turn is answered and applied in this same transaction (a synchronous assistant). */
  oneTransaction: boolean;
  /** How long a generation may take: replies pending for longer belong to a dead server. */
  timeoutMs?: number;
}

/** A turn begun, or the stored result of the one this request repeats. */
export type Begun = { turn: Turn } | { replayed: InstructionResult };

/**
 * The `begin` stage, under the project's and the session's locks (db/transaction.ts): one read of
 * the session, the request it repeats (its first result is the answer), the refusal while another
 * reply is being generated, then the instruction and, across transactions, its pending reply.
 */
export async function beginTurn(start: TurnStart, tx: Transaction, options: BeginOptions): Promise<Begun> {
  const state = await readSessionState(start.session.id, tx);
  return start.kind === 'retry' ? beginRetry(start, state, tx, options) : beginInstruction(start, state, tx, options);
}

async function beginInstruction(
  start: Extract<TurnStart, { kind: 'instruction' }>,
  state: SessionState,
  tx: Transaction,
  options: BeginOptions,
): Promise<Begun> {
  const { session, content, clientMessageId } = start;
  const earlier = clientMessageId
    ? repeated(
        state.messages.find((message) => message.clientMessageId === clientMessageId),
        content,
      )
    : undefined;
  if (earlier) return { replayed: await loadInstructionResult(session.projectId, earlier, tx) };
  if (state.messages.some(isActiveReply)) await refuseWhileGenerating(session, tx, options.timeoutMs);

  const lastSeq = state.messages.at(-1)?.seq ?? 0;
  const userMessage = await insertMessageAt(session.id, lastSeq + 1, { role: 'user', content, clientMessageId }, tx);
  const turn = { session, userMessage, state, context: turnContext(state, userMessage.seq), oneTransaction: options.oneTransaction };
  // In one transaction the reply and the session's count are written last, in one statement (db/messages/answer.ts recordAnswer).
  if (options.oneTransaction) return { turn: { ...turn, reply: { kind: 'new', seq: lastSeq + 2 } } };
  await countAppendedMessages(session.id, 2, content, tx);
  const pending = await insertMessageAt(session.id, lastSeq + 2, { role: 'assistant', content: '', replyToId: userMessage.id, status: 'pending' }, tx);
  await recordReplyStarted(session, pending, tx);
  return { turn: { ...turn, reply: { kind: 'stored', message: pending } } };
}

/** A failed or stopped reply, answered again into the same message. One that is done is returned as it is: a retry never answers twice. */
async function beginRetry(start: Extract<TurnStart, { kind: 'retry' }>, state: SessionState, tx: Transaction, options: BeginOptions): Promise<Begun> {
  const { session } = start;
  const reply = state.messages.find((message) => message.id === start.replyId);
  const userMessage = reply?.replyToId ? state.messages.find((message) => message.id === reply.replyToId) : undefined;
  if (!reply || !userMessage) throw notFound('message');
  if (reply.status === 'done') return { replayed: await loadInstructionResult(session.projectId, userMessage, tx) };
  if (state.messages.some(isActiveReply)) await refuseWhileGenerating(session, tx, options.timeoutMs);

  const restarted = await updateReply(reply.id, { content: '', status: 'pending', restart: true }, tx);
  await recordReplyStarted(session, restarted, tx);
  const context = turnContext(state, userMessage.seq);
  return { turn: { session, userMessage, state, context, oneTransaction: options.oneTransaction, reply: { kind: 'stored', message: restarted } } };
}

/**
 * The earlier instruction with this one's clientMessageId, if any. The same id with other
 * content is a client reusing its key for a new instruction, which would otherwise be silently
 * dropped: refused, naming the field.
 */
function repeated(earlier: Message | undefined, content: string): Message | undefined {
  if (earlier && earlier.content !== content) {
    throw new DomainError(
      ErrorCode.IDEMPOTENCY_KEY_REUSED,
      '`clientMessageId` was already used for a different instruction in this session. Send each new instruction with a new id; reuse one only to retry the same instruction.',
      'clientMessageId',
    );
  }
  return earlier;
}

/** Fails replies whose generation died with its server, then refuses if one is still running. Under the session lock. */
export async function refuseWhileGenerating(session: Pick<Session, 'id' | 'projectId'>, tx: Transaction, timeoutMs = generationTimeoutMs()): Promise<void> {
  // The common case, nothing generating, costs one indexed read.
  if (!(await findActiveReply(session.id, tx))) return;
  const failed = await failStaleReplies(session.id, staleAfterMs(timeoutMs), STALE_REPLY, tx);
  for (const reply of failed) await recordReplyFinished(session, reply, tx);
  if (await findActiveReply(session.id, tx)) throw conflict(BUSY);
}

async function recordReplyStarted(session: Pick<Session, 'id' | 'projectId'>, reply: Message, tx: Transaction): Promise<void> {
  await recordProjectEvent({ projectId: session.projectId, type: 'reply.started', sessionId: session.id, messageId: reply.id }, tx);
}
