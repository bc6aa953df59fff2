import { and, asc, desc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { builtOnce } from './builtQueries';
import { getDb, type Executor } from './client';
import type { Page } from './pagination';
import { getOwnedProject } from './projects';
import { messageOwnedBy, sessionOwnedBy, wellFormed } from './ownership';
import { clips, currentSessions, messages, projects, sessions, type Message, type Project, type Session } from './schema';
import { qualified } from './qualified';
import { clipFromRow } from './timeline';
import type { Clip } from '@/lib/timeline/model';

/**
 * Reads for many parents at once, one statement each, for the per-request DataLoaders: the
 * data layer's functions take one id, and a list of 20 projects must not cost 20 queries.
 * Ownership is part of every by-id read here, as in getOwnedProject / getOwnedSession.
 */

export async function getOwnedProjects(ownerId: string, ids: readonly string[], db: Executor = getDb()): Promise<Project[]> {
  if (ids.length === 0) return [];
  // One project is the common case (every `project(id:)` query), and getOwnedProject's query is built once.
  if (ids.length === 1) {
    const project = await getOwnedProject(ownerId, ids[0], db);
    return project ? [project] : [];
  }
  return db
    .select()
    .from(projects)
    .where(and(eq(projects.ownerId, ownerId), inArray(projects.id, [...ids])));
}

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

export async function getOwnedMessages(ownerId: string, candidates: readonly string[], db: Executor = getDb()): Promise<Message[]> {
  const ids = wellFormed(candidates);
  if (ids.length === 0) return [];
  return db
    .select()
    .from(messages)
    .where(and(inArray(messages.id, [...ids]), messageOwnedBy(ownerId, db)));
}

/** Each project's clips in playback order. */
export async function getTimelines(projectIds: readonly string[], db: Executor = getDb()): Promise<Map<string, Clip[]>> {
  const timelines = new Map<string, Clip[]>(projectIds.map((id) => [id, []]));
  if (projectIds.length === 0) return timelines;
  const rows = await db
    .select()
    .from(clips)
    .where(inArray(clips.projectId, [...projectIds]))
    .orderBy(asc(clips.projectId), asc(clips.position));
  for (const row of rows) timelines.get(row.projectId)?.push(clipFromRow(row));
  return timelines;
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
 * Sessions the history lists show: those with a conversation, and the current one (of its
 * project's owner, the only user who sees the project) even while empty. Empty ones pile up
 * nowhere: starting a session reuses an empty one.
 */
// `offset 0` keeps the subquery a per-row probe of current_sessions_session_idx, reached only for
// empty rows; without it Postgres may hash the whole current_sessions table once per query.
export const listedSession = sql`(${qualified(sessions.messageCount)} > 0 or exists (select 1 from ${currentSessions} where ${qualified(currentSessions.sessionId)} = ${qualified(sessions.id)} offset 0))`;

/**
 * How many sessions the default history list of a project holds: the counter the database keeps
 * on the project (see db/schema.ts) less its archived and unlisted empty sessions, which are read
 * off an index range each (sessions_project_listed_idx, sessions_project_empty_idx), not a count(*)
 * of every session. `project`: the projects row's columns in the statement this goes into, qualified
 * (Drizzle writes a lone table's columns bare, and a bare "id" would be the session's in here).
 */
export function listedSessionCount(project: { id: SQLWrapper; sessionCount: SQLWrapper }): SQL<number> {
  const archived = qualified(sessions.archived);
  return sql<number>`(${project.sessionCount} - (select count(*) from ${sessions}
    where ${qualified(sessions.projectId)} = ${project.id} and (${archived} or ${qualified(sessions.messageCount)} = 0)
      and (${archived} or not ${listedSession}))::int)`;
}

/** How many sessions each project's history list holds: listed archived ones (`archived`), or the listed rest. One statement. */
export async function countSessionsByProject(
  projectIds: readonly string[],
  { archived }: { archived: boolean } = { archived: false },
  db: Executor = getDb(),
): Promise<Map<string, number>> {
  const counts = new Map<string, number>(projectIds.map((id) => [id, 0]));
  if (projectIds.length === 0) return counts;
  const rows = archived
    ? await db
        .select({ projectId: sessions.projectId, count: sql<number>`count(*)::int` })
        .from(sessions)
        .where(and(inArray(sessions.projectId, [...projectIds]), eq(sessions.archived, true), listedSession))
        .groupBy(sessions.projectId)
    : await db
        .select({ projectId: projects.id, count: listedSessionCount({ id: qualified(projects.id), sessionCount: qualified(projects.sessionCount) }) })
        .from(projects)
        .where(inArray(projects.id, [...projectIds]));
  for (const row of rows) counts.set(row.projectId, Number(row.count));
  return counts;
}

/** The first or last `size` rows of a list, as pages without a cursor start. */
export interface PageWindow {
  end: 'first' | 'last';
  size: number;
}

/** Each project's unarchived sessions page, pinned first, then newest first (the order of db/sessions.ts listSessions). */
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

/** Each session's messages page, oldest first (the order of db/messages.ts listMessages). */
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

interface ChildList<Table extends PgTable> {
  table: Table;
  idColumn: PgColumn;
  parentColumn: PgColumn;
  parentOf(row: Table['$inferSelect']): string;
  /** Which of a parent's rows the list holds, when not all. */
  filter?: SQL;
  /** The list's unique sort key, most significant first, as the data layer pages it. */
  keyColumns: readonly PgColumn[];
  direction: 'asc' | 'desc';
}

/**
 * The same pages keysetPage returns for `{ first }` or `{ last }` without a cursor, for many
 * parents in one statement: a LATERAL subquery walks each parent's index range for size + 1
 * ids, and the outer query reads those rows.
 */
async function pagesAtEnd<Table extends PgTable>(
  list: ChildList<Table>,
  parentIds: readonly string[],
  window: PageWindow,
  db: Executor,
): Promise<Map<string, Page<Table['$inferSelect']>>> {
  type Row = Table['$inferSelect'];
  const walked = new Map<string, Row[]>(parentIds.map((id) => [id, []]));
  if (parentIds.length > 0) {
    const fromEnd = window.end === 'last';
    const ascending = (list.direction === 'asc') !== fromEnd;
    const direction = sql.raw(ascending ? 'asc' : 'desc');
    const order = sql.join(
      list.keyColumns.map((column) => sql`${column} ${direction}`),
      sql`, `,
    );
    const parents = sql.join(
      parentIds.map((id) => sql`(${id}::uuid)`),
      sql`, `,
    );
    const pageIds = sql`select page.id from (values ${parents}) as parent(id) cross join lateral (
      select ${list.idColumn} as id from ${list.table} where ${list.parentColumn} = parent.id${list.filter ? sql` and ${list.filter}` : sql``} order by ${order} limit ${window.size + 1}
    ) as page`;
    const table: PgTable = list.table;
    const rows = (await db
      .select()
      .from(table)
      .where(sql`${list.idColumn} in (${pageIds})`)
      .orderBy(...list.keyColumns.map((column) => (ascending ? asc(column) : desc(column))))) as Row[];
    for (const row of rows) walked.get(list.parentOf(row))?.push(row);
  }

  const pages = new Map<string, Page<Row>>();
  for (const [parentId, rows] of walked) {
    const hasMore = rows.length > window.size;
    const pageRows = rows.slice(0, window.size);
    if (window.end === 'last') {
      pageRows.reverse();
      pages.set(parentId, { rows: pageRows, hasPreviousPage: hasMore, hasNextPage: false });
    } else {
      pages.set(parentId, { rows: pageRows, hasNextPage: hasMore, hasPreviousPage: false });
    }
  }
  return pages;
}
