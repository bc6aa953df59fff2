import type { Page } from '@/db/pagination';
import type { Session } from '@/db/schema';
import { getBranchOrigins, sessionKey, type SessionKey } from '@/db/sessions';
import { decodeCursor, encodeCursor, pinnedCreatedAtIdCursorKey } from '@/lib/cursors';
import { badInput } from './errors';
import { requiredString } from './inputs';

/*
 * The history list's pages as the use cases hand them out (server/sessions.ts listSessionHistory,
 * server/projectPage.ts): no entry points here.
 */

/** Where a branch was copied from: its source's title and the instruction's time (null once deleted). */
export type BranchOrigin = { title: string | null; at: Date | null };

/** A page of a history list, with where each branch on it came from. */
export interface SessionHistoryPage {
  page: Page<Session>;
  branchOrigins: Map<string, BranchOrigin>;
  nextCursor: string | null;
}

/** The API's list of a project's sessions: the drawer's cursors are `Project.sessions` cursors. */
const sessionsOf = (projectId: string) => ({ name: 'Project.sessions', parentId: projectId });

/** The position a history cursor stands for; BAD_USER_INPUT for anything else, as a stale or foreign cursor. */
export function sessionListPosition(projectId: string, cursor: unknown): SessionKey {
  const decoded = decodeCursor(requiredString(cursor, 'cursor'), sessionsOf(projectId), pinnedCreatedAtIdCursorKey);
  if (!('key' in decoded)) throw badInput('cursor', 'Could not load more sessions. Reload the page and try again.');
  return decoded.key;
}

/** A history page with its branches' origins (no read when none is a branch) and the cursor after it. */
export async function withBranchOrigins(projectId: string, page: Page<Session>): Promise<SessionHistoryPage> {
  const last = page.rows.at(-1);
  return {
    page,
    branchOrigins: await branchOriginsOf(page.rows),
    nextCursor: page.hasNextPage && last ? encodeCursor(sessionsOf(projectId), pinnedCreatedAtIdCursorKey, sessionKey(last)) : null,
  };
}

/** Where the branches among `sessions` came from; no read when none is a branch. */
export function branchOriginsOf(sessions: readonly Session[]): Promise<Map<string, BranchOrigin>> {
  return getBranchOrigins(sessions.filter((session) => session.forkedFromSessionId !== null).map((session) => session.id));
}
