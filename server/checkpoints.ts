import { getDb, type Executor, type Transaction } from '@/db/client';
import {
  hasUnrecordedEditsAfter,
  historyHead,
  insertProjectEdit,
  listStepsFrom,
  markRevertedBy,
  recordEditTouch,
  recordTimelineStep,
  transactionClock,
  type HistoryStep,
} from '@/db/edits';
import { RowNotFoundError } from '@/db/errors';
import { recordProjectEvent } from '@/db/events';
import { copyConversation, findReply, getMessageById, getOwnedMessages, historyBoundaryAfter, insertNextMessage } from '@/db/messages';
import type { Edit, Message, Session } from '@/db/schema';
import { createBranchSession, getOwnedSessions, sessionsByIds, setCurrentSession, type SessionLeft } from '@/db/sessions';
import { getTimeline, saveTimeline } from '@/db/projects';
import { inSessionTransaction } from '@/db/transaction';
import { invertOperations } from '@/lib/timeline/operations';
import { quote } from '@/lib/timeline/describe';
import type { Clip, Operation } from '@/lib/assistant/types';
import { applyRestore, describeTimelineChanges, restoreOperations, sameTimeline, summarizeChanges, type TimelineChange } from '@/lib/checkpoints';
import { DEFAULT_DATE_SETTINGS, fullDate, type DateSettings } from '@/lib/dates';
import { ownedSession, requireViewer, type Caller } from './access';
import { badInput, conflict, notFound } from './errors';
import { inputObject, requiredId } from './inputs';
import { retitleSession } from './sessionTitles';
import { currentOrNewSession } from './sessions';
import type { TokenScope } from '@/lib/auth/tokenScopes';
import { whileItExists } from './writes';

/**
 * Checkpoints and forks (issue #17). The timeline is the project's: its history is every step
 * (an edit applied, undone or redone) from any session, in commit order (db/edits/history.ts).
 * The timeline right after an instruction is the current one with every later step reverted,
 * newest first; restoring records that as one edit of its own, which "undo" can revert.
 */

export interface TimelineRestorePreview {
  /** The instruction whose moment the timeline goes back to, and its session. */
  message: Message;
  session: Session;
  /** The history version the preview was computed at; pass it to restoreTimeline to refuse if anything changed since. */
  basis: string;
  changes: TimelineChange[];
  summary: string;
  /** The timeline the restore would leave. */
  timeline: Clip[];
  /** How many later steps (edits, undos, redos) it reverts, and the sessions that made them. */
  revertedStepCount: number;
  sessions: Session[];
}

export interface TimelineRestoreResult extends TimelineRestorePreview {
  /** The restore's own edit. */
  edit: Edit;
  /** The session it is recorded in (the viewer's current one). */
  recordedIn: Session;
  userMessage: Message;
  reply: Message;
  /** The edits whose effect the restore reverted, as they are after it. */
  revertedEdits: Edit[];
}

export interface ForkResult extends SessionLeft {
  session: Session;
  /** Present when the timeline was restored in the same step. */
  restore: { edit: Edit; changes: TimelineChange[] } | null;
  timeline: Clip[];
}

/** What the timeline would become if restored to right after an instruction; changes nothing. */
export async function previewTimelineRestore(caller: Caller, raw: unknown): Promise<TimelineRestorePreview> {
  const { message, session } = await instructionFromInput(caller, raw, 'READ');
  return planRestore(message, session, getDb());
}

/**
 * Restores the timeline to right after an instruction in one step, recorded in the viewer's
 * current session as an instruction of its own, so "undo that" there brings the later state back.
 * CONFLICT when the history moved on since `basis` (by default: since this request read it), or
 * when a clip no longer matches what its history expects (`details.clips`); nothing is written then.
 */
