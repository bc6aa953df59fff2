import { getDb } from '@/db/client';
import { recordProjectEvent } from '@/db/events';
import { findActiveReply } from '@/db/messages';
import type { Edit, Message, Session } from '@/db/schema';
import { saveSessionSummary } from '@/db/sessions';
import type { Clip } from '@/lib/timeline/model';
import { inSessionTransaction } from '@/db/transaction';
import type { Assistant } from '@/lib/assistant/types';
import { getAssistant } from '@/lib/providers';
import { compactConversation, contextBudget, measureContext, type ContextUsage, type SessionSummary } from '@/lib/providers/context';
import { isStreamingAssistant, ProviderConfigError } from '@/lib/providers/types';
import { ownedSession, requireViewer, type Caller } from './access';
import { conflict, DomainError, ErrorCode } from './errors';
import { inputObject, requiredId } from './inputs';
import { generationTimeoutMs } from './generations';
import { refuseWhileGenerating } from './turn/begin';
import { readTurnContext, turnContext } from './turn/context';
import type { TokenScope } from '@/lib/auth/tokenScopes';
import { whileItExists } from './writes';

export type { ContextUsage };

const BUSY_COMPACTING = 'CoDirector is still answering in this session. Wait for the reply, or stop it, and compact again.';

/** The viewer's session named by `sessionId` (within `projectId` when given). */
async function sessionFrom(caller: Caller, raw: unknown, scope: TokenScope): Promise<Session> {
  const viewer = requireViewer(caller, scope);
  const input = inputObject(raw);
  const projectId = input.projectId === undefined ? undefined : requiredId(input.projectId, 'projectId');
  return ownedSession(viewer, requiredId(input.sessionId, 'sessionId'), projectId);
}

/** How full a session's context is against ASSISTANT_CONTEXT_TOKENS. Input: `sessionId` (and `projectId` to scope it). */
export async function contextUsage(caller: Caller, raw: unknown): Promise<ContextUsage> {
  const session = await sessionFrom(caller, raw, 'READ');
  return whileItExists('session', async () => measureContext({ ...(await readTurnContext(session.id, null, getDb())), budgetTokens: contextBudget() }));
}

/**
 * The context of a session the project page has read (its timeline, messages, edits and
 * summary): measured by the same module that assembles the model's prompt, from the snapshot an
 * instruction would read, without reading it again.
 */
export function measureReadSession(read: { timeline: Clip[]; session: Session & { messages: readonly Message[]; edits: readonly Edit[] } }): ContextUsage {
  const { session } = read;
  const summary = session.summary ? { text: session.summary, throughSeq: session.summaryThroughSeq } : null;
  const snapshot = turnContext({ timeline: read.timeline, messages: session.messages, edits: session.edits, summary }, null);
  return measureContext({ ...snapshot, budgetTokens: contextBudget() });
}

export interface CompactResult {
  session: Session;
  /** How many messages folded into the summary; 0 when only the latest turn (or nothing) was unfolded. */
  foldedMessages: number;
}

/**
 * Folds the session's older turns into its summary now, as the budget would fold them, keeping
 * the latest turn; the edit log stays whole. With a model provider the model writes the summary
 * first, before any lock is taken (it may take seconds); it is stored only if the session's
 * conversation is still what it summarized, else the deterministic lines are. Refused with
 * CONFLICT while a reply is being generated in the session (the generation would store a summary
 * of its own). Other devices hear `session.compacted`.
 */
export async function compactSession(caller: Caller, raw: unknown, assistant: Assistant | null = configuredAssistant()): Promise<CompactResult> {
  const session = await sessionFrom(caller, raw, 'WRITE');
  return whileItExists('session', async () => {
    const written = await modelSummary(session, assistant);
    return inSessionTransaction(session, async (tx) => {
      await refuseWhileGenerating(session, tx).catch(busyCompacting);
      const snapshot = await readTurnContext(session.id, null, tx);
      const { summary, foldedMessages } = compactConversation(snapshot.messages, snapshot.summary);
      if (foldedMessages === 0 || !summary) return { session, foldedMessages: 0 };
      const stored = written && sameFold(written, snapshot.summary, summary) ? written.summary : summary;
      await saveSessionSummary(session.id, stored.text, stored.throughSeq, tx);
      await recordProjectEvent({ projectId: session.projectId, type: 'session.compacted', sessionId: session.id }, tx);
      return { session: { ...session, summary: stored.text, summaryThroughSeq: stored.throughSeq }, foldedMessages };
    });
  });
}

/** A model's summary of a fold, and the summary it was folded onto. */
interface WrittenSummary {
  from: number;
  summary: SessionSummary;
}

/** The model's summary of what compacting now would fold; null without a model, with nothing to fold, or when it fails. */
async function modelSummary(session: Session, assistant: Assistant | null): Promise<WrittenSummary | null> {
  if (!assistant || !isStreamingAssistant(assistant)) return null;
  // No model call for a compaction that is about to be refused.
  if (await findActiveReply(session.id)) throw conflict(BUSY_COMPACTING);
  const snapshot = await readTurnContext(session.id, null, getDb());
  const { summary, foldedMessages } = compactConversation(snapshot.messages, snapshot.summary);
  if (!summary || foldedMessages === 0) return null;
  try {
    const written = await assistant.summarizeFold(snapshot, summary, AbortSignal.timeout(generationTimeoutMs()));
    return written && { from: snapshot.summary?.throughSeq ?? 0, summary: written };
  } catch {
    return null;
  }
}

/** Whether the model summarized exactly the fold being stored (nothing was folded or added meanwhile). */
function sameFold(written: WrittenSummary, current: SessionSummary | null, folded: SessionSummary): boolean {
  return written.from === (current?.throughSeq ?? 0) && written.summary.throughSeq === folded.throughSeq;
}

function busyCompacting(error: unknown): never {
  throw error instanceof DomainError && error.code === ErrorCode.CONFLICT ? conflict(BUSY_COMPACTING) : error;
}

/** The configured assistant, or none when its configuration cannot work: compaction then keeps the deterministic lines. */
function configuredAssistant(): Assistant | null {
  try {
    return getAssistant();
  } catch (error) {
    if (error instanceof ProviderConfigError) return null;
    throw error;
  }
}
