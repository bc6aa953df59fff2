import { and, asc, eq, sql } from 'drizzle-orm';
import { selectRows, type Executor } from './client';
import { editsInOrderOf, listInstructionEdits } from './edits';
import { RowNotFoundError } from './errors';
import { messages, type Edit, type Message, type Project, type Session } from './schema';
import { clipFromRow, getTimeline } from './timeline';
import type { Clip } from '@/lib/timeline/model';

export interface InstructionResult {
  userMessage: Message;
  reply: Message;
  /** Edits this instruction created, reverted or re-applied, as they are now. */
  edits: Edit[];
  /** The project's timeline after the instruction. */
  timeline: Clip[];
  /** The session and project as the instruction left them, when its transaction already read them (no re-read for the payload). */
  session?: Session;
  project?: Project;
}

/** The stored outcome of an instruction sent before (a retried request). */
export async function loadInstructionResult(projectId: string, userMessage: Message, tx: Executor): Promise<InstructionResult> {
  const [reply] = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.sessionId, userMessage.sessionId), eq(messages.replyToId, userMessage.id)))
    .limit(1);
  const [touched, timeline] = await Promise.all([listInstructionEdits([userMessage.id], tx), getTimeline(projectId, tx)]);
  return { userMessage, reply, edits: touched.get(userMessage.id) ?? [], timeline };
}

/**
 * The time edits are stamped with, read after the locks are held so stamps follow the
 * order in which changes to the project really happened.
 */
export async function transactionClock(tx: Executor): Promise<Date> {
  const [row] = await selectRows<{ now: Date | string }>(tx, sql`select clock_timestamp() as now`);
  return new Date(row.now);
}

/** What an instruction is decided on: the session's messages, edits and summary, the project's timeline, and the time to stamp edits with. */
export interface SessionState {
  messages: Message[];
  /** In the order they were made (editsInOrder). */
  edits: Edit[];
  timeline: Clip[];
  /** The folded older turns; null until the session has any. */
  summary: { text: string; throughSeq: number } | null;
  at: Date;
}

/**
 * The session's state in one statement. In a transaction that holds the project's and the
 * session's locks it sees every earlier writer's commit, and its clock follows theirs. Throws
 * RowNotFoundError when the session does not exist.
 */
export async function readSessionState(sessionId: string, db: Executor): Promise<SessionState> {
  const found = await db.query.sessions.findFirst({
    where: (session, { eq }) => eq(session.id, sessionId),
    columns: { summary: true, summaryThroughSeq: true },
    extras: { at: sql<string>`clock_timestamp()`.as('at') },
    with: {
      messages: { orderBy: (message) => asc(message.seq) },
      edits: { orderBy: (edit) => editsInOrderOf(edit) },
      project: { columns: {}, with: { clips: { orderBy: (clip) => asc(clip.position) } } },
    },
  });
  if (!found) throw new RowNotFoundError('session', sessionId);
  return {
    messages: found.messages,
    edits: found.edits,
    timeline: found.project.clips.map(clipFromRow),
    summary: found.summary ? { text: found.summary, throughSeq: found.summaryThroughSeq } : null,
    at: new Date(found.at),
  };
}
