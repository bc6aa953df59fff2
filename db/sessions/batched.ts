import { and, eq, inArray, sql } from 'drizzle-orm';
import { pagesAtEnd, type PageWindow } from '../batchedPages';
import { builtOnce } from '../builtQueries';
import { getDb, type Executor } from '../client';
import { sessionOwnedBy, wellFormed } from '../ownership';
import { qualified } from '../qualified';
import { currentSessions, projects, sessions, type Session } from '../schema';
import { listedSession, listedSessionCount } from './listed';

/**
 * Reads for many parents at once, one statement each, for the per-request DataLoaders: the
 * data layer's functions take one id, and a list of 20 projects must not cost 20 queries.
 * Ownership is part of every by-id read here (db/ownership.ts), as in getOwnedProject.
 */

/** Single reads are these with one id: `getOwnedSessions(ownerId, [id])`. */
export async function getOwnedSessions(ownerId: string, candidates: readonly string[], db: Executor = getDb()): Promise<Session[]> {
  const ids = wellFormed(candidates);
  if (ids.length === 0) return [];
  // One session is the common case (every instruction, every session action): its query is built once (db/builtQueries.ts).
  if (ids.length === 1) {
    return builtOnce(db, 'sessions.ownedById', () =>
      db
        .select()
        .from(sessions)
        .where(and(eq(sessions.id, sql.placeholder('id')), sessionOwnedBy(sql.placeholder('ownerId'), db)))
        .prepare('sessions.ownedById'),
    ).execute({ id: ids[0], ownerId });
  }
  return db
    .select()
    .from(sessions)
    .where(and(inArray(sessions.id, [...ids]), sessionOwnedBy(ownerId, db)));
}

/** The user's current session on each of the projects that has one. */
export async function getCurrentSessions(userId: string, projectIds: readonly string[], db: Executor = getDb()): Promise<Map<string, Session>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .select({ projectId: currentSessions.projectId, session: sessions })
    .from(currentSessions)
    .innerJoin(sessions, eq(sessions.id, currentSessions.sessionId))
    .where(and(eq(currentSessions.userId, userId), inArray(currentSessions.projectId, [...projectIds])));
  return new Map(rows.map((row) => [row.projectId, row.session]));
}

/**
 * How many sessions each project's history list holds: listed archived ones (`archived`), the
 * pinned ones of the default list (`pinned`), or the whole default list. One statement.
 */
export async function countSessionsByProject(
  projectIds: readonly string[],
  { archived, pinned = false }: { archived: boolean; pinned?: boolean } = { archived: false },
  db: Executor = getDb(),
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(projectIds.map((id) => [id, 0]));
  if (projectIds.length === 0) return counts;
  const rows =
    archived || pinned
      ? await db
          .select({ projectId: sessions.projectId, count: sql<number>`count(*)::int` })
          .from(sessions)
          .where(
            and(inArray(sessions.projectId, [...projectIds]), eq(sessions.archived, archived), pinned ? eq(sessions.pinned, true) : undefined, listedSession),
          )
          .groupBy(sessions.projectId)
      : await db
          .select({ projectId: projects.id, count: listedSessionCount({ id: qualified(projects.id), sessionCount: qualified(projects.sessionCount) }) })
          .from(projects)
          .where(inArray(projects.id, [...projectIds]));
  for (const row of rows) counts.set(row.projectId, Number(row.count));
  return counts;
}

/** Each project's unarchived sessions page, pinned first, then newest first (the order of listSessions, db/sessions/rows.ts). */
export function firstSessionPages(projectIds: readonly string[], window: PageWindow, db: Executor = getDb()) {
  return pagesAtEnd(
    {
      table: sessions,
      idColumn: sessions.id,
      parentColumn: sessions.projectId,
      parentOf: (row) => row.projectId,
      filter: and(eq(sessions.archived, false), listedSession),
      keyColumns: [sessions.pinned, sessions.createdAt, sessions.id],
      direction: 'desc',
    },
    projectIds,
    window,
    db,
  );
}
