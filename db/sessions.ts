import { and, desc, eq, sql } from 'drizzle-orm';
import { isUuid } from '@/lib/ids';
import { getDb, type Executor } from './client';
import { recordProjectEvent } from './events';
import { keysetPage, type PageArgs } from './pagination';
import { currentSessions, projects, sessions, type Session } from './schema';

export type SessionKey = { createdAt: Date; id: string };
export const sessionKey = (session: Session): SessionKey => ({ createdAt: session.createdAt, id: session.id });

export const TITLE_MAX_LENGTH = 80;

/** A session's title from its first instruction: one line, trimmed to a readable length. */
export function titleFromInstruction(content: string): string {
  const oneLine = content.replace(/\s+/g, ' ').trim();
  return oneLine.length <= TITLE_MAX_LENGTH ? oneLine : `${oneLine.slice(0, TITLE_MAX_LENGTH - 1).trimEnd()}…`;
}

export async function createSession(
  input: { projectId: string; createdById: string; title?: string | null; createdAt?: Date },
  db: Executor = getDb(),
): Promise<Session> {
  const [session] = await db.insert(sessions).values(input).returning();
  return session;
}

export async function getSession(sessionId: string, db: Executor = getDb()): Promise<Session | null> {
  const [session] = await db.select().from(sessions).where(eq(sessions.id, sessionId)).limit(1);
  return session ?? null;
}

/** The session if it belongs to a project `ownerId` owns; otherwise null, as if it did not exist. */
export async function getOwnedSession(ownerId: string, sessionId: string, db: Executor = getDb()): Promise<Session | null> {
  if (!isUuid(sessionId)) return null;
  const [row] = await db
    .select({ session: sessions })
    .from(sessions)
    .innerJoin(projects, eq(projects.id, sessions.projectId))
    .where(and(eq(sessions.id, sessionId), eq(projects.ownerId, ownerId)))
    .limit(1);
  return row?.session ?? null;
}

/** A project's sessions, newest first, tie-broken by id. */
export function listSessions(projectId: string, page: PageArgs<SessionKey>, db: Executor = getDb()) {
  return keysetPage(
    db,
    {
      table: sessions,
      scopeColumn: sessions.projectId,
      scopeValue: projectId,
      keyColumns: [sessions.createdAt, sessions.id],
      direction: 'desc',
      keyValues: (key: SessionKey) => [key.createdAt, key.id],
    },
    page,
  );
}

/** The project's number of sessions: a counter the database keeps (projects.session_count), not a count(*). */
export async function countSessions(projectId: string, db: Executor = getDb()): Promise<number> {
  const [row] = await db.select({ count: projects.sessionCount }).from(projects).where(eq(projects.id, projectId));
  return row?.count ?? 0;
}

export async function renameSession(sessionId: string, title: string, db: Executor = getDb()): Promise<Session | null> {
  return db.transaction(async (tx) => {
    const [session] = await tx
      .update(sessions)
      .set({ title, updatedAt: sql`now()` })
      .where(eq(sessions.id, sessionId))
      .returning();
    if (session) await recordProjectEvent({ projectId: session.projectId, type: 'session.renamed', sessionId }, tx);
    return session ?? null;
  });
}

/** Deletes the conversation; edits it made stay on the timeline, detached from it. */
export async function deleteSession(sessionId: string, db: Executor = getDb()): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [deleted] = await tx
      .delete(sessions)
      .where(eq(sessions.id, sessionId))
      .returning({ projectId: sessions.projectId });
    if (deleted) await recordProjectEvent({ projectId: deleted.projectId, type: 'session.deleted', sessionId }, tx);
    return deleted !== undefined;
  });
}

export async function getCurrentSession(userId: string, projectId: string, db: Executor = getDb()): Promise<Session | null> {
  const [row] = await db
    .select({ session: sessions })
    .from(currentSessions)
    .innerJoin(sessions, eq(sessions.id, currentSessions.sessionId))
    .where(and(eq(currentSessions.userId, userId), eq(currentSessions.projectId, projectId)))
    .limit(1);
  return row?.session ?? null;
}

async function setCurrentSession(userId: string, projectId: string, sessionId: string, db: Executor): Promise<void> {
  await db
    .insert(currentSessions)
    .values({ userId, projectId, sessionId })
    .onConflictDoUpdate({
      target: [currentSessions.userId, currentSessions.projectId],
      set: { sessionId, updatedAt: sql`now()` },
    });
}

/** One user's session switches on one project happen one at a time, across all their devices. */
async function lockUserProject(userId: string, projectId: string, tx: Executor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${userId}:${projectId}`}, 0))`);
}

/**
 * Starts a fresh conversation and makes it the user's current one on the project. An empty
 * session of theirs is reused instead, so repeated clicks never pile up empty sessions.
 */
export async function startSession(userId: string, projectId: string, db: Executor = getDb()): Promise<Session> {
  return db.transaction(async (tx) => {
    await lockUserProject(userId, projectId, tx);
    const [empty] = await tx
      .select()
      .from(sessions)
      .where(and(eq(sessions.projectId, projectId), eq(sessions.createdById, userId), eq(sessions.messageCount, 0)))
      .orderBy(desc(sessions.createdAt), desc(sessions.id))
      .limit(1);
    const session = empty ?? (await createSession({ projectId, createdById: userId }, tx));
    await setCurrentSession(userId, projectId, session.id, tx);
    await recordProjectEvent({ projectId, type: 'session.started', sessionId: session.id, userId }, tx);
    return session;
  });
}

/** The user's current session on the project, starting one when they have none. */
export async function getOrStartCurrentSession(userId: string, projectId: string, db: Executor = getDb()): Promise<Session> {
  return (await getCurrentSession(userId, projectId, db)) ?? startSession(userId, projectId, db);
}

/** Makes a past session the user's current one on its project. */
export async function restoreSession(userId: string, session: Session, db: Executor = getDb()): Promise<Session> {
  return db.transaction(async (tx) => {
    await lockUserProject(userId, session.projectId, tx);
    await setCurrentSession(userId, session.projectId, session.id, tx);
    await recordProjectEvent({ projectId: session.projectId, type: 'session.restored', sessionId: session.id, userId }, tx);
    return session;
  });
}
