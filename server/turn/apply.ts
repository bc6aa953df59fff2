import type { Transaction } from '@/db/client';
import { recordEditTouch, type EditTouch } from '@/db/edits';
import { getMessageById, recordAnswer, updateReply, type InstructionResult } from '@/db/messages';
import type { Edit, Message, Project, Session } from '@/db/schema';
import { readSessionState, saveSessionSummary } from '@/db/sessions';
import { getTimeline, saveTimeline } from '@/db/projects';
import type { AssistantAction, Clip, SessionContext, SessionEdit, Timeline } from '@/lib/assistant/types';
import type { AutomaticTitle } from '@/lib/sessionTitles';
import { applyOperations, TimelineConflictError } from '@/lib/timeline/operations';
import { notFound } from '../errors';
import { STOPPED_REPLY } from '../generations';
import { applyAutomaticTitle, titleAfterEdits } from '../sessionTitles';
import { turnContext } from './context';
import { recordInstructionAnswered, recordReplyFinished, sentFrom } from './events';
import type { Answer, Answered, Turn } from './types';

const TIMELINE_MOVED = 'The timeline changed while I was answering, so I made no edit. Ask again.';

type PendingEdit = { action: AssistantAction; stored?: SessionEdit };
interface FittedEdits {
  reply: string;
  timeline: Clip[];
  pending: PendingEdit[];
}

/**
 * The `apply` stage, in one short transaction under the session's locks (`project` as locked):
 * the timeline as it is now, the answer's edits if they still fit it (else planned once more
 * against it, else none and the reply says so), then the edits, the timeline, the reply, the title
 * and the events. A stop requested meanwhile wins: no edit.
 */
export async function applyTurn(turn: Turn, answer: Answer, tx: Transaction, project: Project): Promise<InstructionResult> {
  if (answer.kind === 'ended') return endWithoutEdits(turn, answer, tx);
  const stop = await stopRequested(turn, tx);
  if (stop) return endWithoutEdits(turn, stop, tx);

  const state = turn.oneTransaction ? turn.state : await readSessionState(turn.session.id, tx);
  const context = turn.oneTransaction ? turn.context.context : turnContext(state, turn.userMessage.seq).context;
  const fitted = await fitEdits(answer, state.timeline, context, turn.oneTransaction);
  const edits = await writeEdits(fitted.pending, turn, state.at, tx);
  const saved = edits.length > 0 ? await saveTimeline(turn.session.projectId, state.timeline, fitted.timeline, tx) : project;
  if (answer.fold) await saveSessionSummary(turn.session.id, answer.fold.text, answer.fold.throughSeq, tx);
  const retitle = edits.length > 0 ? titleAfterEdits(editsAfter(state.edits, edits), fitted.timeline) : null;
  const written = await writeReply(turn, fitted.reply, retitle, tx);
  return { userMessage: turn.userMessage, reply: written.reply, edits, timeline: fitted.timeline, session: written.session, project: saved };
}

/** The reply stored at `begin`, asked to stop (or ended) while the assistant answered: how it ends. */
async function stopRequested(turn: Turn, tx: Transaction): Promise<(Answer & { kind: 'ended' }) | null> {
  if (turn.reply.kind !== 'stored') return null;
  const current = await getMessageById(turn.reply.message.id, tx);
  if (!current) throw notFound('message');
  if (!current.stopRequestedAt && current.status !== 'stopped' && current.status !== 'failed') return null;
  return { kind: 'ended', status: current.status === 'failed' ? 'failed' : 'stopped', content: current.content || STOPPED_REPLY };
}

/** A failure or a stop: the reply keeps its text with why it ended; nothing is edited. */
async function endWithoutEdits(turn: Turn, answer: Answer & { kind: 'ended' }, tx: Transaction): Promise<InstructionResult> {
  if (turn.reply.kind !== 'stored') throw new Error('Only a turn answered outside a transaction ends without an answer.');
  const reply = await updateReply(turn.reply.message.id, { content: answer.content, status: answer.status }, tx);
  await recordReplyFinished(turn.session, reply, tx);
  await recordInstructionAnswered(turn.session, turn.userMessage, reply, tx);
  return { userMessage: turn.userMessage, reply, edits: [], timeline: await getTimeline(turn.session.projectId, tx) };
}

/**
 * Operations carry the values they expect, so edits planned against a timeline that changed since
 * are detected. In one transaction nothing can change it: a misfit there is a bug, and rolls back.
 */
async function fitEdits(answer: Answered, timeline: Clip[], context: SessionContext, oneTransaction: boolean): Promise<FittedEdits> {
  const fitted = tryActions(answer.result.actions, timeline, context);
  if (fitted) return { reply: answer.result.reply, ...fitted };
  if (oneTransaction) throw new Error('The assistant planned edits that do not fit the timeline it was given.');
  const replanned = await answer.replan(timeline, context);
  const refitted = tryActions(replanned.actions, timeline, context);
  if (refitted) return { reply: replanned.reply, ...refitted };
  return { reply: `${answer.said}\n\n${TIMELINE_MOVED}`.trim(), timeline, pending: [] };
}

/** The timeline after the actions, or null when they no longer fit it (a conflict). */
function tryActions(actions: readonly AssistantAction[], timeline: Timeline, context: SessionContext): Omit<FittedEdits, 'reply'> | null {
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

async function writeEdits(pending: readonly PendingEdit[], turn: Turn, at: Date, tx: Transaction): Promise<Edit[]> {
  const written: Edit[] = [];
  for (const [position, { action }] of pending.entries()) {
    written.push(await recordEditTouch(touchOf(action, turn.session), { messageId: turn.userMessage.id, position }, at, tx));
  }
  return written;
}

/** What an assistant's action does to the session's edits. */
function touchOf(action: AssistantAction, session: Session): EditTouch {
  return action.type === 'apply' ? { type: 'make', projectId: session.projectId, sessionId: session.id, edit: action.edit } : action;
}

/** The session's edits once an instruction touched `touched`: in place when reverted or re-applied, new ones last (in the order made). */
function editsAfter(before: readonly Edit[], touched: readonly Edit[]): Edit[] {
  const touchedById = new Map(touched.map((edit) => [edit.id, edit]));
  const known = new Set(before.map((edit) => edit.id));
  return [...before.map((edit) => touchedById.get(edit.id) ?? edit), ...touched.filter((edit) => !known.has(edit.id))];
}

/**
 * The reply, the title and the events. A new reply is one statement with the session's count,
 * title and events (db/messages/answer.ts recordAnswer); a stored one is completed, then announced.
 */
async function writeReply(turn: Turn, content: string, retitle: AutomaticTitle | null, tx: Transaction): Promise<{ reply: Message; session?: Session }> {
  const { session, userMessage } = turn;
  if (turn.reply.kind === 'new') {
    const reply = { seq: turn.reply.seq, content, replyToId: userMessage.id };
    return recordAnswer({ session, reply, instruction: userMessage.content, retitle, eventData: sentFrom(userMessage) }, tx);
  }
  const reply = await updateReply(turn.reply.message.id, { content, status: 'done' }, tx);
  await recordReplyFinished(session, reply, tx);
  if (retitle) await applyAutomaticTitle(session, retitle, tx, { clientMessageId: userMessage.clientMessageId });
  await recordInstructionAnswered(session, userMessage, reply, tx);
  return { reply };
}
