import 'server-only';
import type { Page } from '@/db/pagination';
import type { Session } from '@/db/schema';
import type { SearchResult } from '@/db/sessions';
import { historyGroup } from '@/lib/dateGroups';
import { labelDate, type DateSettings } from '@/lib/dates';
import { snippetSegments } from '@/lib/snippets';
import { branchLabel } from '@/server/checkpoints';
import type { BranchOrigin, SessionHistoryPage as SessionHistoryRead } from '@/server/sessionHistory';
import type { SessionHistoryItem, SessionHistoryPage } from '@/components/session-history/types';
import { viewerDateSettings } from '@/app/_lib/viewerDates';

/** A history page as the drawer shows it: days and times in the viewer's locale and time zone, branches marked. */
export async function sessionHistoryPage({ page, branchOrigins, nextCursor }: SessionHistoryRead): Promise<SessionHistoryPage> {
  return { items: await historyItems(page.rows, branchOrigins), nextCursor };
}

/** The drawer's search: a page of results with their snippets (cursors from the use case, the API's format). */
export async function searchResultsPage(result: {
  page: Page<SearchResult>;
  nextCursor: string | null;
  branchOrigins: ReadonlyMap<string, BranchOrigin>;
}): Promise<SessionHistoryPage> {
  const items = await historyItems(result.page.rows, result.branchOrigins);
  return {
    items: items.map((item, index) => ({ ...item, snippet: snippetSegments(result.page.rows[index].snippet) })),
    nextCursor: result.nextCursor,
  };
}

async function historyItems(rows: Session[], branchOrigins: ReadonlyMap<string, BranchOrigin>): Promise<SessionHistoryItem[]> {
  const now = new Date();
  const dates: DateSettings = await viewerDateSettings();
  return rows.map((session) => {
    const origin = branchOrigins.get(session.id);
    return {
      id: session.id,
      title: session.title,
      createdAt: labelDate(session.createdAt, now, dates),
      group: historyGroup(session.createdAt, now, dates),
      branchedFrom: origin ? branchLabel(origin, dates) : null,
      pinned: session.pinned,
      archived: session.archived,
    };
  });
}
