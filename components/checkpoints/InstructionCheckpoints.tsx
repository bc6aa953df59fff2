'use client';

import { useId, useState, useTransition } from 'react';
import styles from './Checkpoints.module.css';
import type { CheckpointActions, RestorePreviewView } from './types';

type Mode = { type: 'closed' } | { type: 'previewing' } | { type: 'preview'; preview: RestorePreviewView } | { type: 'branching' };

/**
 * Under an instruction: "Restore timeline to here" (a preview of what changes, then Apply) and
 * "Branch from here" (a new session with the conversation up to here, optionally restoring the
 * timeline too). Both run the same use cases as the API.
 */
export function InstructionCheckpoints({ messageId, actions }: { messageId: string; actions: CheckpointActions }) {
  const [mode, setMode] = useState<Mode>({ type: 'closed' });
  const [error, setError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  const [restoreToo, setRestoreToo] = useState(true);
  const titleId = useId();

  function close() {
    setMode({ type: 'closed' });
    setError(null);
  }

  function openPreview() {
    setError(null);
    setMode({ type: 'previewing' });
    startTransition(async () => {
      const result = await actions.previewTimelineRestore(messageId);
      startTransition(() => {
        if (result.ok) setMode({ type: 'preview', preview: result.preview });
        else {
          setMode({ type: 'closed' });
          setError(result.message);
        }
      });
    });
  }

  function apply(preview: RestorePreviewView) {
    startTransition(async () => {
      const result = await actions.restoreTimeline(messageId, preview.basis);
      startTransition(() => (result.ok ? close() : setError(result.message)));
    });
  }

  function branch() {
    startTransition(async () => {
      const result = await actions.forkSession(messageId, restoreToo);
      startTransition(() => (result.ok ? close() : setError(result.message)));
    });
  }

  return (
    <div data-checkpoints>
      {mode.type === 'closed' && (
        <div className={styles.actions}>
          <button type="button" className="button ghost small" onClick={openPreview}>
            Restore timeline to here
          </button>
          <button type="button" className="button ghost small" onClick={() => setMode({ type: 'branching' })}>
            Branch from here
          </button>
        </div>
      )}
      {mode.type === 'previewing' && (
        <p className={styles.muted} role="status">
          Preparing the preview…
        </p>
      )}
      {mode.type === 'preview' && (
        <section className={styles.panel} role="dialog" aria-labelledby={titleId} data-restore-preview>
          <h3 id={titleId}>Restore the timeline to right after this instruction?</h3>
          <ul className={styles.changes} aria-label="What changes">
            {mode.preview.changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
          <p className={styles.muted}>
            Reverts {mode.preview.revertedStepCount} later change{mode.preview.revertedStepCount === 1 ? '' : 's'}
            {mode.preview.sessionTitles.length > 0 && <> from {mode.preview.sessionTitles.map((title) => `“${title}”`).join(', ')}</>}. You can undo the restore
            by saying “undo that”.
          </p>
          <div className={styles.buttons}>
            <button type="button" className="button small" onClick={() => apply(mode.preview)} disabled={busy} autoFocus>
              {busy ? 'Restoring…' : 'Apply'}
            </button>
            <button type="button" className="button ghost small" onClick={close}>
              Cancel
            </button>
          </div>
        </section>
      )}
      {mode.type === 'branching' && (
        <section className={styles.panel} role="dialog" aria-labelledby={titleId} data-branch-form>
          <h3 id={titleId}>Branch a new session from here</h3>
          <p className={styles.muted}>The new session starts with this conversation up to here. This session stays as it is.</p>
          <label className={styles.checkbox}>
            <input type="checkbox" checked={restoreToo} onChange={(event) => setRestoreToo(event.target.checked)} />
            Also restore the timeline to this point
          </label>
          <div className={styles.buttons}>
            <button type="button" className="button small" onClick={branch} disabled={busy} autoFocus>
              {busy ? 'Branching…' : 'Branch'}
            </button>
            <button type="button" className="button ghost small" onClick={close}>
              Cancel
            </button>
          </div>
        </section>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
