'use client';

import { useLayoutEffect, useOptimistic, useRef, useState, useTransition } from 'react';
import { actionFailed } from '@/lib/actionResult';
import { InstructionCheckpoints } from '@/components/checkpoints/InstructionCheckpoints';
import type { CheckpointActions } from '@/components/checkpoints/types';
import { ArrowDownIcon, PlusCircleIcon } from '@/components/ui/icons';
import styles from './CoDirectorPanel.module.css';
import { Composer } from './Composer';
import { AssistantTurn, ThinkingTurn, UserTurn } from './ConversationTurns';
import { newClientMessageId } from '@/components/project/clientMessageId';
import { EarlierInSession } from './EarlierInSession';
import { RetryReply, type RetryReplyAction } from './RetryReply';
import { StreamingReply } from './StreamingReply';
import type { ConversationTurn, SendInstruction } from './types';

interface ConversationProps {
  /** The session shown; null before the user's first session on this project. */
  sessionId: string | null;
  turns: readonly ConversationTurn[];
  sendInstruction: SendInstruction;
  /** Instructions an empty session offers to send, made from the project's own clips. */
  suggestions: readonly string[];
  /** Restore timeline / branch actions on each stored instruction; none when absent. */
  checkpoints?: CheckpointActions;
  /** The session's summary of older turns, shown as a note above them. */
  summary?: string | null;
  /** Retry on a failed or stopped reply; none when absent. */
  retryReply?: RetryReplyAction;
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
/** Within this many pixels of the end the reader counts as "at the bottom" and is kept there. */
const AT_BOTTOM_SLACK_PX = 48;

/**
 * The session's turns as the server rendered them, plus the user's messages that are still on
 * their way (shown at once) or that failed (kept, with Retry under the same client id).
 */
export function Conversation({ sessionId, turns, sendInstruction, suggestions, checkpoints, summary, retryReply }: ConversationProps) {
  const [sending, startTransition] = useTransition();
  const [outgoing, addOutgoing] = useOptimistic<OutgoingMessage[], OutgoingMessage>([], (current, message) => [...current, message]);
  const [allFailed, setFailed] = useState<FailedMessage[]>([]);

  const confirmed = new Set(turns.map((turn) => turn.clientMessageId));
  // A send whose answer was lost may still have been stored: once the server shows it, it is no longer failed.
  const failed = allFailed.filter((message) => message.sessionId === sessionId && !confirmed.has(message.clientMessageId));
  const waiting = outgoing.filter((message) => !confirmed.has(message.clientMessageId));
  const itemCount = turns.length + failed.length + waiting.length;
  const { logRef, onLogScroll, unseen, scrollToEnd, followNext } = useFollowTheEnd(sessionId, itemCount);

  // "undo" takes back the session's newest change still in effect: only that edit offers it.
  const undoableEditId = sending ? null : newestEditInEffect(turns);

  function send(message: OutgoingMessage) {
    followNext();
    startTransition(async () => {
      addOutgoing(message);
      const result = await sendInstruction({ sessionId, ...message }).catch(() => actionFailed(CONNECTION_PROBLEM));
      if (!result.ok) startTransition(() => setFailed((current) => [...current, { ...message, sessionId, error: result.message }]));
    });
  }

  const sendNew = (content: string) => send({ clientMessageId: newClientMessageId(), content });

  function retry(message: FailedMessage) {
    setFailed((current) => current.filter((other) => other.clientMessageId !== message.clientMessageId));
    send({ clientMessageId: message.clientMessageId, content: message.content });
  }

  return (
    <>
      <div className={styles.logFrame}>
        <div ref={logRef} onScroll={onLogScroll} className={styles.log} role="log" aria-label="Conversation" tabIndex={0}>
          {itemCount === 0 ? (
            <EmptySession suggestions={suggestions} onPick={sendNew} disabled={sending} />
          ) : (
            <>
              {summary && <EarlierInSession summary={summary} />}
              <ol className={styles.turns}>
                {turns.map((turn) =>
                  turn.role === 'user' ? (
                    <UserTurn key={turn.id} content={turn.content} status={{ type: 'confirmed' }}>
                      {checkpoints && <InstructionCheckpoints messageId={turn.id} actions={checkpoints} />}
                    </UserTurn>
                  ) : turn.stream ? (
                    <StreamingReply key={turn.id} source={turn.stream} initialText={turn.content} />
                  ) : (
                    <AssistantTurn
                      key={turn.id}
                      content={turn.content}
                      edits={turn.edits}
                      undoableEditId={undoableEditId}
                      onUndo={() => sendNew('undo')}
                      ended={turn.ended}
                    >
                      {turn.ended && retryReply && <RetryReply messageId={turn.id} ended={turn.ended} retryReply={retryReply} />}
                    </AssistantTurn>
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
            </>
          )}
        </div>
        {unseen && (
          <button type="button" className={`button small ${styles.newMessages}`} onClick={scrollToEnd}>
            <ArrowDownIcon width={14} height={14} /> New messages
          </button>
        )}
      </div>
      <Composer sending={sending} onSend={sendNew} />
    </>
  );
}

function newestEditInEffect(turns: readonly ConversationTurn[]): string | null {
  for (let index = turns.length - 1; index >= 0; index -= 1) {
    const edits = turns[index].edits;
    for (let editIndex = edits.length - 1; editIndex >= 0; editIndex -= 1) {
      if (!edits[editIndex].undone) return edits[editIndex].id;
    }
  }
  return null;
}

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Keeps the conversation at its end: it opens there (no visible scroll on load or restore),
 * follows new messages smoothly while the reader is at the end, and otherwise leaves them
 * where they are and offers a "New messages" button.
 */
function useFollowTheEnd(sessionId: string | null, itemCount: number) {
  const ref = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);
  const lastScrollTop = useRef(0);
  const forceFollow = useRef(false);
  const shown = useRef<{ sessionId: string | null; itemCount: number } | null>(null);
  const [unseen, setUnseen] = useState(false);

  function jumpToEnd() {
    const element = ref.current;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    lastScrollTop.current = element.scrollTop;
    atEnd.current = true;
  }

  function scrollToEnd() {
    const element = ref.current;
    if (!element) return;
    atEnd.current = true;
    setUnseen(false);
    element.scrollTo({ top: element.scrollHeight, behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  }

  useLayoutEffect(() => {
    const before = shown.current;
    shown.current = { sessionId, itemCount };
    if (!before || before.sessionId !== sessionId) {
      // First render, or another session restored: open at the end, no animation.
      jumpToEnd();
      setUnseen(false);
      return;
    }
    if (itemCount <= before.itemCount) return;
    if (atEnd.current || forceFollow.current) {
      forceFollow.current = false;
      scrollToEnd();
    } else {
      setUnseen(true);
    }
  }, [sessionId, itemCount]);

  function onScroll() {
    const element = ref.current;
    if (!element) return;
    const distance = element.scrollHeight - element.scrollTop - element.clientHeight;
    // Only the reader scrolls up: a smooth scroll on its way down never unpins.
    if (distance <= AT_BOTTOM_SLACK_PX) {
      atEnd.current = true;
      setUnseen(false);
    } else if (element.scrollTop < lastScrollTop.current - 1) {
      atEnd.current = false;
    }
    lastScrollTop.current = element.scrollTop;
  }

  return {
    logRef: ref,
    onLogScroll: onScroll,
    unseen,
    scrollToEnd,
    /** The user's own message is always followed, wherever they had scrolled. */
    followNext: () => {
      forceFollow.current = true;
    },
  };
}

function EmptySession({ suggestions, onPick, disabled }: { suggestions: readonly string[]; onPick: (content: string) => void; disabled: boolean }) {
  return (
    <div className={styles.empty}>
      <PlusCircleIcon />
      <p className={styles.emptyTitle}>A fresh session</p>
      <p className={styles.emptyText}>
        Tell CoDirector what to change, like “make the outro a bit longer”. Within a session it remembers what was said and done, so follow-ups like “undo that”
        just work.
      </p>
      {suggestions.length > 0 && (
        <div className={styles.suggestions}>
          <p id="suggestions-heading" className={styles.suggestionsHeading}>
            Try one of these
          </p>
          {/* A group of buttons, not a list: the panel counts list items as turns. */}
          <div role="group" aria-labelledby="suggestions-heading" className={styles.suggestionList}>
            {suggestions.map((suggestion) => (
              <button key={suggestion} type="button" className={styles.suggestion} onClick={() => onPick(suggestion)} disabled={disabled}>
                {suggestion}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
