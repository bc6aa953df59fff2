import { getDb } from '@/db/client';
import { recordProjectEvent } from '@/db/events';
import { saveSessionSummary } from '@/db/generations';
import type { Edit, Message, Session } from '@/db/schema';
import type { Clip } from '@/lib/timeline/model';
import { inProjectTransaction, lockSession } from '@/db/transaction';
import { compactConversation, contextBudget, measureContext, type ContextUsage } from '@/lib/providers/context';
import { ownedSession, requireViewer, type Caller } from './access';
import { conflict, DomainError, ErrorCode } from './errors';
import { inputObject, requiredId } from './inputs';
import { readSnapshot, refuseWhileGenerating, snapshotOf } from './instructions';
import { whileItExists } from './writes';

export type { ContextUsage };

const BUSY_COMPACTING = 'CoDirector is still answering in this session. Wait for the reply, or stop it, and compact again.';

/** The viewer's session named by `sessionId` (within `projectId` when given). */
async function sessionFrom(caller: Caller, raw: unknown): Promise<Session> {
  const viewer = requireViewer(caller);
  const input = inputObject(raw);
  const projectId = input.projectId === undefined ? undefined : requiredId(input.projectId, 'projectId');
  return ownedSession(viewer, requiredId(input.sessionId, 'sessionId'), projectId);
}

/** How full a session's context is against ASSISTANT_CONTEXT_TOKENS. Input: `sessionId` (and `projectId` to scope it). */
export async function contextUsage(caller: Caller, raw: unknown): Promise<ContextUsage> {
  const session = await sessionFrom(caller, raw);
  return measureContext({ ...(await readSnapshot(session, null, getDb())), budgetTokens: contextBudget() });
}

/**
 * The context of a session the project page has read (its timeline, messages, edits and
 * summary): measured by the same module that assembles the model's prompt, from the snapshot an
 * instruction would read, without reading it again.
 */
export function measureReadSession(read: { timeline: Clip[]; session: Session & { messages: readonly Message[]; edits: readonly Edit[] } }): ContextUsage {
  const { session } = read;
  const summary = session.summary ? { text: session.summary, throughSeq: session.summaryThroughSeq } : null;
  const snapshot = snapshotOf({ timeline: read.timeline, history: session.messages, sessionEdits: session.edits, summary }, null);
  return measureContext({ ...snapshot, budgetTokens: contextBudget() });
}

export interface CompactResult {
  session: Session;
  /** How many messages folded into the summary; 0 when only the latest turn (or nothing) was unfolded. */
  foldedMessages: number;
}

/**
 * Folds the session's older turns into its summary now, as the budget would fold them, keeping
 * the latest turn; the edit log stays whole. Refused with CONFLICT while a reply is being
 * generated in the session (the generation would store a summary of its own). Other devices
 * hear `session.compacted`.
 */
export async function compactSession(caller: Caller, raw: unknown): Promise<CompactResult> {
  const session = await sessionFrom(caller, raw);
  return whileItExists('session', () =>
    inProjectTransaction(session.projectId, async (tx) => {
      await lockSession(session.id, tx);
      await refuseWhileGenerating(session, tx).catch((error: unknown) => {
        throw error instanceof DomainError && error.code === ErrorCode.CONFLICT ? conflict(BUSY_COMPACTING) : error;
      });
      const snapshot = await readSnapshot(session, null, tx);
      const { summary, foldedMessages } = compactConversation(snapshot.messages, snapshot.summary);
      if (foldedMessages === 0 || !summary) return { session, foldedMessages: 0 };
      await saveSessionSummary(session.id, summary.text, summary.throughSeq, tx);
      await recordProjectEvent({ projectId: session.projectId, type: 'session.compacted', sessionId: session.id }, tx);
      return { session: { ...session, summary: summary.text, summaryThroughSeq: summary.throughSeq }, foldedMessages };
    }),
  );
}
