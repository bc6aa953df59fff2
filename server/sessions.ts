import {
  deleteSession as deleteSessionRow,
  getCurrentSession,
  listSessions,
  renameSession as renameSessionRow,
  restoreSessionSwitch,
  setSessionFlags,
  startSessionSwitch,
  searchKey,
  searchSessions as searchSessionRows,
  type SearchKey,
  type SearchResult,
  type SessionFlags,
  type SessionSwitch,
} from '@/db/sessions';
import type { Session } from '@/db/schema';
import type { TokenScope } from '@/lib/auth/tokenScopes';
import { validateName } from '@/lib/validation';
import { ownedProject, ownedSession, requireViewer, type Caller } from './access';
import { badInput, notFound } from './errors';
import { inputObject, requiredId, requiredString, searchQuery } from './inputs';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page } from '@/db/pagination';
import { listEditsForSession } from '@/db/edits';
import { getTimeline } from '@/db/projects';
import { DEFAULT_DATE_SETTINGS, type DateSettings } from '@/lib/dates';
import { listMessages, messageKey, type MessageKey } from '@/db/messages';
import type { Message } from '@/db/schema';
import { EXPORT_FORMATS, exportFileName, sessionTranscript, transcriptJson, transcriptMarkdown, type ExportFormat } from '@/lib/sessionExport';
import { decodeCursor, encodeCursor, rankCreatedAtIdCursorKey, searchListParent } from '@/lib/cursors';
import { branchOriginsOf, sessionListPosition, withBranchOrigins, type BranchOrigin, type SessionHistoryPage } from './sessionHistory';
import { whileItExists } from './writes';

/**
 * Sessions of a project. `projectId`, where given, scopes a session id to that project (the
 * web app's actions are bound to the page's project); the API passes the session id alone.
 */

export type { SessionSwitch };

/** A fresh conversation, made the viewer's current one; an empty session of theirs is reused. */
export async function startSession(caller: Caller, raw: unknown): Promise<SessionSwitch> {
  const viewer = requireViewer(caller, 'WRITE');
  const input = inputObject(raw);
  const project = await ownedProject(viewer, requiredId(input.projectId, 'projectId'));
  return whileItExists('project', () => startSessionSwitch(viewer.user.id, project.id));
}

/** The viewer's current session on the project, starting one when they have none. */
export async function currentOrNewSession(caller: Caller, projectId: unknown): Promise<Session> {
  const viewer = requireViewer(caller, 'WRITE');
  const project = await ownedProject(viewer, requiredId(projectId, 'projectId'));
  return (
    (await getCurrentSession(viewer.user.id, project.id)) ?? (await whileItExists('project', () => startSessionSwitch(viewer.user.id, project.id))).session
  );
}

/** Makes a past session the viewer's current one on its project. */
export async function restoreSession(caller: Caller, raw: unknown): Promise<SessionSwitch> {
  const viewer = requireViewer(caller, 'WRITE');
  const session = await sessionFromInput(caller, raw, 'WRITE');
  return whileItExists('session', () => restoreSessionSwitch(viewer.user.id, session));
}

export async function renameSession(caller: Caller, raw: unknown): Promise<Session> {
  const input = inputObject(raw);
  const title = validateName('title', requiredString(input.title, 'title'));
  const session = await sessionFromInput(caller, input, 'WRITE');
  const renamed = await whileItExists('session', () => renameSessionRow(session, title));
  if (!renamed) throw notFound('session');
  return renamed;
}

/** Puts the session in the pinned group at the top of the history list. */
export const pinSession = (caller: Caller, raw: unknown) => setFlags(caller, raw, { pinned: true });
export const unpinSession = (caller: Caller, raw: unknown) => setFlags(caller, raw, { pinned: false });
/** Moves the session out of the default history list (restoring it brings it back). */
export const archiveSession = (caller: Caller, raw: unknown) => setFlags(caller, raw, { archived: true });
export const unarchiveSession = (caller: Caller, raw: unknown) => setFlags(caller, raw, { archived: false });

async function setFlags(caller: Caller, raw: unknown, flags: SessionFlags): Promise<Session> {
  const session = await sessionFromInput(caller, raw, 'WRITE');
  const updated = await whileItExists('session', () => setSessionFlags(session, flags));
  if (!updated) throw notFound('session');
  return updated;
}

