import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { getDb, type Executor } from '../client';
import { messages, type Message, type MessageStatus } from '../schema';

/** Statuses of a reply still being generated. */
export const ACTIVE_STATUSES: readonly MessageStatus[] = ['pending', 'streaming'];

/** A reply still being generated: what findActiveReply looks for, on a message already read. */
export function isActiveReply(message: Pick<Message, 'role' | 'status'>): boolean {
  return message.role === 'assistant' && ACTIVE_STATUSES.includes(message.status);
}

/** The reply being generated in a session, if any (at most one: a generation holds the session). */
export async function findActiveReply(sessionId: string, db: Executor = getDb()): Promise<Message | null> {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.sessionId, sessionId), eq(messages.role, 'assistant'), inArray(messages.status, [...ACTIVE_STATUSES])))
    .limit(1);
  return row ?? null;
}

/**
 * Marks replies pending or streaming for longer than `olderThanMs` (by the database's clock)
 * failed: their generation died with its server. The text so far is kept.
 */
export async function failStaleReplies(sessionId: string, olderThanMs: number, reply: string, db: Executor): Promise<Message[]> {
  return db
    .update(messages)
    .set({ status: 'failed', content: sql`case when ${messages.content} = '' then ${reply} else ${messages.content} end` })
    .where(
      and(
        eq(messages.sessionId, sessionId),
        inArray(messages.status, [...ACTIVE_STATUSES]),
        lt(messages.createdAt, sql`now() - make_interval(secs => ${olderThanMs / 1000}::double precision)`),
      ),
    )
    .returning();
}

/** Sets a reply's text and status; `restart` also clears a stop request and restamps it (retryMessage). */
export async function updateReply(messageId: string, change: { content?: string; status?: MessageStatus; restart?: boolean }, db: Executor): Promise<Message> {
  const [updated] = await db
    .update(messages)
    .set({
      ...(change.content !== undefined ? { content: change.content } : {}),
      ...(change.status ? { status: change.status } : {}),
      ...(change.restart ? { stopRequestedAt: null, createdAt: sql`now()` } : {}),
    })
    .where(eq(messages.id, messageId))
    .returning();
  return updated;
}

/** Asks the generation of a reply to stop; the instance generating it sees the flag between chunks. */
export async function requestStop(messageId: string, db: Executor = getDb()): Promise<Message | null> {
  const [updated] = await db
    .update(messages)
    .set({ stopRequestedAt: sql`coalesce(${messages.stopRequestedAt}, now())` })
    .where(and(eq(messages.id, messageId), inArray(messages.status, [...ACTIVE_STATUSES])))
    .returning();
  return updated ?? null;
}

/**
 * Stores the text a reply has streamed so far (status `streaming`). Returns whether a stop was
 * requested for it (any instance may ask), or null when the reply is gone.
 */
export async function storeStreamedText(replyId: string, text: string, db: Executor): Promise<{ stopRequested: boolean } | null> {
  const [row] = await db
    .update(messages)
    .set({ content: text, status: 'streaming' })
    .where(eq(messages.id, replyId))
    .returning({ stopRequestedAt: messages.stopRequestedAt });
  return row ? { stopRequested: row.stopRequestedAt !== null } : null;
}

/** Whether a stop was requested for the reply; null when it is gone. */
export async function readStopRequest(replyId: string, db: Executor = getDb()): Promise<{ stopRequested: boolean } | null> {
  const [row] = await db.select({ stopRequestedAt: messages.stopRequestedAt }).from(messages).where(eq(messages.id, replyId));
  return row ? { stopRequested: row.stopRequestedAt !== null } : null;
}

/** The assistant's reply to an instruction, when it has one (looked up within its session, by the session's index). */
export async function findReply(instruction: Message, db: Executor = getDb()): Promise<Message | null> {
  const [reply] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.sessionId, instruction.sessionId), eq(messages.replyToId, instruction.id)))
    .limit(1);
  return reply ?? null;
}
