'use client';

import { useEffect, useRef, useState, useTransition, type KeyboardEvent } from 'react';
import { InlineRenameForm } from '@/components/ui/InlineRenameForm';
import { BranchMarker } from '@/components/checkpoints/BranchMarker';
import { ArchiveIcon, ArrowDownIcon, PencilIcon, PinIcon, TrashIcon } from '@/components/ui/icons';
import styles from './SessionHistory.module.css';
import { UNTITLED_SESSION, type SessionHistoryItem } from './types';

interface SessionHistoryItemRowProps {
  item: SessionHistoryItem;
  isCurrent: boolean;
  restoring: boolean;
  /** The row holds the list's one tab stop (on its title). */
  tabbable: boolean;
  /** Non-zero, and changing, when focus should move to this row (opening, Show More, a deletion). */
  focusSignal: number;
  onFocusRow: () => void;
  onRestore: () => void;
  /** Each resolves to an error message to show, or null when done. */
  onRename: (title: string) => Promise<string | null>;
  onDelete: () => Promise<string | null>;
  /** Pins or unpins (toggles `item.pinned`); archives or unarchives (toggles `item.archived`). */
  onTogglePinned: () => void;
  onToggleArchived: () => void;
}

type Mode = 'viewing' | 'renaming' | 'confirmingDelete';

/** One session in the history list: click to restore; rename and delete (confirmed) in place. */
export function SessionHistoryItemRow({
  item,
  isCurrent,
  restoring,
  tabbable,
  focusSignal,
  onFocusRow,
  onRestore,
  onRename,
  onDelete,
  onTogglePinned,
  onToggleArchived,
}: SessionHistoryItemRowProps) {
  const [mode, setMode] = useState<Mode>('viewing');
  const restoreButton = useRef<HTMLButtonElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  // Leaving the rename form or the delete confirmation puts focus back on the row.
  const returnFocus = useRef(false);
  const title = item.title ?? UNTITLED_SESSION;

  useEffect(() => {
    if (focusSignal) restoreButton.current?.focus();
  }, [focusSignal]);

  useEffect(() => {
    if (mode !== 'viewing' || !returnFocus.current) return;
    returnFocus.current = false;
    restoreButton.current?.focus();
  }, [mode]);

  function backToViewing() {
    returnFocus.current = true;
    setMode('viewing');
  }

  /** F2 renames, Delete asks to delete, the menu key (or Shift+F10) goes to the row's Rename and Delete. */
  function rowShortcuts(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'F2') setMode('renaming');
    else if (event.key === 'Delete') setMode('confirmingDelete');
    else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) renameButton.current?.focus();
    else return;
    event.preventDefault();
  }

  return (
    <li className={`${styles.item} ${isCurrent ? styles.current : ''}`} onFocus={onFocusRow} data-row>
      {mode === 'renaming' ? (
        <InlineRenameForm
          inputId="rename-session-title"
          label="Session title"
          defaultValue={item.title ?? ''}
          onSave={onRename}
          onDone={backToViewing}
          formClassName={styles.inline}
          buttonsClassName={styles.inlineButtons}
        />
      ) : mode === 'confirmingDelete' ? (
        <ConfirmDelete title={title} onDelete={onDelete} onCancel={backToViewing} />
      ) : (
        <>
          <button
            type="button"
            className={styles.restore}
            onClick={onRestore}
            // A long title is cut short with an ellipsis; the tooltip shows all of it.
            title={title}
            aria-current={isCurrent ? 'true' : undefined}
            aria-busy={restoring}
            aria-keyshortcuts="F2 Delete"
            ref={restoreButton}
            data-cell
            tabIndex={tabbable ? 0 : -1}
            onKeyDown={rowShortcuts}
          >
            {title}
          </button>
          <p className={styles.meta}>
            {/* Screen readers get the full timestamp, once; the short date and its hover tooltip are for the eye. */}
            <time dateTime={item.createdAt.iso}>
              <span aria-hidden="true" data-tooltip={item.createdAt.full} data-tooltip-placement="top" data-tooltip-align="start">
                {item.createdAt.text}
              </span>
              <span className="visually-hidden">{item.createdAt.full}</span>
            </time>
            {isCurrent && <span className={styles.currentBadge}>Current</span>}
            {item.pinned && <span className="visually-hidden">Pinned</span>}
            {item.archived && <span className={styles.archivedBadge}>Archived</span>}
            {restoring && <span>Opening…</span>}
          </p>
          {item.branchedFrom && <BranchMarker label={item.branchedFrom} inList />}
          {item.snippet && item.snippet.length > 0 && (
            <p className={styles.snippet}>{item.snippet.map((segment, index) => (segment.marked ? <mark key={index}>{segment.text}</mark> : segment.text))}</p>
          )}
          <div className={styles.actions}>
            <button
              type="button"
              ref={renameButton}
              className="icon-button small"
              aria-label={`Rename “${title}”`}
              data-tooltip="Rename (F2)"
              data-cell
              tabIndex={-1}
              onClick={() => setMode('renaming')}
            >
              <PencilIcon />
            </button>
            <button
              type="button"
              className="icon-button small"
              aria-label={`Delete “${title}”`}
              data-tooltip="Delete (Del)"
              data-cell
              tabIndex={-1}
              onClick={() => setMode('confirmingDelete')}
            >
              <TrashIcon />
            </button>
            <button
              type="button"
              className="icon-button small"
              aria-label={`${item.pinned ? 'Unpin' : 'Pin'} “${title}”`}
              aria-pressed={item.pinned}
              data-tooltip={item.pinned ? 'Unpin' : 'Pin to the top'}
              data-cell
              tabIndex={-1}
              onClick={onTogglePinned}
            >
              <PinIcon />
            </button>
            <button
              type="button"
              className="icon-button small"
              aria-label={`${item.archived ? 'Unarchive' : 'Archive'} “${title}”`}
              data-tooltip={item.archived ? 'Unarchive' : 'Archive'}
              data-cell
              tabIndex={-1}
              onClick={onToggleArchived}
            >
              <ArchiveIcon />
            </button>
            <a
              className="icon-button small"
              href={`/api/sessions/${item.id}/export?format=md`}
              download
              aria-label={`Export “${title}” as Markdown`}
              data-tooltip="Export (Markdown)"
              data-cell
              tabIndex={-1}
            >
              <ArrowDownIcon />
            </a>
          </div>
        </>
      )}
    </li>
  );
}

/** Escape inside a row's form cancels the form; marked handled, so the drawer stays open. */
function cancelOnEscape(cancel: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    cancel();
  };
}

interface ConfirmDeleteProps {
  title: string;
  onDelete: () => Promise<string | null>;
  onCancel: () => void;
}

function ConfirmDelete({ title, onDelete, onCancel }: ConfirmDeleteProps) {
  const [error, setError] = useState<string | null>(null);
  const [deleting, startDeleting] = useTransition();

  function confirm() {
    startDeleting(async () => {
      const failure = await onDelete();
      if (failure) startDeleting(() => setError(failure));
    });
  }

  return (
    <div className={styles.inline} role="group" aria-label={`Delete “${title}”?`} onKeyDown={cancelOnEscape(onCancel)}>
      <p className={styles.confirmText}>
        Delete <strong>{title}</strong>? Its conversation is removed; edits it made stay on the timeline.
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className={styles.inlineButtons}>
        <button type="button" className="button danger small" onClick={confirm} disabled={deleting}>
          {deleting ? 'Deleting…' : 'Delete'}
        </button>
        <button type="button" className="button ghost small" onClick={onCancel} autoFocus>
          Cancel
        </button>
      </div>
    </div>
  );
}