export async function restoreTimeline(caller: Caller, raw: unknown): Promise<TimelineRestoreResult> {
  const viewer = requireViewer(caller, 'WRITE');
  const input = inputObject(raw);
  const { message, session } = await instructionFromInput(caller, input, 'WRITE');
  const expectedHead = input.basis == null ? await historyHead(session.projectId) : parseBasis(input.basis);
  const recordIn = await currentOrNewSession(caller, session.projectId);
  return whileItExists('message', () =>
    inSessionTransaction(recordIn, async (tx) => {
      const fresh = await reloadInstruction(message, tx);
      const head = await historyHead(session.projectId, tx);
      if (head !== expectedHead) {
        throw conflict('The timeline changed since this restore was prepared (on this or another device). Preview it again.', { clips: [] });
      }
      const plan = await planRestore(fresh, session, tx);
      if (sameTimeline(plan.current, plan.timeline)) {
        throw badInput('messageId', 'The timeline is already as it was right after that instruction.');
      }
      const at = await transactionClock(tx);
      const label = momentLabel(fresh);
      const userMessage = await insertNextMessage(recordIn.id, { role: 'user', content: `Restore the timeline to ${label}` }, tx);
      const edit = await recordEditTouch(
        { type: 'make', projectId: session.projectId, sessionId: recordIn.id, edit: restoreEdit(plan, label) },
        { messageId: userMessage.id, position: 0 },
        at,
        tx,
      );
      const revertedEdits = await writeRestore(plan, edit, tx);
      const reply = await insertNextMessage(recordIn.id, { role: 'assistant', content: restoreReply(plan, fresh), replyToId: userMessage.id }, tx);
      await retitleSession(recordIn, tx, { timeline: plan.timeline });
      await recordProjectEvent({ projectId: session.projectId, type: 'timeline.restored', sessionId: recordIn.id, userId: viewer.user.id }, tx);
      const [recordedIn = recordIn] = await getOwnedSessions(viewer.user.id, [recordIn.id], tx);
      return { ...plan, edit, recordedIn, userMessage, reply, revertedEdits };
    }),
  );
}

/**
 * A new session whose conversation is a copy of the instruction's session up to and including
 * that instruction and its reply, with the edits those instructions made as they stood then, so
 * the assistant's context in the branch is exactly that. It becomes the viewer's current session.
 * With `restoreTimeline` (default) the timeline goes back to that moment in the same step, as a
 * project-level edit outside the branch's context: "undo that" in the branch means the branch's
 * last copied edit. The original session is untouched.
 */
export async function forkSession(caller: Caller, raw: unknown): Promise<ForkResult> {
  const viewer = requireViewer(caller, 'WRITE');
  const input = inputObject(raw);
  if (input.restoreTimeline != null && typeof input.restoreTimeline !== 'boolean') {
    throw badInput('restoreTimeline', '`restoreTimeline` must be true or false.');
  }
  const restore = input.restoreTimeline !== false;
  const { message, session: source } = await instructionFromInput(caller, input, 'WRITE');
  return whileItExists('message', () =>
    inSessionTransaction(source, async (tx) => {
      const fresh = await reloadInstruction(message, tx);
      const boundary = await historyBoundaryAfter(fresh, tx);
      const reply = await findReply(fresh, tx);
      const branch = await createBranchSession({ source, message: fresh, createdById: viewer.user.id }, tx);
      await copyConversation({ source, branch, lastSeq: reply?.seq ?? fresh.seq, boundary }, tx);

      let restored: ForkResult['restore'] = null;
      let timeline: Clip[] | null = null;
      if (restore) {
        const plan = await planRestore(fresh, source, tx);
        timeline = plan.timeline;
        if (!sameTimeline(plan.current, plan.timeline)) {
          const at = await transactionClock(tx);
          // A fork's restore belongs to no session's context: "undo that" in the branch means its last copied edit.
          const edit = await insertProjectEdit({ projectId: source.projectId, edit: restoreEdit(plan, `${momentLabel(fresh)} (branch)`), at }, tx);
          await writeRestore(plan, edit, tx);
          await recordTimelineStep(edit, { sessionId: branch.id, messageId: null }, tx);
          await recordProjectEvent({ projectId: source.projectId, type: 'timeline.restored', sessionId: branch.id, userId: viewer.user.id }, tx);
          restored = { edit, changes: plan.changes };
        }
      }
      // The branch's title says what its copy of the conversation did, not what the original went on to do.
      await retitleSession(branch, tx, { ...(timeline ? { timeline } : {}), announce: false });
      const left = await setCurrentSession(viewer.user.id, source.projectId, branch.id, tx);
      await recordProjectEvent({ projectId: source.projectId, type: 'session.forked', sessionId: branch.id, userId: viewer.user.id }, tx);
      const [session = branch] = await getOwnedSessions(viewer.user.id, [branch.id], tx);
      return { session, ...left, restore: restored, timeline: timeline ?? (await getTimeline(source.projectId, tx)) };
    }),
  );
}

interface RestorePlan extends TimelineRestorePreview {
  current: Clip[];
  operations: Operation[];
  later: HistoryStep[];
}

