import { and, inArray } from 'drizzle-orm';
import { pagesAtEnd, type PageWindow } from '../batchedPages';
import { getDb, type Executor } from '../client';
import { messageOwnedBy, wellFormed } from '../ownership';
import { messages, type Message } from '../schema';

/**
 * Reads for many parents at once, one statement each, for the per-request DataLoaders: the
 * data layer's functions take one id, and a list of 20 projects must not cost 20 queries.
 * Ownership is part of every by-id read here (db/ownership.ts).
 */

export async function getOwnedMessages(ownerId: string, candidates: readonly string[], db: Executor = getDb()): Promise<Message[]> {
  const ids = wellFormed(candidates);
  if (ids.length === 0) return [];
  return db
    .select()
    .from(messages)
    .where(and(inArray(messages.id, [...ids]), messageOwnedBy(ownerId, db)));
}

/** Each session's messages page, oldest first (the order of listMessages, db/messages/rows.ts). */
export function firstMessagePages(sessionIds: readonly string[], window: PageWindow, db: Executor = getDb()) {
  return pagesAtEnd(
    {
      table: messages,
      idColumn: messages.id,
      parentColumn: messages.sessionId,
      parentOf: (row) => row.sessionId,
      keyColumns: [messages.seq],
      direction: 'asc',
    },
    sessionIds,
    window,
    db,
  );
}
