import 'server-only';
import { getBranchOrigins } from '@/db/checkpoints';
import { listSessions, sessionKey, type SessionKey } from '@/db/sessions';
import { branchLabel } from '@/server/checkpoints';
import { encodeCursor } from '@/app/_lib/cursor';
import { labelDate } from '@/app/_lib/dates';
import type { SessionHistoryPage } from '@/components/session-history/types';

export const SESSIONS_PER_PAGE = 20;

/** One page of the project's sessions for the history drawer, newest first. */
export async function loadSessionHistoryPage(projectId: string, after?: SessionKey): Promise<SessionHistoryPage> {
  const page = await listSessions(projectId, { first: SESSIONS_PER_PAGE, after });
  const now = new Date();
  const last = page.rows.at(-1);
  const branches = page.rows.filter((session) => session.forkedFromSessionId !== null).map((session) => session.id);
  const origins = await getBranchOrigins(branches);
  return {
    items: page.rows.map((session) => {
      const origin = origins.get(session.id);
      return { id: session.id, title: session.title, createdAt: labelDate(session.createdAt, now), branchedFrom: origin ? branchLabel(origin) : null };
    }),
    nextCursor: page.hasNextPage && last ? encodeCursor(sessionKey(last)) : null,
  };
}
