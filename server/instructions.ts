import { getDb, type Executor } from '@/db/client';
import { getAllMessages, getMessageById, getOwnedMessages, requestStop, type InstructionResult } from '@/db/messages';
import type { Message, Session } from '@/db/schema';
import type { Assistant } from '@/lib/assistant/types';
import { getAssistant } from '@/lib/providers';
import { ProviderConfigError } from '@/lib/providers/types';
import { validateClientMessageId, validateInstruction } from '@/lib/validation';
import { ownedSession, requireViewer, type Caller } from './access';
import { DomainError, ErrorCode, notFound } from './errors';
import { abortLocalGeneration } from './generations';
import { inputObject, requiredId, requiredString } from './inputs';
import { serverAssistant } from './interpreter';
import { currentOrNewSession } from './sessions';
import { runTurn } from './turn/pipeline';
import { whileItExists } from './writes';

export type { InstructionResult };

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

/**
 * Runs one instruction through the turn pipeline (server/turn/pipeline.ts). A retry with the same
 * clientMessageId returns the first result.
 */
export async function runInstruction(
  input: { session: Session; content: string; clientMessageId?: string | null },
  assistant: Assistant = getAssistant(),
  db: Executor = getDb(),
  options: { timeoutMs?: number } = {},
): Promise<InstructionResult> {
  const start = { kind: 'instruction' as const, session: input.session, content: input.content, clientMessageId: input.clientMessageId ?? null };
  return runTurn(start, assistant, { db, timeoutMs: options.timeoutMs });
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
export async function retryMessage(caller: Caller, raw: unknown, assistant?: Assistant, options: { timeoutMs?: number } = {}): Promise<InstructionResult> {
  const { session, reply } = await ownedReply(caller, raw);
  const chosen = assistant ?? configuredAssistant();
  return whileItExists('session', () => runTurn({ kind: 'retry', session, replyId: reply.id }, chosen, options));
}
