import { eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Executor, type Transaction } from '../client';
import { messages, sessions, type Message, type Session } from '../schema';

/** Titles of sessions by id (deleted ones are missing). */
export async function sessionsByIds(ids: readonly string[], db: Executor = getDb()): Promise<Session[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(sessions)
    .where(inArray(sessions.id, [...ids]));
}

export async function createBranchSession(input: { source: Session; message: Message; createdById: string }, tx: Transaction): Promise<Session> {
  const [branch] = await tx
    .insert(sessions)
    .values({
      projectId: input.source.projectId,
      createdById: input.createdById,
      title: input.source.title,
      titleSource: input.source.titleSource,
      forkedFromSessionId: input.source.id,
      forkedFromMessageId: input.message.id,
    })
    .returning();
  return branch;
}

/** For each branch among these sessions: the title of the session it was copied from and the time of the instruction it was copied up to. */
export async function getBranchOrigins(sessionIds: readonly string[], db: Executor = getDb()): Promise<Map<string, { title: string | null; at: Date | null }>> {
  if (sessionIds.length === 0) return new Map();
  const source = alias(sessions, 'source');
  const rows = await db
    .select({ id: sessions.id, title: source.title, at: messages.createdAt })
    .from(sessions)
    .innerJoin(source, eq(source.id, sessions.forkedFromSessionId))
    .leftJoin(messages, eq(messages.id, sessions.forkedFromMessageId))
    .where(inArray(sessions.id, [...sessionIds]));
  return new Map(rows.map((row) => [row.id, { title: row.title, at: row.at }]));
}
