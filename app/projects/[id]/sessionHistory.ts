import 'server-only';
import { listSessions, sessionKey, type SessionKey } from '@/db/sessions';
import { encodeCursor } from '@/app/_lib/cursor';
import { labelDate } from '@/app/_lib/dates';
import type { SessionHistoryPage } from '@/components/session-history/types';

export const SESSIONS_PER_PAGE = 20;

/** One page of the project's sessions for the history drawer, newest first. */
export async function loadSessionHistoryPage(projectId: string, after?: SessionKey): Promise<SessionHistoryPage> {
  const page = await listSessions(projectId, { first: SESSIONS_PER_PAGE, after });
  const now = new Date();
  const last = page.rows.at(-1);
  return {
    items: page.rows.map((session) => ({ id: session.id, title: session.title, createdAt: labelDate(session.createdAt, now) })),
    nextCursor: page.hasNextPage && last ? encodeCursor(sessionKey(last)) : null,
  };
}
