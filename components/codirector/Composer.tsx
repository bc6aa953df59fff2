'use client';

import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { SendIcon } from '@/components/ui/icons';
import { INSTRUCTION_MAX_LENGTH } from '@/lib/validation';
import styles from './CoDirectorPanel.module.css';

interface ComposerProps {
  /** While an instruction is on its way the input is disabled. */
  sending: boolean;
  onSend: (content: string) => void;
}

/** The message box: Enter sends, Shift+Enter starts a new line. */
export function Composer({ sending, onSend }: ComposerProps) {
  const [draft, setDraft] = useState('');
  const textarea = useRef<HTMLTextAreaElement>(null);
  // Disabling the textarea drops its focus; give it back once the reply is in.
  const refocusWhenDone = useRef(false);

  useEffect(() => {
    if (sending || !refocusWhenDone.current) return;
    refocusWhenDone.current = false;
    textarea.current?.focus();
  }, [sending]);

  function send() {
    const content = draft.trim();
    if (!content || sending) return;
    refocusWhenDone.current = true;
    setDraft('');
    onSend(content);
  }

  function sendOnEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    send();
  }

  return (
    <form
      className={styles.composer}
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <div className={styles.inputRow}>
        <label htmlFor="codirector-input" className="visually-hidden">
          Message CoDirector
        </label>
        <textarea
          id="codirector-input"
          ref={textarea}
          className={styles.textarea}
          rows={1}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={sendOnEnter}
          placeholder="Tell CoDirector what to change…"
          maxLength={INSTRUCTION_MAX_LENGTH}
          disabled={sending}
          aria-describedby="codirector-input-hint"
        />
        <button
          type="submit"
          className={`icon-button ${styles.send}`}
          aria-label="Send"
          data-tooltip="Send (Enter)"
          data-tooltip-placement="top"
          disabled={sending || draft.trim() === ''}
        >
          <SendIcon />
        </button>
      </div>
      <p id="codirector-input-hint" className={styles.hint}>
        Enter to send · Shift+Enter for a new line
      </p>
    </form>
  );
}
