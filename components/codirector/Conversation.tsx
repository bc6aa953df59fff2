'use client';

import { useEffect, useOptimistic, useRef, useState, useTransition } from 'react';
import { actionFailed } from '@/lib/actionResult';
import { PlusCircleIcon } from '@/components/ui/icons';
import styles from './CoDirectorPanel.module.css';
import { Composer } from './Composer';
import { AssistantTurn, ThinkingTurn, UserTurn } from './ConversationTurns';
import { newClientMessageId } from './clientMessageId';
import { StreamingReply } from './StreamingReply';
import type { ConversationTurn, SendInstruction } from './types';

interface ConversationProps {
  /** The session shown; null before the user's first session on this project. */
  sessionId: string | null;
  turns: readonly ConversationTurn[];
  sendInstruction: SendInstruction;
}

interface OutgoingMessage {
  clientMessageId: string;
  content: string;
}

interface FailedMessage extends OutgoingMessage {
  /** The session it was meant for: another session's failures are not shown. */
  sessionId: string | null;
  error: string;
}

const CONNECTION_PROBLEM = 'Check your connection and try again.';

/**
 * The session's turns as the server rendered them, plus the user's messages that are still on
 * their way (shown at once) or that failed (kept, with Retry under the same client id).
 */
export function Conversation({ sessionId, turns, sendInstruction }: ConversationProps) {
  const [sending, startTransition] = useTransition();
  const [outgoing, addOutgoing] = useOptimistic<OutgoingMessage[], OutgoingMessage>([], (current, message) => [...current, message]);
  const [allFailed, setFailed] = useState<FailedMessage[]>([]);
  const log = useRef<HTMLDivElement>(null);

  const confirmed = new Set(turns.map((turn) => turn.clientMessageId));
  // A send whose answer was lost may still have been stored: once the server shows it, it is no longer failed.
  const failed = allFailed.filter((message) => message.sessionId === sessionId && !confirmed.has(message.clientMessageId));
  const waiting = outgoing.filter((message) => !confirmed.has(message.clientMessageId));
  const itemCount = turns.length + failed.length + waiting.length;

  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight });
  }, [itemCount]);

  function send(message: OutgoingMessage) {
    startTransition(async () => {
      addOutgoing(message);
      const result = await sendInstruction({ sessionId, ...message }).catch(() => actionFailed(CONNECTION_PROBLEM));
      if (!result.ok) startTransition(() => setFailed((current) => [...current, { ...message, sessionId, error: result.message }]));
    });
  }

  function retry(message: FailedMessage) {
    setFailed((current) => current.filter((other) => other.clientMessageId !== message.clientMessageId));
    send({ clientMessageId: message.clientMessageId, content: message.content });
  }

  return (
    <>
      <div ref={log} className={styles.log} role="log" aria-label="Conversation">
        {itemCount === 0 ? (
          <EmptySession />
        ) : (
          <ol className={styles.turns}>
            {turns.map((turn) =>
              turn.role === 'user' ? (
                <UserTurn key={turn.id} content={turn.content} status={{ type: 'confirmed' }} />
              ) : turn.stream ? (
                <StreamingReply key={turn.id} source={turn.stream} initialText={turn.content} />
              ) : (
                <AssistantTurn key={turn.id} content={turn.content} edits={turn.edits} />
              ),
            )}
            {failed.map((message) => (
              <UserTurn
                key={message.clientMessageId}
                content={message.content}
                status={{ type: 'failed', error: message.error, onRetry: () => retry(message) }}
              />
            ))}
            {waiting.map((message) => (
              <UserTurn key={message.clientMessageId} content={message.content} status={{ type: 'sending' }} />
            ))}
            {waiting.length > 0 && <ThinkingTurn />}
          </ol>
        )}
      </div>
      <Composer sending={sending} onSend={(content) => send({ clientMessageId: newClientMessageId(), content })} />
    </>
  );
}

function EmptySession() {
  return (
    <div className={styles.empty}>
      <PlusCircleIcon />
      <p className={styles.emptyTitle}>A fresh session</p>
      <p className={styles.emptyText}>
        Tell CoDirector what to change, like “make the outro a bit longer”. Within a session it remembers what was said
        and done, so follow-ups like “undo that” just work.
      </p>
    </div>
  );
}
