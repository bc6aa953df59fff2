import { and, desc, eq, isNull, ne, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { AutomaticTitle } from '@/lib/sessionTitles';
import { pinnedCreatedAtKeyOf, type PinnedCreatedAtKey } from '@/lib/listKeys';
import { getDb, type Executor, type Transaction } from '../client';
import { recordProjectEvent } from '../events';
import { inProjectTransaction, inSessionTransaction } from '../transaction';
import { keysetPage, type PageArgs } from '../pagination';
import { currentSessions, sessions, type Session } from '../schema';
import { countSessionsByProject } from './batched';
import { listedSession } from './listed';

/** A session's place in the history list: pinned first, then newest first, tie-broken by id. */
export type SessionKey = PinnedCreatedAtKey;
export const sessionKey: (session: Session) => SessionKey = pinnedCreatedAtKeyOf;

/** Which of a project's sessions a history list shows. */
export interface SessionListFilter {
  archived: boolean;
}
export const DEFAULT_SESSION_LIST: SessionListFilter = { archived: false };

export async function createSession(
  input: { projectId: string; createdById: string; title?: string | null; createdAt?: Date },
  db: Executor = getDb(),
): Promise<Session> {
  const [session] = await db.insert(sessions).values(input).returning();
  return session;
}

/** A project's (un)archived sessions: pinned first, then newest first, tie-broken by id (sessions_project_listed_idx). */
export function listSessions(projectId: string, page: PageArgs<SessionKey>, filter: SessionListFilter = DEFAULT_SESSION_LIST, db: Executor = getDb()) {
  return keysetPage(
    db,
    {
      table: sessions,
      scopeColumn: sessions.projectId,
      scopeValue: projectId,
      filters: [{ column: sessions.archived, value: filter.archived }],
      where: { name: 'listed', condition: listedSession },
      keyColumns: [sessions.pinned, sessions.createdAt, sessions.id],
      direction: 'desc',
      keyValues: (key: SessionKey) => [key.pinned, key.createdAt, key.id],
    },
    page,
  );
}

/** How many sessions the project's history list holds (see countSessionsByProject). */
export async function countSessions(projectId: string, filter: SessionListFilter = DEFAULT_SESSION_LIST, db: Executor = getDb()): Promise<number> {
  return (await countSessionsByProject([projectId], filter, db)).get(projectId) ?? 0;
}

type SessionRef = Pick<Session, 'id' | 'projectId'>;

/** Null when the session was deleted meanwhile. */
export async function renameSession(session: SessionRef, title: string, db: Executor = getDb()): Promise<Session | null> {
  return inProjectTransaction(
    session.projectId,
    async (tx) => {
      const [renamed] = await tx
        .update(sessions)
        .set({ title, titleSource: 'user', updatedAt: sql`now()` })
        .where(eq(sessions.id, session.id))
        .returning();
      if (renamed) await recordProjectEvent({ projectId: session.projectId, type: 'session.renamed', sessionId: session.id }, tx);
      return renamed ?? null;
    },
    db,
  );
}

/**
 * Sets a title made from the session (lib/sessionTitles.ts) unless the user renamed it. Inside
 * the transaction that changed what the title says. The session as it is now when the title
 * changed, null when it did not (renamed by the user, the same title, or the session is gone).
 */
export async function setAutomaticTitle(sessionId: string, automatic: AutomaticTitle, tx: Transaction): Promise<Session | null> {
  const [updated] = await tx
    .update(sessions)
    .set({ title: automatic.title, titleSource: automatic.source })
    .where(and(eq(sessions.id, sessionId), automaticTitleChanges(automatic)))
    .returning();
  return updated ?? null;
}

/**
 * Whether a session row takes an automatic title: the user has not named it, and it says
 * something else. The title may be a placeholder, for a statement built once (db/builtQueries.ts).
 */
export function automaticTitleChanges(automatic: { [K in keyof AutomaticTitle]: AutomaticTitle[K] | Placeholder }): SQL {
  return and(ne(sessions.titleSource, 'user'), or(isNull(sessions.title), ne(sessions.title, automatic.title), ne(sessions.titleSource, automatic.source)))!;
}

/** The flags a viewer sets on a session in the history list. */
export type SessionFlags = Partial<Pick<Session, 'pinned' | 'archived'>>;

const FLAG_EVENTS = { pinned: ['session.pinned', 'session.unpinned'], archived: ['session.archived', 'session.unarchived'] } as const;

/** Sets pinned/archived; null when the session was deleted meanwhile. An event is recorded only for a change. */
export async function setSessionFlags(session: SessionRef, flags: SessionFlags, db: Executor = getDb()): Promise<Session | null> {
  return inProjectTransaction(
    session.projectId,
    async (tx) => {
      const [before] = await tx.select().from(sessions).where(eq(sessions.id, session.id)).for('update');
      if (!before) return null;
      const [updated] = await tx
        .update(sessions)
        .set({ ...flags, updatedAt: sql`now()` })
        .where(eq(sessions.id, session.id))
        .returning();
      for (const flag of ['pinned', 'archived'] as const) {
        if (flags[flag] === undefined || flags[flag] === before[flag]) continue;
        const type = FLAG_EVENTS[flag][flags[flag] ? 0 : 1];
        await recordProjectEvent({ projectId: session.projectId, type, sessionId: session.id }, tx);
      }
      return updated ?? null;
    },
    db,
  );
}

/** Deletes the conversation; edits it made stay on the timeline, detached from it. False when it was already gone. */
export async function deleteSession(session: SessionRef, db: Executor = getDb()): Promise<boolean> {
  return inProjectTransaction(
    session.projectId,
    async (tx) => {
      const [deleted] = await tx.delete(sessions).where(eq(sessions.id, session.id)).returning({ id: sessions.id });
      if (deleted) await recordProjectEvent({ projectId: session.projectId, type: 'session.deleted', sessionId: session.id }, tx);
      return deleted !== undefined;
    },
    db,
  );
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

/** What leaving the current session did: the one that was current (null when none, the same, or deleted) and the empty one deleted. */
export interface SessionLeft {
  previousSessionId: string | null;
  /** The session left behind empty, and so deleted; null when none was. */
  deletedSessionId: string | null;
}

/** A switch of the user's current session: the one current now, and what became of the one that was. */
export interface SessionSwitch extends SessionLeft {
  session: Session;
}

/**
 * Makes `sessionId` current; returns the one it replaced, unless that one was left empty: an
 * empty session is removed when it is left (a `session.deleted` event), so none pile up. The
 * caller holds the project's lock, so nothing switches (or writes to the one left) in between.
 */
export async function setCurrentSession(userId: string, projectId: string, sessionId: string, db: Transaction): Promise<SessionLeft> {
  const [previous] = await db
    .select({ sessionId: currentSessions.sessionId })
    .from(currentSessions)
    .where(and(eq(currentSessions.userId, userId), eq(currentSessions.projectId, projectId)));
  await db
    .insert(currentSessions)
    .values({ userId, projectId, sessionId })
    .onConflictDoUpdate({
      target: [currentSessions.userId, currentSessions.projectId],
      set: { sessionId, updatedAt: sql`now()` },
    });
  if (!previous || previous.sessionId === sessionId) return { previousSessionId: null, deletedSessionId: null };
  return (await deleteIfLeftEmpty(projectId, previous.sessionId, db))
    ? { previousSessionId: null, deletedSessionId: previous.sessionId }
    : { previousSessionId: previous.sessionId, deletedSessionId: null };
}

/** Deletes a session with no message that is nobody's current one; true when it did. */
async function deleteIfLeftEmpty(projectId: string, sessionId: string, tx: Transaction): Promise<boolean> {
  const [deleted] = await tx
    .delete(sessions)
    .where(
      and(
        eq(sessions.id, sessionId),
        eq(sessions.messageCount, 0),
        sql`not exists (select 1 from ${currentSessions} where ${currentSessions.sessionId} = ${sessions.id})`,
      ),
    )
    .returning({ id: sessions.id });
  if (deleted) await recordProjectEvent({ projectId, type: 'session.deleted', sessionId }, tx);
  return deleted !== undefined;
}

/**
 * Starts a fresh conversation and makes it the user's current one on the project. An empty
 * session of theirs is reused instead, so repeated clicks never pile up empty sessions.
 */
export async function startSession(userId: string, projectId: string, db: Executor = getDb()): Promise<Session> {
  return (await startSessionSwitch(userId, projectId, db)).session;
}

export async function startSessionSwitch(userId: string, projectId: string, db: Executor = getDb()): Promise<SessionSwitch> {
  // Under the project's lock, one user's session switches on a project happen one at a time across all their devices.
  return inProjectTransaction(
    projectId,
    async (tx) => {
      const [empty] = await tx
        .select()
        .from(sessions)
        .where(and(eq(sessions.projectId, projectId), eq(sessions.createdById, userId), eq(sessions.messageCount, 0)))
        .orderBy(desc(sessions.createdAt), desc(sessions.id))
        .limit(1);
      const session = empty ?? (await createSession({ projectId, createdById: userId }, tx));
      const left = await setCurrentSession(userId, projectId, session.id, tx);
      await recordProjectEvent({ projectId, type: 'session.started', sessionId: session.id, userId }, tx);
      return { session, ...left };
    },
    db,
  );
}

/** The user's current session on the project, starting one when they have none. */
export async function getOrStartCurrentSession(userId: string, projectId: string, db: Executor = getDb()): Promise<Session> {
  return (await getCurrentSession(userId, projectId, db)) ?? startSession(userId, projectId, db);
}

/** Makes a past session the user's current one on its project. Throws RowNotFoundError when it was deleted meanwhile. */
export async function restoreSession(userId: string, session: Session, db: Executor = getDb()): Promise<Session> {
  return (await restoreSessionSwitch(userId, session, db)).session;
}

export async function restoreSessionSwitch(userId: string, session: Session, db: Executor = getDb()): Promise<SessionSwitch> {
  return inSessionTransaction(
    session,
    async (tx) => {
      // Restoring an archived session brings it back into the history list.
      const [unarchived] = await tx
        .update(sessions)
        .set({ archived: false, updatedAt: sql`now()` })
        .where(and(eq(sessions.id, session.id), eq(sessions.archived, true)))
        .returning();
      const left = await setCurrentSession(userId, session.projectId, session.id, tx);
      await recordProjectEvent({ projectId: session.projectId, type: 'session.restored', sessionId: session.id, userId }, tx);
      return { session: unarchived ?? session, ...left };
    },
    db,
  );
}
