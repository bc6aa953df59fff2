import type { ReactNode } from 'react';
import { CheckIcon, LogoMark, SpinnerIcon } from '@/components/ui/icons';
import styles from './CoDirectorPanel.module.css';
import type { AppliedEdit } from './types';

type UserTurnStatus = { type: 'confirmed' } | { type: 'sending' } | { type: 'failed'; error: string; onRetry: () => void };

/** `children`: actions on a stored instruction (checkpoints), shown under it. */
export function UserTurn({ content, status, children }: { content: string; status: UserTurnStatus; children?: ReactNode }) {
  const statusClass = status.type === 'confirmed' ? '' : styles[status.type];
  return (
    <li className={`${styles.turn} ${styles.user} ${statusClass}`} data-role="user" data-status={status.type}>
      <span className="visually-hidden">You: </span>
      <p className={styles.bubble}>{content}</p>
      {children}
      {status.type === 'sending' && (
        <p className={styles.status}>
          <SpinnerIcon width={12} height={12} /> Sending…
        </p>
      )}
      {status.type === 'failed' && (
        <p className={styles.status} role="alert">
          Not sent. {status.error}
          <button type="button" className="button small" onClick={status.onRetry}>
            Retry
          </button>
        </p>
      )}
    </li>
  );
}

interface AssistantTurnProps {
  content: string;
  edits: readonly AppliedEdit[];
  /** The one edit an "undo" would take back now; it gets an Undo button. */
  undoableEditId: string | null;
  onUndo: () => void;
  /** A reply that ended without an answer; `children` then holds its Retry. */
  ended?: 'failed' | 'stopped';
  children?: ReactNode;
}

export function AssistantTurn({ content, edits, undoableEditId, onUndo, ended, children }: AssistantTurnProps) {
  return (
    <li className={`${styles.turn} ${styles.assistant} ${ended ? styles.ended : ''}`} data-role="assistant" data-status={ended ?? 'done'}>
      <CoDirectorAvatar />
      <div className={styles.body}>
        <span className="visually-hidden">CoDirector: </span>
        <p className={styles.bubble}>{content}</p>
        {edits.length > 0 && (
          <ul className={styles.edits} aria-label="Edits applied">
            {edits.map((edit) => (
              <li key={edit.id} className={`${styles.edit} ${edit.undone ? styles.undone : ''}`}>
                <CheckIcon />
                <span>{edit.description}</span>
                {edit.undone && <span className={styles.undoneBadge}>Undone</span>}
                {edit.id === undoableEditId && (
                  <button type="button" className={`button ghost small ${styles.undoButton}`} onClick={onUndo} aria-label={`Undo: ${edit.description}`}>
                    Undo
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {children}
      </div>
    </li>
  );
}

/** CoDirector's turn while an instruction is on its way. */
export function ThinkingTurn() {
  return (
    <li className={`${styles.turn} ${styles.assistant}`} data-role="thinking">
      <CoDirectorAvatar />
      <div className={styles.body}>
        <p className={`${styles.bubble} ${styles.thinking}`} role="status" aria-label="CoDirector is working on it">
          <span />
          <span />
          <span />
        </p>
      </div>
    </li>
  );
}

function CoDirectorAvatar() {
  return (
    <span className={styles.avatar} aria-hidden="true">
      <LogoMark />
    </span>
  );
}
