import 'server-only';
import { getBranchOrigins } from '@/db/checkpoints';
import { DEFAULT_PAGE_SIZE } from '@/db/pagination';
import { listSessions, sessionKey, type SessionKey } from '@/db/sessions';
import { createdAtIdCursorKey, decodeCursor, encodeCursor, type ListIdentity } from '@/lib/cursors';
import { labelDate } from '@/lib/dates';
import { branchLabel } from '@/server/checkpoints';
import type { SessionHistoryPage } from '@/components/session-history/types';

/** The drawer pages the same list as the API's `Project.sessions`: its cursors work in both. */
const sessionsOf = (projectId: string): ListIdentity => ({ name: 'Project.sessions', parentId: projectId });

/** One page of the project's sessions for the history drawer, newest first. */
export async function loadSessionHistoryPage(projectId: string, after?: SessionKey): Promise<SessionHistoryPage> {
  const page = await listSessions(projectId, { first: DEFAULT_PAGE_SIZE, after });
  const now = new Date();
  const last = page.rows.at(-1);
  const branches = page.rows.filter((session) => session.forkedFromSessionId !== null).map((session) => session.id);
  const origins = await getBranchOrigins(branches);
  return {
    items: page.rows.map((session) => {
      const origin = origins.get(session.id);
      return { id: session.id, title: session.title, createdAt: labelDate(session.createdAt, now), branchedFrom: origin ? branchLabel(origin) : null };
    }),
    nextCursor: page.hasNextPage && last ? encodeCursor(sessionsOf(projectId), createdAtIdCursorKey, sessionKey(last)) : null,
  };
}

/** The position a drawer cursor stands for, or null when it is not a cursor of this project's sessions. */
export function sessionHistoryPosition(projectId: string, cursor: string | undefined): SessionKey | null {
  if (!cursor) return null;
  const decoded = decodeCursor(cursor, sessionsOf(projectId), createdAtIdCursorKey);
  return 'key' in decoded ? decoded.key : null;
}
