import DataLoader from 'dataloader';
import { reachesProject } from '@/lib/auth/tokenScopes';
import { grantOf, type Viewer } from '@/server/auth/viewer';
import { getOwnedAccessTokens } from '@/db/accessTokens';
import { getOwnedEdits, listEditsForSessions, listInstructionEdits } from '@/db/edits';
import { firstMessagePages, getOwnedMessages, listMessages, type MessageKey } from '@/db/messages';
import type { Page, PageArgs } from '@/db/pagination';
import { countProjects, getOwnedProjects, getTimelines, listProjects, type ProjectKey } from '@/db/projects';
import type { Edit, Message, Project, Session } from '@/db/schema';
import {
  countSearchResults,
  countSessionsByProject,
  firstSessionPages,
  getCurrentSessions,
  getOwnedSessions,
  listSessions,
  searchSessions,
  type SearchKey,
  type SessionKey,
} from '@/db/sessions';
import type { Clip } from '@/lib/timeline/model';
import type { PageWindow } from '@/db/batchedPages';

/**
 * Per-request DataLoaders, scoped to the viewer: every by-id loader reads only what the
 * viewer owns and their credential reaches (a project-limited token: only its projects, the
 * rule server/access.ts applies too), and each batches the lookups of one tick into one statement.
 * Everything else is read by a parent reached through these.
 */
export type Loaders = ReturnType<typeof createLoaders>;

export function createLoaders(viewer: Viewer) {
  const viewerId = viewer.user.id;
  const grant = grantOf(viewer);
  /** Keeps the rows of the projects the credential reaches. */
  const reached =
    <Row>(projectOf: (row: Row) => string) =>
    (rows: Row[]) =>
      rows.filter((row) => reachesProject(grant, projectOf(row)));
  const projects = byId((ids) => getOwnedProjects(viewerId, ids).then(reached((project) => project.id)));
  const sessions = byId((ids) => getOwnedSessions(viewerId, ids).then(reached((session) => session.projectId)));
  const loaders = {
    projects,
    sessions,
    messages: byId(async (ids) => {
      const messages = await getOwnedMessages(viewerId, ids);
      if (grant.projectIds === null) return messages;
      // A message names its session, not its project: kept when its session is reached.
      const ofSessions = await sessions.loadMany(messages.map((message) => message.sessionId));
      return messages.filter((_message, index) => {
        const session = ofSessions[index];
        return session !== null && !(session instanceof Error);
      });
    }),
    edits: byId((ids) => getOwnedEdits(viewerId, ids).then(reached((edit) => edit.projectId))),
    accessTokens: byId((ids) => getOwnedAccessTokens(viewerId, ids)),
    timelines: new DataLoader<string, Clip[]>(async (projectIds) => {
      const timelines = await getTimelines(projectIds);
      return projectIds.map((id) => timelines.get(id) ?? []);
    }),
    /** The viewer's current session per project. */
    currentSessions: new DataLoader<string, Session | null>(async (projectIds) => {
      const current = await getCurrentSessions(viewerId, projectIds);
      return projectIds.map((id) => current.get(id) ?? null);
    }),
    sessionCounts: new DataLoader<string, number>(async (projectIds) => {
      const counts = await countSessionsByProject(projectIds);
      return projectIds.map((id) => counts.get(id) ?? 0);
    }),
    archivedSessionCounts: new DataLoader<string, number>(async (projectIds) => {
      const counts = await countSessionsByProject(projectIds, { archived: true });
      return projectIds.map((id) => counts.get(id) ?? 0);
    }),
    pinnedSessionCounts: new DataLoader<string, number>(async (projectIds) => {
      const counts = await countSessionsByProject(projectIds, { archived: false, pinned: true });
      return projectIds.map((id) => counts.get(id) ?? 0);
    }),
    /** What each instruction touched: the edits it made, undid or redid. */
    editsByMessage: new DataLoader<string, Edit[]>(async (messageIds) => {
      const touched = await listInstructionEdits(messageIds);
      return messageIds.map((id) => touched.get(id) ?? []);
    }),
    editsBySession: new DataLoader<string, Edit[]>(async (sessionIds) => {
      const edits = await listEditsForSessions(sessionIds);
      return sessionIds.map((id) => edits.get(id) ?? []);
    }),
    /** The viewer's own lists: a request has one viewer, so these need no batching. */
    projectCount: once(() => countProjects(viewerId, grant.projectIds)),
    projectPages: pageLoader<Project, ProjectKey>({ seek: (ownerId, page) => listProjects(ownerId, page, grant.projectIds), primes: projects }),
    sessionPages: pageLoader<Session, SessionKey>({ atEnds: firstSessionPages, seek: listSessions, primes: sessions }),
    /** The archived list is a side list, read on its own. */
    archivedSessionPages: pageLoader<Session, SessionKey>({ seek: (projectId, page) => listSessions(projectId, page, { archived: true }), primes: sessions }),
    messagePages: pageLoader<Message, MessageKey>({ atEnds: firstMessagePages, seek: listMessages }),
  };
  return {
    ...loaders,
    /** A search's pages and count: each search is its own list, read as asked. */
    searchPage: (projectId: string, query: string, page: PageArgs<SearchKey>, filter: { archived: boolean }) => searchSessions(projectId, query, page, filter),
    searchCount: (projectId: string, query: string, filter: { archived: boolean }) => countSearchResults(projectId, query, filter),
    /** Forgets everything read so far; mutations call it after writing so the payload is read fresh. */
    clearAll(): void {
      for (const loader of Object.values(loaders)) loader.clearAll();
    },
  };
}

