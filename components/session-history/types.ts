import type { ActionResult } from '@/lib/actionResult';
import type { DateLabel } from '@/lib/dates';
import type { SnippetSegment } from '@/lib/snippets';

export interface SessionHistoryItem {
  id: string;
  /** Null until the session's first instruction titles it. */
  title: string | null;
  /** Date and time in the viewer's time zone. */
  createdAt: DateLabel;
  /** The day group in the viewer's time zone: Today, Yesterday, Previous 7 days, Previous 30 days, or a month. */
  group: string;
  /** "Branched from …" for a session made by branching; absent otherwise. */
  branchedFrom?: string | null;
  /** Pinned sessions head the list, in a "Pinned" group. */
  pinned: boolean;
  archived: boolean;
  /** In search results: the passage that matched, its matched words marked. */
  snippet?: SnippetSegment[];
}

export interface SessionHistoryPage {
  items: SessionHistoryItem[];
  /** Where the next page starts; null on the last page. */
  nextCursor: string | null;
}

/** The drawer's server actions, already bound to the project. */
export interface SessionHistoryActions {
  restoreSession: (sessionId: string) => Promise<ActionResult>;
  renameSession: (sessionId: string, title: string) => Promise<ActionResult<{ title: string }>>;
  deleteSession: (sessionId: string) => Promise<ActionResult>;
  loadMoreSessions: (cursor: string) => Promise<ActionResult<{ page: SessionHistoryPage }>>;
  pinSession: (sessionId: string) => Promise<ActionResult>;
  unpinSession: (sessionId: string) => Promise<ActionResult>;
  archiveSession: (sessionId: string) => Promise<ActionResult>;
  unarchiveSession: (sessionId: string) => Promise<ActionResult>;
  /** The Archived filter's pages: the first without a cursor. */
  loadArchivedSessions: (cursor?: string | null) => Promise<ActionResult<{ page: SessionHistoryPage }>>;
  /** The search box: the first page of results for `query` without a cursor. */
  searchSessions: (query: string, cursor?: string | null, archived?: boolean) => Promise<ActionResult<{ page: SessionHistoryPage }>>;
}

export const UNTITLED_SESSION = 'New session';
