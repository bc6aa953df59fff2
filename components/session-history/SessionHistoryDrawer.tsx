'use client';

import { Fragment, useEffect, useLayoutEffect, useRef, useState, useTransition, type KeyboardEvent as ReactKeyboardEvent, type RefObject } from 'react';
import { actionFailed } from '@/lib/actionResult';
import { CloseIcon, SpinnerIcon } from '@/components/ui/icons';
import { ProgressiveButton } from '@/components/ui/ProgressiveButton';
import styles from './SessionHistory.module.css';
import { focusHistoryButtonAfterNavigation, sessionPath } from './SessionAddress';
import { SessionHistoryItemRow } from './SessionHistoryItemRow';
import { useRouter } from 'next/navigation';
import { UNTITLED_SESSION, type SessionHistoryActions, type SessionHistoryItem, type SessionHistoryPage } from './types';

interface SessionHistoryDrawerProps {
  id: string;
  projectPath: string;
  currentSessionId: string | null;
  firstPage: SessionHistoryPage;
  totalCount: number;
  showingOlder: boolean;
  actions: SessionHistoryActions;
  /** Closes the drawer; with returnFocus, focus goes back to the toggle. */
  onClose: (returnFocus: boolean) => void;
  /** The button that opened the drawer: clicks on it are not "outside". */
  toggle: RefObject<HTMLElement | null>;
}

interface FocusRequest {
  sessionId: string;
  /** Grows with every request, so asking for the same row twice still moves focus. */
  seq: number;
}

/** Results as you type: the search waits for this pause in typing. */
const SEARCH_DELAY_MS = 250;

const CONNECTION_PROBLEM = 'Something went wrong. Check your connection and try again.';

/**
 * The project's sessions, newest first: the server-rendered first page, then pages appended by
 * Show More. Renames and deletions apply here at once; the server re-renders the rest.
 *
 * A modal dialog for the keyboard (WAI-ARIA dialog pattern): focus starts on the current
 * session, Tab stays inside, Escape or a click outside closes it. The list is one tab stop
 * (a roving tabindex): Up/Down/Home/End move between sessions, Enter restores, Right/Left reach
 * a row's Rename and Delete, F2 renames and Delete deletes.
 */
