'use client';

import { useState, useTransition } from 'react';
import { actionFailed, type ActionResult } from '@/lib/actionResult';
import styles from './CoDirectorPanel.module.css';
import type { SessionContextState } from './types';

export type CompactSessionAction = (sessionId: string) => Promise<ActionResult<{ foldedMessages: number }>>;

/** From this share of the budget on, the meter says the session is nearly full. */
const HIGH_PERCENT = 80;
const formatter = new Intl.NumberFormat('en-US');

/**
 * How full the session's context is (tokens the assistant would be given, against
 * ASSISTANT_CONTEXT_TOKENS), and Compact, which folds the older turns into the session's summary
 * now. The page re-renders after a compaction (here, and on other devices through its live event).
 */
export function ContextMeter({
  sessionId,
  context,
  compactSession,
}: {
  sessionId: string;
  context: SessionContextState;
  compactSession: CompactSessionAction;
}) {
  const [compacting, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const { usedTokens, budgetTokens, foldableMessages } = context;
  const percent = Math.min(100, Math.round((usedTokens / budgetTokens) * 100));
  const description = `${formatter.format(usedTokens)} of ${formatter.format(budgetTokens)} tokens`;

  function compact() {
    setError(null);
    startTransition(async () => {
      const result = await compactSession(sessionId).catch(() => actionFailed('Check your connection and try again.'));
      if (!result.ok) setError(result.message);
    });
  }

  return (
    <div className={styles.contextBar}>
      <span id="context-meter-label" className={styles.contextLabel}>
        Context
      </span>
      <div
        role="meter"
        aria-labelledby="context-meter-label"
        aria-valuemin={0}
        aria-valuemax={budgetTokens}
        aria-valuenow={Math.min(usedTokens, budgetTokens)}
        aria-valuetext={`${percent}% full, ${description}`}
        className={styles.meter}
        data-high={percent >= HIGH_PERCENT || undefined}
        title={description}
      >
        <span className={styles.meterFill} style={{ width: `${percent}%` }} />
      </div>
      <span className={styles.contextText} aria-hidden="true">
        {percent}%
      </span>
      <button
        type="button"
        className={`button ghost small ${styles.compact}`}
        onClick={compact}
        disabled={compacting || foldableMessages === 0}
        title={foldableMessages === 0 ? 'Nothing older than the latest turn to fold yet' : 'Fold older turns into a summary'}
      >
        {compacting ? 'Compacting…' : 'Compact'}
      </button>
      {error && (
        <span role="alert" className={styles.contextError}>
          {error}
        </span>
      )}
    </div>
  );
}
