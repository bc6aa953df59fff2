import type { ReactNode } from 'react';
import { BranchMarker } from '@/components/checkpoints/BranchMarker';
import type { CheckpointActions } from '@/components/checkpoints/types';
import styles from './CoDirectorPanel.module.css';
import { Conversation } from './Conversation';
import { NewSessionButton } from './NewSessionButton';
import type { ConversationTurn, SendInstruction } from './types';

interface CoDirectorPanelProps {
  sessionId: string | null;
  sessionTitle: string;
  turns: readonly ConversationTurn[];
  sendInstruction: SendInstruction;
  startNewSession: () => Promise<void>;
  /** The Session History button and its drawer, which opens over this panel. */
  sessionHistory: ReactNode;
  /** Restore timeline / branch actions on each instruction. */
  checkpoints?: CheckpointActions;
  /** "Branched from …" when the session is a branch. */
  branchedFrom?: string | null;
}

/** The assistant panel: a toolbar with New Session and Session History over the current session's conversation. */
export function CoDirectorPanel({
  sessionId,
  sessionTitle,
  turns,
  sendInstruction,
  startNewSession,
  sessionHistory,
  checkpoints,
  branchedFrom,
}: CoDirectorPanelProps) {
  return (
    <section className={styles.panel} aria-labelledby="codirector-heading">
      <div className={styles.toolbar}>
        <div className={styles.heading}>
          <h2 id="codirector-heading" className={styles.name}>
            CoDirector
          </h2>
          <p className={styles.sessionTitle} title={sessionTitle}>
            {sessionTitle}
          </p>
          {branchedFrom && <BranchMarker label={branchedFrom} />}
        </div>
        <div className={styles.tools}>
          <NewSessionButton startNewSession={startNewSession} />
          {sessionHistory}
        </div>
      </div>
      <Conversation sessionId={sessionId} turns={turns} sendInstruction={sendInstruction} checkpoints={checkpoints} />
    </section>
  );
}
