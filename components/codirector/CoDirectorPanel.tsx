import type { ReactNode } from 'react';
import type { Clip } from '@/lib/timeline/model';
import { BranchMarker } from '@/components/checkpoints/BranchMarker';
import type { CheckpointActions } from '@/components/checkpoints/types';
import styles from './CoDirectorPanel.module.css';
import { ConnectionStatus, OfflineBanner } from './ConnectionStatus';
import { ContextMeter, type CompactSessionAction } from './ContextMeter';
import { Conversation } from './Conversation';
import type { RetryReplyAction } from './RetryReply';
import { NewSessionButton } from './NewSessionButton';
import { suggestInstructions } from './suggestions';
import type { ConversationTurn, SendInstruction, SessionContextState } from './types';

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
  /** Restore timeline / branch actions on each instruction. */
  checkpoints?: CheckpointActions;
  /** "Branched from …" when the session is a branch. */
  branchedFrom?: string | null;
  /** How full the session's context is, and its summary of older turns; null without a session. */
  context?: SessionContextState | null;
  compactSession?: CompactSessionAction;
  /** Retry on a failed or stopped reply. */
  retryReply?: RetryReplyAction;
}

/** The assistant panel: a toolbar with New Session and Session History over the current session's conversation. */
export function CoDirectorPanel({
  sessionId,
  sessionTitle,
  turns,
  clips,
  sendInstruction,
  startNewSession,
  sessionHistory,
  checkpoints,
  branchedFrom,
  context,
  compactSession,
  retryReply,
}: CoDirectorPanelProps) {
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
          {branchedFrom && <BranchMarker label={branchedFrom} />}
        </div>
        <div className={styles.tools}>
          <NewSessionButton startNewSession={startNewSession} />
          {sessionHistory}
        </div>
      </div>
      <OfflineBanner />
      <div>{sessionId && context && compactSession && <ContextMeter sessionId={sessionId} context={context} compactSession={compactSession} />}</div>
      <Conversation
        sessionId={sessionId}
        summary={context?.summary ?? null}
        retryReply={retryReply}
        turns={turns}
        sendInstruction={sendInstruction}
        suggestions={turns.length === 0 ? suggestInstructions(clips) : []}
        checkpoints={checkpoints}
      />
    </section>
  );
}