export function SessionHistoryDrawer({
  id,
  projectPath,
  currentSessionId,
  firstPage,
  totalCount,
  showingOlder,
  actions,
  onClose,
  toggle,
}: SessionHistoryDrawerProps) {
  const [appended, setAppended] = useState<SessionHistoryItem[]>([]);
  // undefined until Show More is used; then the cursor after the last appended page (null at the end).
  const [appendedCursor, setAppendedCursor] = useState<string | null | undefined>(undefined);
  const [deleted, setDeleted] = useState<ReadonlySet<string>>(new Set());
  // Pins and archives made here, shown at once (the server's re-render follows).
  const [flags, setFlags] = useState<ReadonlyMap<string, Partial<Pick<SessionHistoryItem, 'pinned' | 'archived'>>>>(new Map());
  // The Archived filter: its own pages, read when it is switched on.
  const [showArchived, setShowArchived] = useState(false);
  // The search box: what is typed, and the results of the last search that came back.
  const [searchText, setSearchText] = useState('');
  const [results, setResults] = useState<{ query: string; items: SessionHistoryItem[]; nextCursor: string | null } | null>(null);
  // Which search (filter and query) last came back, with results or an error.
  const [settledSearch, setSettledSearch] = useState<string | null>(null);
  const [archivedPages, setArchivedPages] = useState<{
    items: SessionHistoryItem[];
    nextCursor: string | null;
  } | null>(null);
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [restoringId, setRestoringId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [loadingMore, startLoadingMore] = useTransition();
  const [, startRestoring] = useTransition();
  const router = useRouter();
  const dialog = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const query = searchText.trim();
  const showingResults = query !== '' && results !== null;
  const searchKey = `${showArchived ? 'archived' : 'listed'}:${query}`;
  const searching = query !== '' && settledSearch !== searchKey;
  const listed = showingResults ? results.items : showArchived ? (archivedPages?.items ?? []) : mergePages(firstPage.items, appended);
  const items = listed
    .filter((item) => !deleted.has(item.id))
    .map((item) => ({
      ...item,
      ...flags.get(item.id),
      title: titles.get(item.id) ?? item.title,
    }))
    .filter((item) => item.archived === showArchived)
    // Results keep their ranking; lists are pinned first, then newest first.
    .sort(showingResults ? () => 0 : inListOrder);
  const nextCursor = showingResults
    ? results.nextCursor
    : showArchived
      ? (archivedPages?.nextCursor ?? null)
      : appendedCursor === undefined
        ? firstPage.nextCursor
        : appendedCursor;
  // The row the list's single tab stop is on: the last one focused, else the current session, else the newest.
  const [activeId, setActiveId] = useState<string | null>(null);
  const tabStopId = items.some((item) => item.id === activeId) ? activeId : ((items.find((item) => item.id === currentSessionId) ?? items[0])?.id ?? null);

  const requestFocus = (sessionId: string) => setFocusRequest((current) => ({ sessionId, seq: (current?.seq ?? 0) + 1 }));

  // When the drawer opens, focus goes to the list's tab stop (or the dialog itself when the list is empty),
  // before the first paint: focus that arrived a frame later would take the caret from a search already begun.
  useLayoutEffect(() => {
    const tabStop = dialog.current?.querySelector<HTMLElement>('[data-cell][tabindex="0"]');
    (tabStop ?? dialog.current)?.focus();
  }, []);

  useEffect(() => {
    function closeOnEscape(event: KeyboardEvent) {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose(true);
    }
    function closeOnClickOutside(event: PointerEvent) {
      const target = event.target as Node;
      if (dialog.current?.contains(target) || toggle.current?.contains(target)) return;
      onClose(false);
    }
    // Focus that lands outside while the drawer is open (a screen reader's cursor, a script) is brought back.
    function keepFocusInside(event: FocusEvent) {
      const target = event.target as Node;
      if (!dialog.current || dialog.current.contains(target) || toggle.current?.contains(target)) return;
      const active = dialog.current.querySelector<HTMLElement>('[data-cell][tabindex="0"]');
      (active ?? dialog.current).focus();
    }
    document.addEventListener('keydown', closeOnEscape);
    document.addEventListener('pointerdown', closeOnClickOutside, true);
    document.addEventListener('focusin', keepFocusInside);
    return () => {
      document.removeEventListener('keydown', closeOnEscape);
      document.removeEventListener('pointerdown', closeOnClickOutside, true);
      document.removeEventListener('focusin', keepFocusInside);
    };
  }, [onClose, toggle]);

  // Results as you type: a search runs once typing pauses; an answer to an older query is dropped.
  const latestQuery = useRef('');
  useEffect(() => {
    latestQuery.current = query;
    if (query === '') return;
    async function search() {
      const result = await actions.searchSessions(query, null, showArchived).catch(() => actionFailed(CONNECTION_PROBLEM));
      if (latestQuery.current !== query) return;
      setSettledSearch(searchKey);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setError(null);
      setResults({ query, items: result.page.items, nextCursor: result.page.nextCursor });
      setActiveId(null);
      setAnnouncement(
        result.page.items.length === 0
          ? `No sessions match “${query}”.`
          : `${result.page.items.length}${result.page.nextCursor ? ' or more' : ''} ${result.page.items.length === 1 ? 'session matches' : 'sessions match'}.`,
      );
    }
    // search() cannot reject: a failed action becomes an error result above.
    const timer = setTimeout(() => void search(), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, searchKey, showArchived, actions]);

  /** An emptied box shows the list again, and the next query starts without the last one's results. */
  function changeSearchText(text: string) {
    setSearchText(text);
    if (text.trim() === '') setResults(null);
  }

  /** Escape in a non-empty search box clears it; in an empty one it closes the drawer. */
  function clearOnEscape(event: ReactKeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Escape' || searchText === '') return;
    event.preventDefault();
    changeSearchText('');
  }

  /** Tab and Shift+Tab cycle through the drawer's own tab stops. */
  function trapTab(event: ReactKeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'Tab' || !dialog.current) return;
    const stops = tabStops(dialog.current);
    if (stops.length === 0) {
      event.preventDefault();
      return;
    }
    const first = stops[0];
    const last = stops[stops.length - 1];
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === dialog.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  /** Arrow keys, Home and End move focus between the rows' cells (restore, rename, delete). */
  function moveBetweenRows(event: ReactKeyboardEvent<HTMLUListElement>) {
    const target = event.target as HTMLElement;
    if (!target.hasAttribute('data-cell') || !list.current) return;
    const rows = Array.from(list.current.querySelectorAll<HTMLElement>(':scope > li[data-row]'));
    const cellsOf = (row: HTMLElement) => Array.from(row.querySelectorAll<HTMLElement>('[data-cell]'));
    const row = target.closest('li');
    if (!row) return;
    let rowIndex = rows.indexOf(row);
    let column = cellsOf(row).indexOf(target);
    switch (event.key) {
      case 'ArrowDown':
        rowIndex = Math.min(rows.length - 1, rowIndex + 1);
        break;
      case 'ArrowUp':
        rowIndex = Math.max(0, rowIndex - 1);
        break;
      case 'Home':
        rowIndex = 0;
        break;
      case 'End':
        rowIndex = rows.length - 1;
        break;
      case 'ArrowRight':
        column += 1;
        break;
      case 'ArrowLeft':
        column = Math.max(0, column - 1);
        break;
      default:
        return;
    }
    event.preventDefault();
    const cells = cellsOf(rows[rowIndex]);
    cells[Math.min(column, cells.length - 1)]?.focus();
  }

  /** Switches between the sessions and the archived ones; the archived list is read each time it is shown. */
  function toggleArchived() {
    if (showArchived) {
      setShowArchived(false);
      setAnnouncement('Showing sessions.');
      return;
    }
    setError(null);
    startLoadingMore(async () => {
      const result = await actions.loadArchivedSessions(null).catch(() => actionFailed(CONNECTION_PROBLEM));
      startLoadingMore(() => {
        if (!result.ok) {
          setError(result.message);
          return;
        }
        setArchivedPages(result.page);
        setShowArchived(true);
        setActiveId(null);
        setAnnouncement(result.page.items.length === 0 ? 'No archived sessions.' : 'Showing archived sessions.');
      });
    });
  }

  function showMore() {
    if (!nextCursor || loadingMore) return;
    setError(null);
    const archived = showArchived;
    const searched = showingResults ? results.query : null;
    startLoadingMore(async () => {
      const load =
        searched !== null
          ? (cursor: string) => actions.searchSessions(searched, cursor, archived)
          : archived
            ? actions.loadArchivedSessions
            : actions.loadMoreSessions;
      const result = await load(nextCursor).catch(() => actionFailed(CONNECTION_PROBLEM));
      startLoadingMore(() => {
        if (!result.ok) {
          setError(result.message);
          return;
        }
        if (searched !== null) {
          setResults((current) =>
            current && current.query === searched
              ? { ...current, items: mergePages(current.items, result.page.items), nextCursor: result.page.nextCursor }
              : current,
          );
        } else if (archived) {
          setArchivedPages((current) => ({
            items: mergePages(current?.items ?? [], result.page.items),
            nextCursor: result.page.nextCursor,
          }));
        } else {
          setAppended((current) => [...current, ...result.page.items]);
          setAppendedCursor(result.page.nextCursor);
        }
        const first = result.page.items[0];
        if (first) {
          setActiveId(first.id);
          requestFocus(first.id);
        }
        setAnnouncement(`Loaded ${result.page.items.length} more sessions.`);
      });
    });
  }

  function restore(item: SessionHistoryItem) {
    if (item.id === currentSessionId) {
      onClose(true);
      return;
    }
    setError(null);
    setRestoringId(item.id);
    startRestoring(async () => {
      const result = await actions.restoreSession(item.id).catch(() => actionFailed(CONNECTION_PROBLEM));
      startRestoring(() => {
        setRestoringId(null);
        if (!result.ok) {
          setError(result.message);
          return;
        }
        onClose(true);
        // The session's own address, pushed: Back returns to the session before.
        focusHistoryButtonAfterNavigation();
        router.push(sessionPath(projectPath, item.id), { scroll: false });
      });
    });
  }

  async function rename(item: SessionHistoryItem, title: string): Promise<string | null> {
    const result = await actions.renameSession(item.id, title).catch(() => actionFailed(CONNECTION_PROBLEM));
    if (!result.ok) return result.message;
    setTitles((current) => new Map(current).set(item.id, result.title));
    setAnnouncement(`Renamed to “${result.title}”.`);
    return null;
  }

  async function remove(item: SessionHistoryItem): Promise<string | null> {
    const result = await actions.deleteSession(item.id).catch(() => actionFailed(CONNECTION_PROBLEM));
    if (!result.ok) return result.message;
    // Focus moves to the next session (or the previous one at the end).
    const index = items.findIndex((other) => other.id === item.id);
    const neighbour = items[index + 1] ?? items[index - 1];
    setDeleted((current) => new Set(current).add(item.id));
    setAnnouncement(`Deleted “${item.title ?? UNTITLED_SESSION}”.`);
    if (neighbour) {
      setActiveId(neighbour.id);
      requestFocus(neighbour.id);
    } else {
      dialog.current?.focus();
    }
    return null;
  }

  /** Pin/unpin or archive/unarchive: shown at once, put back with a message when the server refuses. */
  async function setFlag(item: SessionHistoryItem, flag: 'pinned' | 'archived') {
    const value = !item[flag];
    const action = flag === 'pinned' ? (value ? actions.pinSession : actions.unpinSession) : value ? actions.archiveSession : actions.unarchiveSession;
    const index = items.findIndex((other) => other.id === item.id);
    const neighbour = items[index + 1] ?? items[index - 1];
    setError(null);
    setFlags((current) => new Map(current).set(item.id, { ...current.get(item.id), [flag]: value }));
    const title = item.title ?? UNTITLED_SESSION;
    setAnnouncement(flag === 'pinned' ? `${value ? 'Pinned' : 'Unpinned'} “${title}”.` : `${value ? 'Archived' : 'Unarchived'} “${title}”.`);
    // A pinned row moves: focus follows it. An archived one leaves the list: focus goes to its neighbour.
    if (flag === 'pinned') requestFocus(item.id);
    else if (neighbour) {
      setActiveId(neighbour.id);
      requestFocus(neighbour.id);
    } else dialog.current?.focus();
    const result = await action(item.id).catch(() => actionFailed(CONNECTION_PROBLEM));
    if (!result.ok) {
      setFlags((current) =>
        new Map(current).set(item.id, {
          ...current.get(item.id),
          [flag]: !value,
        }),
      );
      setError(result.message);
    } else if (flag === 'archived' && !value && archivedPages) {
      setArchivedPages({
        ...archivedPages,
        items: archivedPages.items.filter((other) => other.id !== item.id),
      });
    }
  }

  return (
    <div id={id} ref={dialog} className={styles.drawer} role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} tabIndex={-1} onKeyDown={trapTab}>
      <div className={styles.header}>
        <h3 id={`${id}-title`} className={styles.title}>
          Session history
        </h3>
        <span className={styles.count}>
          {totalCount} {totalCount === 1 ? 'session' : 'sessions'}
        </span>
        <ProgressiveButton
          href={projectPath}
          className="icon-button small"
          aria-label="Close session history"
          data-tooltip="Close (Esc)"
          onClick={() => onClose(true)}
        >
          <CloseIcon />
        </ProgressiveButton>
      </div>
      <div className={styles.filter}>
        <input
          type="search"
          className={`input ${styles.search}`}
          aria-label="Search sessions"
          placeholder="Search sessions"
          value={searchText}
          maxLength={200}
          onChange={(event) => changeSearchText(event.target.value)}
          onKeyDown={clearOnEscape}
        />
        <div className={styles.segments} role="group" aria-label="Which sessions">
          <button type="button" className={styles.segment} aria-pressed={!showArchived} onClick={() => showArchived && toggleArchived()}>
            Recent
          </button>
          <button type="button" className={styles.segment} aria-pressed={showArchived} onClick={() => !showArchived && toggleArchived()}>
            Archived
          </button>
        </div>
      </div>
      <div className={styles.body}>
        {error && (
          <p className={`form-error ${styles.error}`} role="alert">
            {error}
          </p>
        )}
        {showingOlder && (
          <p className={styles.footer}>
            <a className="button small" href={`${projectPath}?history=open`}>
              Newest sessions
            </a>
          </p>
        )}
        {items.length === 0 ? (
          <p className={styles.empty}>
            {query !== ''
              ? searching
                ? 'Searching…'
                : `No sessions match “${query}”.`
              : showArchived
                ? 'No archived sessions.'
                : 'No sessions yet. Your first instruction to CoDirector starts one.'}
          </p>
        ) : (
          <ul
            ref={list}
            className={styles.list}
            aria-label={showingResults ? 'Search results' : showArchived ? 'Archived sessions, newest first' : 'Sessions, newest first'}
            aria-busy={searching}
            aria-describedby={`${id}-keys`}
            onKeyDown={moveBetweenRows}
          >
            {items.map((item, index) => (
              <Fragment key={item.id}>
                {headingBefore(items, index, showingResults) && (
                  <li aria-hidden="true" className={styles.groupHeading}>
                    {headingBefore(items, index, showingResults)}
                  </li>
                )}
                <SessionHistoryItemRow
                  item={item}
                  isCurrent={item.id === currentSessionId}
                  restoring={item.id === restoringId}
                  tabbable={item.id === tabStopId}
                  focusSignal={focusRequest?.sessionId === item.id ? focusRequest.seq : 0}
                  onFocusRow={() => setActiveId(item.id)}
                  onRestore={() => restore(item)}
                  onRename={(title) => rename(item, title)}
                  onDelete={() => remove(item)}
                  onTogglePinned={() => void setFlag(item, 'pinned')}
                  onToggleArchived={() => void setFlag(item, 'archived')}
                />
              </Fragment>
            ))}
          </ul>
        )}
        {nextCursor && (
          <div className={styles.footer}>
            <ProgressiveButton
              href={`${projectPath}?history=open&historyAfter=${encodeURIComponent(nextCursor)}`}
              className="button"
              onClick={showMore}
              aria-disabled={loadingMore}
              aria-busy={loadingMore}
            >
              {loadingMore ? (
                <>
                  <SpinnerIcon /> Loading…
                </>
              ) : (
                'Show More'
              )}
            </ProgressiveButton>
          </div>
        )}
        <p id={`${id}-keys`} className="visually-hidden">
          Up and down arrows move between sessions, Enter opens one; right arrow reaches Rename, Delete, Pin and Archive.
        </p>
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      </div>
    </div>
  );
}

/** The elements Tab stops at inside `root`, in document order. */
function tabStops(root: HTMLElement): HTMLElement[] {
  const candidates = root.querySelectorAll<HTMLElement>('a[href], button, input, textarea, select, [tabindex]');
  return Array.from(candidates).filter((element) => element.tabIndex >= 0 && !element.matches(':disabled') && element.getClientRects().length > 0);
}

/** The group heading above row `index`, when it starts a group: "Pinned", then the day groups. Results are not grouped. */
function headingBefore(items: readonly SessionHistoryItem[], index: number, showingResults: boolean): string | null {
  if (showingResults) return null;
  const item = items[index];
  const group = item.pinned ? 'Pinned' : item.group;
  const previous = items[index - 1];
  const previousGroup = previous ? (previous.pinned ? 'Pinned' : previous.group) : null;
  return group === previousGroup ? null : group;
}

/** The list's order: pinned first, then newest first (the server's, kept when a pin changes here). */
function inListOrder(a: SessionHistoryItem, b: SessionHistoryItem): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  if (a.createdAt.iso !== b.createdAt.iso) return a.createdAt.iso < b.createdAt.iso ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Pages in order, each session once: a deletion or a new session shifts rows between pages. */
function mergePages(firstPage: readonly SessionHistoryItem[], appended: readonly SessionHistoryItem[]): SessionHistoryItem[] {
  const seen = new Set<string>();
  return [...firstPage, ...appended].filter((item) => !seen.has(item.id) && seen.add(item.id));
}
