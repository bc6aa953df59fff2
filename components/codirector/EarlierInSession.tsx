'use client';

import { useId, useState } from 'react';
import { ChevronIcon } from '@/components/ui/icons';
import styles from './CoDirectorPanel.module.css';

/**
 * The session's summary of older turns (folded by the context budget or by Compact), as a note at
 * the top of the conversation: collapsed by default, a disclosure button opens it.
 */
export function EarlierInSession({ summary }: { summary: string }) {
  const [open, setOpen] = useState(false);
  const regionId = useId();
  return (
    <div className={styles.earlier}>
      <button type="button" className={styles.earlierToggle} aria-expanded={open} aria-controls={regionId} onClick={() => setOpen(!open)}>
        <ChevronIcon aria-hidden="true" className={styles.earlierChevron} />
        Earlier in this session
      </button>
      <div id={regionId} role="region" aria-label="Earlier in this session" hidden={!open} className={styles.earlierText}>
        <p className={styles.earlierLead}>Older turns are folded into this summary for CoDirector; their edits stay in its memory in full.</p>
        <p>{summary}</p>
      </div>
    </div>
  );
}
