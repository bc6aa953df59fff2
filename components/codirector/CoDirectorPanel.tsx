import type { ReactNode } from 'react';
import type { Clip } from '@/lib/assistant';
import styles from './CoDirectorPanel.module.css';
import { ConnectionStatus, OfflineBanner } from './ConnectionStatus';
import { Conversation } from './Conversation';
import { NewSessionButton } from './NewSessionButton';
import { suggestInstructions } from './suggestions';
import type { ConversationTurn, SendInstruction } from './types';

interface CoDirectorPanelProps {
  sessionId: string | null;
  sessionTitle: string;
  turns: readonly ConversationTurn[];
  /** The project's timeline, for the instructions an empty session suggests. */
  clips: readonly Clip[];
  sendInstruction: SendInstruction;
  startNewSession: () => Promise<void>;
  /** The Session History button and its drawer, which opens over this panel. */
  sessionHistory: ReactNode;
}

/** The assistant panel: a toolbar with New Session and Session History over the current session's conversation. */
export function CoDirectorPanel({ sessionId, sessionTitle, turns, clips, sendInstruction, startNewSession, sessionHistory }: CoDirectorPanelProps) {
  return (
    <section className={styles.panel} aria-labelledby="codirector-heading">
      <div className={styles.toolbar}>
        <div className={styles.heading}>
          <div className={styles.nameRow}>
            <h2 id="codirector-heading" className={styles.name}>
              CoDirector
            </h2>
            <ConnectionStatus />
          </div>
          <p className={styles.sessionTitle} title={sessionTitle}>
            {sessionTitle}
          </p>
        </div>
        <div className={styles.tools}>
          <NewSessionButton startNewSession={startNewSession} />
          {sessionHistory}
        </div>
      </div>
      <OfflineBanner />
      <Conversation sessionId={sessionId} turns={turns} sendInstruction={sendInstruction} suggestions={turns.length === 0 ? suggestInstructions(clips) : []} />
    </section>
  );
}
