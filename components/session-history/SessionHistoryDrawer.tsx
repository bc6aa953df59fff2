'use client';

import { useEffect, useRef, useState, useTransition } from 'react';
import { actionFailed } from '@/lib/actionResult';
import { CloseIcon, SpinnerIcon } from '@/components/ui/icons';
import { ProgressiveButton } from '@/components/ui/ProgressiveButton';
import styles from './SessionHistory.module.css';
import { SessionHistoryItemRow } from './SessionHistoryItemRow';
import { UNTITLED_SESSION, type SessionHistoryActions, type SessionHistoryItem, type SessionHistoryPage } from './types';

interface SessionHistoryDrawerProps {
  id: string;
  projectPath: string;
  currentSessionId: string | null;
  firstPage: SessionHistoryPage;
  totalCount: number;
  showingOlder: boolean;
  actions: SessionHistoryActions;
  onClose: () => void;
}

const CONNECTION_PROBLEM = 'Something went wrong. Check your connection and try again.';

/**
 * The project's sessions, newest first: the server-rendered first page, then pages appended by
 * Show More. Renames and deletions apply here at once; the server re-renders the rest.
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
}: SessionHistoryDrawerProps) {
  const [appended, setAppended] = useState<SessionHistoryItem[]>([]);
  // undefined until Show More is used; then the cursor after the last appended page (null at the end).
  const [appendedCursor, setAppendedCursor] = useState<string | null | undefined>(undefined);
  const [deleted, setDeleted] = useState<ReadonlySet<string>>(new Set());
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  const [focusId, setFocusId] = useState<string | null>(null);
  const [restoringId, setRestoringId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [loadingMore, startLoadingMore] = useTransition();
  const [, startRestoring] = useTransition();
  const dialog = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const items = mergePages(firstPage.items, appended)
    .filter((item) => !deleted.has(item.id))
    .map((item) => ({ ...item, title: titles.get(item.id) ?? item.title }));
  const nextCursor = appendedCursor === undefined ? firstPage.nextCursor : appendedCursor;

  useEffect(() => {
    const first = list.current?.querySelector<HTMLButtonElement>('button');
    (first ?? dialog.current)?.focus();
  }, []);

  useEffect(() => {
    function closeOnEscape(event: KeyboardEvent) {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose();
    }
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [onClose]);

  function showMore() {
    if (!nextCursor || loadingMore) return;
    setError(null);
    startLoadingMore(async () => {
      const result = await actions.loadMoreSessions(nextCursor).catch(() => actionFailed(CONNECTION_PROBLEM));
      startLoadingMore(() => {
        if (!result.ok) {
          setError(result.message);
          return;
        }
        setAppended((current) => [...current, ...result.page.items]);
        setAppendedCursor(result.page.nextCursor);
        setFocusId(result.page.items[0]?.id ?? null);
        setAnnouncement(`Loaded ${result.page.items.length} more sessions.`);
      });
    });
  }

  function restore(item: SessionHistoryItem) {
    if (item.id === currentSessionId) {
      onClose();
      return;
    }
    setError(null);
    setRestoringId(item.id);
    startRestoring(async () => {
      const result = await actions.restoreSession(item.id).catch(() => actionFailed(CONNECTION_PROBLEM));
      startRestoring(() => {
        setRestoringId(null);
        if (result.ok) onClose();
        else setError(result.message);
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
    setDeleted((current) => new Set(current).add(item.id));
    setAnnouncement(`Deleted “${item.title ?? UNTITLED_SESSION}”.`);
    dialog.current?.focus();
    return null;
  }

  return (
    <div id={id} ref={dialog} className={styles.drawer} role="dialog" aria-labelledby={`${id}-title`} tabIndex={-1}>
      <div className={styles.header}>
        <h3 id={`${id}-title`} className={styles.title}>
          Session history
        </h3>
        <span className={styles.count}>
          {totalCount} {totalCount === 1 ? 'session' : 'sessions'}
        </span>
        <ProgressiveButton href={projectPath} className="icon-button small" aria-label="Close session history" onClick={onClose}>
          <CloseIcon />
        </ProgressiveButton>
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
          <p className={styles.empty}>No sessions yet. Your first instruction to CoDirector starts one.</p>
        ) : (
          <ul ref={list} className={styles.list} aria-label="Sessions, newest first">
            {items.map((item) => (
              <SessionHistoryItemRow
                key={item.id}
                item={item}
                isCurrent={item.id === currentSessionId}
                restoring={item.id === restoringId}
                takeFocus={item.id === focusId}
                onRestore={() => restore(item)}
                onRename={(title) => rename(item, title)}
                onDelete={() => remove(item)}
              />
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
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      </div>
    </div>
  );
}

/** Pages in order, each session once: a deletion or a new session shifts rows between pages. */
function mergePages(firstPage: readonly SessionHistoryItem[], appended: readonly SessionHistoryItem[]): SessionHistoryItem[] {
  const seen = new Set<string>();
  return [...firstPage, ...appended].filter((item) => !seen.has(item.id) && seen.add(item.id));
}