function byId<Row extends { id: string }>(load: (ids: readonly string[]) => Promise<Row[]>) {
  return new DataLoader<string, Row | null>(async (ids) => {
    const found = new Map((await load(ids)).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

interface PageSources<Row, Key> {
  /** Pages without a cursor for many parents at once. */
  atEnds?: (parentIds: readonly string[], window: PageWindow) => Promise<Map<string, Page<Row>>>;
  /** Any page of one parent; used alone after or before a cursor, which belongs to one parent. */
  seek(parentId: string, page: PageArgs<Key>): Promise<Page<Row>>;
  /** The by-id loader to fill with the rows read, so resolving one of them again costs nothing. */
  primes?: DataLoader<string, Row | null>;
}

/** Pages of a list (a project's sessions, a session's messages) for many parents per tick. */
function pageLoader<Row extends { id: string }, Key>(sources: PageSources<Row, Key>) {
  const readAtEnds = sources.atEnds;
  const atEnds = readAtEnds
    ? windowLoader<Row>(async (parentIds, window) =>
        // One parent (the usual case) is read by the plain seek, straight off the index; the
        // many-parent LATERAL read has to sort its result.
        parentIds.length === 1 ? new Map([[parentIds[0], await sources.seek(parentIds[0], pageAt(window))]]) : readAtEnds(parentIds, window),
      )
    : null;
  return {
    async load(parentId: string, page: PageArgs<Key>): Promise<Page<Row>> {
      const window = windowOf(page);
      const result = atEnds && window ? await atEnds.load({ parentId, window }) : await sources.seek(parentId, page);
      for (const row of result.rows) sources.primes?.prime(row.id, row);
      return result;
    },
    clearAll(): void {
      atEnds?.clearAll();
    },
  };
}

type WindowRequest = { parentId: string; window: PageWindow };

/** Batches cursor-less page requests; those asking for the same window are read in one statement. */
function windowLoader<Row>(readAtEnds: NonNullable<PageSources<Row, unknown>['atEnds']>) {
  const windowId = (window: PageWindow) => `${window.end}:${window.size}`;
  const requestId = (request: WindowRequest) => `${windowId(request.window)}:${request.parentId}`;
  return new DataLoader<WindowRequest, Page<Row>, string>(
    async (requests) => {
      const groups = new Map<string, { window: PageWindow; parentIds: string[] }>();
      for (const { parentId, window } of requests) {
        const group = groups.get(windowId(window)) ?? { window, parentIds: [] };
        group.parentIds.push(parentId);
        groups.set(windowId(window), group);
      }
      const pages = new Map<string, Page<Row>>();
      for (const { window, parentIds } of groups.values()) {
        for (const [parentId, page] of await readAtEnds(parentIds, window)) pages.set(requestId({ parentId, window }), page);
      }
      return requests.map((request) => pages.get(requestId(request)) ?? { rows: [], hasNextPage: false, hasPreviousPage: false });
    },
    { cacheKeyFn: requestId },
  );
}

function pageAt(window: PageWindow): PageArgs<never> {
  return window.end === 'first' ? { first: window.size } : { last: window.size };
}

function windowOf<Key>(page: PageArgs<Key>): PageWindow | null {
  if (page.after !== undefined || page.before !== undefined) return null;
  if (page.first !== undefined) return { end: 'first', size: page.first };
  if (page.last !== undefined) return { end: 'last', size: page.last };
  return null;
}

/** A read of the viewer's own done at most once per request (until cleared, after a write). */
function once<Value>(read: () => Promise<Value>) {
  let pending: Promise<Value> | null = null;
  const load = () => (pending ??= read());
  return Object.assign(load, {
    clearAll(): void {
      pending = null;
    },
  });
}