/** Deletes the conversation; the edits it made stay on the timeline. NOT_FOUND when already gone. */
export async function deleteSession(caller: Caller, raw: unknown): Promise<Session> {
  const session = await sessionFromInput(caller, raw, 'WRITE');
  const deleted = await whileItExists('session', () => deleteSessionRow(session));
  if (!deleted) throw notFound('session');
  return session;
}

/** The viewer's project's sessions matching `query` (titles and what was said), best match first, 20 at a time. */
export async function searchSessions(
  caller: Caller,
  raw: unknown,
): Promise<{ page: Page<SearchResult>; nextCursor: string | null; branchOrigins: Map<string, BranchOrigin> }> {
  const viewer = requireViewer(caller, 'READ');
  const input = inputObject(raw);
  const project = await ownedProject(viewer, requiredId(input.projectId, 'projectId'));
  const query = searchQuery(input.query);
  if (query === null) throw badInput('query', '`query` must be 1 to 200 characters.');
  const archived = input.archived === true;
  // The API's cursor format and list: a cursor works in `Project.sessions(query:)` and here alike.
  const list = { name: 'Project.sessions', parentId: searchListParent(project.id, query, archived) };
  let after: SearchKey | undefined;
  if (input.cursor !== undefined && input.cursor !== null) {
    const decoded = decodeCursor(requiredString(input.cursor, 'cursor'), list, rankCreatedAtIdCursorKey);
    if (!('key' in decoded)) throw badInput('cursor', 'Could not load more results. Search again.');
    after = decoded.key;
  }
  const page = await searchSessionRows(project.id, query, { first: DEFAULT_PAGE_SIZE, after }, { archived });
  const last = page.rows.at(-1);
  return {
    page,
    nextCursor: page.hasNextPage && last ? encodeCursor(list, rankCreatedAtIdCursorKey, searchKey(last)) : null,
    branchOrigins: await branchOriginsOf(page.rows),
  };
}

/**
 * A page of the project's history list, as the drawer shows it and `Project.sessions` pages it:
 * pinned first, then newest first; archived sessions with `archived`, the rest without.
 */
export async function listSessionHistory(caller: Caller, raw: unknown): Promise<SessionHistoryPage> {
  const viewer = requireViewer(caller, 'READ');
  const input = inputObject(raw);
  const project = await ownedProject(viewer, requiredId(input.projectId, 'projectId'));
  const after = input.cursor === undefined || input.cursor === null ? undefined : sessionListPosition(project.id, input.cursor);
  return withBranchOrigins(project.id, await listSessions(project.id, { first: DEFAULT_PAGE_SIZE, after }, { archived: input.archived === true }));
}

/**
 * A session's transcript as a file: Markdown or JSON (lib/sessionExport.ts). NOT_FOUND for another
 * user's session. `dates` are the reader's locale and zone when the adapter knows them (UTC else).
 */
export async function exportSession(caller: Caller, raw: unknown, dates?: DateSettings): Promise<{ fileName: string; contentType: string; body: string }> {
  const input = inputObject(raw);
  const format = input.format ?? 'md';
  if (!EXPORT_FORMATS.includes(format as ExportFormat)) throw badInput('format', '`format` must be `md` or `json`.');
  const session = await sessionFromInput(caller, input, 'READ');
  const messages: Message[] = [];
  for (let after: MessageKey | undefined; ;) {
    const page = await listMessages(session.id, { first: MAX_PAGE_SIZE, after, checkBeyondCursor: false });
    messages.push(...page.rows);
    if (!page.hasNextPage) break;
    after = messageKey(page.rows[page.rows.length - 1]);
  }
  const transcript = sessionTranscript(session, messages, await listEditsForSession(session.id));
  if (format === 'json')
    return { fileName: exportFileName(transcript, 'json'), contentType: 'application/json; charset=utf-8', body: transcriptJson(transcript) };
  const clipNames = new Map((await getTimeline(session.projectId)).map((clip) => [clip.id, clip.name]));
  return {
    fileName: exportFileName(transcript, 'md'),
    contentType: 'text/markdown; charset=utf-8',
    body: transcriptMarkdown(transcript, { dates: dates ?? DEFAULT_DATE_SETTINGS, clipNames }),
  };
}

async function sessionFromInput(caller: Caller, raw: unknown, scope: TokenScope): Promise<Session> {
  const viewer = requireViewer(caller, scope);
  const input = inputObject(raw);
  const sessionId = requiredId(input.sessionId, 'sessionId');
  const projectId = input.projectId === undefined ? undefined : requiredId(input.projectId, 'projectId');
  return ownedSession(viewer, sessionId, projectId);
}
