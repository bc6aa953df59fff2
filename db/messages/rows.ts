import { and, eq, sql, type Placeholder } from 'drizzle-orm';
import { seqKeyOf, type SeqKey } from '@/lib/listKeys';
import { instructionTitle } from '@/lib/sessionTitles';
import { builtOnce } from '../builtQueries';
import { getDb, type Executor, type Transaction } from '../client';
import { keysetPage, type PageArgs } from '../pagination';
import { messages, sessions, type Message, type Session } from '../schema';
import { inSessionTransaction } from '../transaction';

export type MessageKey = SeqKey;
export const messageKey: (message: Message) => MessageKey = seqKeyOf;

export interface NewMessage {
  role: Message['role'];
  content: string;
  clientMessageId?: string | null;
  replyToId?: string | null;
  status?: Message['status'];
}

export async function findMessageByClientId(sessionId: string, clientMessageId: string, db: Executor = getDb()): Promise<Message | null> {
  const [message] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.sessionId, sessionId), eq(messages.clientMessageId, clientMessageId)))
    .limit(1);
  return message ?? null;
}

/**
 * Appends a message with the session's next sequence number. Must run inside a transaction
 * that holds the session's lock (inSessionTransaction): the counter and the row are written together or not at all.
 */
export async function insertNextMessage(sessionId: string, message: NewMessage, tx: Transaction): Promise<Message> {
  const counted = await countAppendedMessages(sessionId, 1, message.role === 'user' ? message.content : null, tx);
  return insertMessageAt(sessionId, counted.messageCount, message, tx);
}

/** Inserts a message at `seq`: the caller holds the session's lock and counts it (countAppendedMessages). */
export async function insertMessageAt(sessionId: string, seq: number, message: NewMessage, tx: Transaction): Promise<Message> {
  const [inserted] = await builtOnce(tx, 'messages.insertAt', () => insertAtQuery(tx)).execute({
    sessionId,
    seq,
    role: message.role,
    content: message.content,
    clientMessageId: message.clientMessageId ?? null,
    replyToId: message.replyToId ?? null,
    status: message.status ?? DEFAULT_STATUS,
  });
  return inserted;
}

/** A statement built once (db/builtQueries.ts) gives every column a value, so a message's default status is given too. */
const DEFAULT_STATUS = messages.status.default as Message['status'];

function insertAtQuery(tx: Transaction) {
  const param = sql.placeholder;
  return tx
    .insert(messages)
    .values({
      sessionId: param('sessionId'),
      seq: param('seq'),
      role: param('role'),
      content: param('content'),
      clientMessageId: param('clientMessageId'),
      replyToId: param('replyToId'),
      status: param('status'),
    })
    .returning()
    .prepare('messages.insertAt');
}

/**
 * Counts `appended` new messages on the session (seqs run 1, 2, 3… with no gaps) and, given
 * the instruction among them, titles an untitled session after it (edits retitle it later:
 * server/sessionTitles.ts). Under the session's lock. Returns the session as it is now.
 */
export async function countAppendedMessages(sessionId: string, appended: number, instruction: string | null, tx: Transaction): Promise<Session> {
  const [counted] = await tx
    .update(sessions)
    .set(messagesAppended(appended, instruction === null ? null : instructionTitle(instruction)))
    .where(eq(sessions.id, sessionId))
    .returning();
  return counted;
}

/**
 * The change to a session row of `appended` new messages (countAppendedMessages): an untitled
 * session gets `untitledGets` (the instruction among them made a title: lib/sessionTitles.ts
 * instructionTitle), when that is not null. It may be a placeholder (db/builtQueries.ts).
 */
export function messagesAppended(appended: number, untitledGets: string | Placeholder | null) {
  return {
    messageCount: sql`${sessions.messageCount} + ${appended}`,
    updatedAt: sql`now()`,
    ...(untitledGets === null ? {} : { title: sql<string | null>`coalesce(${sessions.title}, ${untitledGets})` }),
  };
}

/**
 * Appends one message in its own transaction. Idempotent on clientMessageId: a retry
 * returns the message stored the first time and writes nothing.
 */
export async function appendMessage(session: Pick<Session, 'id' | 'projectId'>, message: NewMessage, db: Executor = getDb()): Promise<Message> {
  return inSessionTransaction(
    session,
    async (tx) => {
      if (message.clientMessageId) {
        const existing = await findMessageByClientId(session.id, message.clientMessageId, tx);
        if (existing) return existing;
      }
      return insertNextMessage(session.id, message, tx);
    },
    db,
  );
}

/** A session's messages, oldest first. */
export function listMessages(sessionId: string, page: PageArgs<MessageKey>, db: Executor = getDb()) {
  return keysetPage(
    db,
    {
      table: messages,
      scopeColumn: messages.sessionId,
      scopeValue: sessionId,
      keyColumns: [messages.seq],
      direction: 'asc',
      keyValues: (key: MessageKey) => [key.seq],
    },
    page,
  );
}

export async function getAllMessages(sessionId: string, db: Executor = getDb()): Promise<Message[]> {
  return db.select().from(messages).where(eq(messages.sessionId, sessionId)).orderBy(messages.seq);
}

/** The session's first instruction (what titles it until it has edits); null while it has none. */
export async function getFirstInstruction(sessionId: string, db: Executor = getDb()): Promise<string | null> {
  const [first] = await db
    .select({ content: messages.content })
    .from(messages)
    .where(and(eq(messages.sessionId, sessionId), eq(messages.role, 'user')))
    .orderBy(messages.seq)
    .limit(1);
  return first?.content ?? null;
}

export async function getMessageById(messageId: string, db: Executor = getDb()): Promise<Message | null> {
  const [row] = await db.select().from(messages).where(eq(messages.id, messageId)).limit(1);
  return row ?? null;
}