/** The restore computed against the timeline and history as `db` sees them; CONFLICT (with the clips) when they disagree. */
async function planRestore(message: Message, session: Session, db: Executor): Promise<RestorePlan> {
  const boundary = await historyBoundaryAfter(message, db);
  if (await hasUnrecordedEditsAfter(session.projectId, message, db)) {
    throw conflict('The timeline cannot be restored that far back: some later edits were made before its history was recorded.', { clips: [] });
  }
  const [later, current, head] = await Promise.all([
    listStepsFrom(session.projectId, boundary, db),
    getTimeline(session.projectId, db),
    historyHead(session.projectId, db),
  ]);
  const operations = restoreOperations(later);
  const outcome = applyRestore(current, operations);
  if (!outcome.ok) {
    const names = outcome.clips.map((clip) => quote(clip.name)).join(', ');
    throw conflict(`The timeline cannot be restored: ${names} no longer match${outcome.clips.length === 1 ? 'es' : ''} its history. ${outcome.message}`, {
      clips: outcome.clips,
    });
  }
  const sessionIds = [...new Set(later.map((step) => step.sessionId).filter((id): id is string => id !== null))];
  const sessions = await sessionsByIds(sessionIds, db);
  const changes = describeTimelineChanges(current, outcome.timeline);
  return {
    message,
    session,
    basis: String(head),
    changes,
    summary: summarizeChanges(changes),
    timeline: outcome.timeline,
    revertedStepCount: later.length,
    sessions: sessionIds.map((id) => sessions.find((candidate) => candidate.id === id)).filter((found): found is Session => !!found),
    current,
    operations,
    later,
  };
}

/** Saves the restored timeline and marks the later edits as reverted by `edit`; returns those edits as they are now. */
async function writeRestore(plan: RestorePlan, edit: Edit, tx: Transaction): Promise<Edit[]> {
  await saveTimeline(plan.session.projectId, plan.current, plan.timeline, tx);
  const reverted = [...new Map(plan.later.map((step) => [step.edit.id, step.edit])).values()];
  await markRevertedBy(
    reverted.map((later) => later.id),
    edit.id,
    tx,
  );
  return reverted.map((later) => ({ ...later, revertedByEditId: edit.id }));
}

function restoreEdit(plan: RestorePlan, label: string) {
  return {
    description: `Restored timeline to ${label}`,
    intent: {
      action: 'restoreTimeline',
      targetClipIds: [...new Set(plan.changes.map((change) => change.clipId))],
      params: { messageId: plan.message.id },
    },
    operations: plan.operations,
    inverse: invertOperations(plan.operations),
  };
}

function restoreReply(plan: RestorePlan, message: Message): string {
  const from =
    plan.sessions.length > 0
      ? ` It reverts ${plan.revertedStepCount} later change${plan.revertedStepCount === 1 ? '' : 's'} from ${plan.sessions
          .map((session) => quote(session.title ?? 'Untitled session'))
          .join(', ')}.`
      : ` It reverts ${plan.revertedStepCount} later change${plan.revertedStepCount === 1 ? '' : 's'}.`;
  return `Restored the timeline to how it was right after ${quote(excerpt(message.content))}: ${plan.summary}.${from} Say “undo that” to bring the later state back.`;
}

/**
 * "Monday, November 30, 2026, 09:15 UTC": the full date form (lib/dates.ts) in UTC, named as such,
 * because it is stored in the restore's message and edit, which every device and the API read
 * whatever their zone.
 */
export function momentLabel(message: Message): string {
  return `${fullDate(message.createdAt, DEFAULT_DATE_SETTINGS)} UTC`;
}

function excerpt(content: string): string {
  const oneLine = content.replace(/\s+/g, ' ').trim();
  return oneLine.length <= 60 ? oneLine : `${oneLine.slice(0, 59).trimEnd()}…`;
}

/** The viewer's instruction (a user message) by id; a reply is BAD_USER_INPUT, another user's or a missing one NOT_FOUND. */
async function instructionFromInput(caller: Caller, raw: unknown, scope: TokenScope): Promise<{ message: Message; session: Session }> {
  const viewer = requireViewer(caller, scope);
  const input = inputObject(raw);
  const messageId = requiredId(input.messageId, 'messageId');
  const projectId = input.projectId === undefined ? undefined : requiredId(input.projectId, 'projectId');
  const [message] = await getOwnedMessages(viewer.user.id, [messageId]);
  if (!message) throw notFound('message');
  const session = await ownedSession(viewer, message.sessionId, projectId);
  if (message.role !== 'user') throw badInput('messageId', 'Pick an instruction (a message of yours), not a reply.');
  return { message, session };
}

async function reloadInstruction(message: Message, tx: Executor): Promise<Message> {
  const fresh = await getMessageById(message.id, tx);
  if (!fresh) throw new RowNotFoundError('message', message.id);
  return fresh;
}

function parseBasis(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{1,18}$/.test(value)) throw badInput('basis', '`basis` must be the value a preview returned.');
  return Number(value);
}

/** "Branched from “Title” on Monday, November 30, 2026, 09:15" in the viewer's dates: the marker of a session forkSession made. */
export function branchLabel(origin: { title: string | null; at: Date | null }, dates: DateSettings): string {
  const title = quote(origin.title ?? 'New session');
  return origin.at ? `Branched from ${title} on ${fullDate(origin.at, dates)}` : `Branched from ${title}`;
}
