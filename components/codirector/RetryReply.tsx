'use client';

import { useState, useTransition } from 'react';
import { actionFailed, type ActionResult } from '@/lib/actionResult';
import { SpinnerIcon } from '@/components/ui/icons';
import styles from './CoDirectorPanel.module.css';

export type RetryReplyAction = (messageId: string) => Promise<ActionResult>;

const LABELS = { failed: 'This reply failed.', stopped: 'Stopped.' } as const;

/**
 * Under a reply that failed or was stopped: Retry runs its instruction again into the same reply.
 * The action waits for the whole answer; meanwhile the reply streams in through live events on
 * this device and every other one, and the page re-renders when it ends.
 */
export function RetryReply({ messageId, ended, retryReply }: { messageId: string; ended: 'failed' | 'stopped'; retryReply: RetryReplyAction }) {
  const [retrying, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function retry() {
    setError(null);
    startTransition(async () => {
      const result = await retryReply(messageId).catch(() => actionFailed('Check your connection and try again.'));
      if (!result.ok) setError(result.message);
    });
  }

  return (
    <p className={styles.status}>
      <span>{LABELS[ended]}</span>
      <button type="button" className="button small" onClick={retry} disabled={retrying}>
        {retrying ? (
          <>
            <SpinnerIcon width={12} height={12} /> Retrying…
          </>
        ) : (
          'Retry'
        )}
      </button>
      {error && <span role="alert">{error}</span>}
    </p>
  );
}
