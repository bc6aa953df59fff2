import 'server-only';
import { getBranchOrigins } from '@/db/checkpoints';
import { DEFAULT_PAGE_SIZE } from '@/db/pagination';
import { DEFAULT_SESSION_LIST, listSessions, sessionKey, type SessionKey, type SessionListFilter } from '@/db/sessions';
import { pinnedCreatedAtIdCursorKey, decodeCursor, encodeCursor, type ListIdentity } from '@/lib/cursors';
import { cookies } from 'next/headers';
import { historyGroup, labelDateTime, TIME_ZONE_COOKIE, validTimeZone } from '@/lib/dateGroups';
import { branchLabel } from '@/server/checkpoints';
import type { SessionHistoryItem, SessionHistoryPage } from '@/components/session-history/types';
import type { Page } from '@/db/pagination';
import type { Session } from '@/db/schema';
import type { SearchResult } from '@/db/sessionSearch';
import { snippetSegments } from '@/lib/snippets';

/** The drawer pages the same list as the API's `Project.sessions`: its cursors work in both. */
const sessionsOf = (projectId: string): ListIdentity => ({ name: 'Project.sessions', parentId: projectId });

/** One page of the project's (un)archived sessions for the history drawer: pinned first, then newest first. */
export async function loadSessionHistoryPage(
  projectId: string,
  after?: SessionKey,
  filter: SessionListFilter = DEFAULT_SESSION_LIST,
): Promise<SessionHistoryPage> {
  const page = await listSessions(projectId, { first: DEFAULT_PAGE_SIZE, after }, filter);
  const last = page.rows.at(-1);
  return {
    items: await historyItems(page.rows),
    nextCursor: page.hasNextPage && last ? encodeCursor(sessionsOf(projectId), pinnedCreatedAtIdCursorKey, sessionKey(last)) : null,
  };
}

/** The drawer's search: a page of results with their snippets (cursors from the use case, the API's format). */
export async function searchResultsPage(result: { page: Page<SearchResult>; nextCursor: string | null }): Promise<SessionHistoryPage> {
  const items = await historyItems(result.page.rows);
  return {
    items: items.map((item, index) => ({ ...item, snippet: snippetSegments(result.page.rows[index].snippet) })),
    nextCursor: result.nextCursor,
  };
}

/** The viewer's time zone, from the cookie TimeZoneCookie sets (UTC until it has). */
async function viewerTimeZone(): Promise<string> {
  return validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value);
}

async function historyItems(rows: Session[]): Promise<SessionHistoryItem[]> {
  const now = new Date();
  const timeZone = await viewerTimeZone();
  const branches = rows.filter((session) => session.forkedFromSessionId !== null).map((session) => session.id);
  const origins = await getBranchOrigins(branches);
  return rows.map((session) => {
      const origin = origins.get(session.id);
      return {
        id: session.id,
        title: session.title,
        createdAt: labelDateTime(session.createdAt, timeZone),
        group: historyGroup(session.createdAt, now, timeZone),
        branchedFrom: origin ? branchLabel(origin) : null,
        pinned: session.pinned,
        archived: session.archived,
      };
  });
}

/** The position a drawer cursor stands for, or null when it is not a cursor of this project's sessions. */
export function sessionHistoryPosition(projectId: string, cursor: string | undefined): SessionKey | null {
  if (!cursor) return null;
  const decoded = decodeCursor(cursor, sessionsOf(projectId), pinnedCreatedAtIdCursorKey);
  return 'key' in decoded ? decoded.key : null;
}
