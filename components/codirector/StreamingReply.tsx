'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { LogoMark, SpinnerIcon } from '@/components/ui/icons';
import { StopGenerationDocument } from '@/graphql/__generated__/client/graphql';
import { persistedRequest } from '@/graphql/persistedRequest';
import styles from './CoDirectorPanel.module.css';
import type { StreamingReplySource } from './types';

interface ReplyDelta {
  messageId?: string;
  data?: { offset?: number; text?: string; status?: string };
}

/**
 * A reply a model is still writing: the text so far (as the server rendered it), growing with
 * each `reply.delta` live event, and a Stop button. Deltas carry their character offset, so text
 * that arrived both in the page and as an event is never shown twice. When the reply ends, the
 * page re-renders from the server (ProjectLiveUpdates) and this turn becomes an ordinary one.
 */
export function StreamingReply({ source, initialText }: { source: StreamingReplySource; initialText: string }) {
  const router = useRouter();
  const [text, setText] = useState(initialText);
  const [stopping, setStopping] = useState(false);

  // A re-render from the server may bring more text than arrived here (it resumes after a newer event):
  // adjusted while rendering, as React advises for state that follows a prop.
  const [renderedText, setRenderedText] = useState(initialText);
  if (initialText !== renderedText) {
    setRenderedText(initialText);
    if (initialText.length > text.length) setText(initialText);
  }

  useEffect(() => {
    const events = new EventSource(`/api/projects/${source.projectId}/events?after=${source.afterEventId}`);
    const onDelta = (event: MessageEvent<string>) => {
      const delta = JSON.parse(event.data) as ReplyDelta;
      if (delta.messageId !== source.messageId || typeof delta.data?.offset !== 'number' || typeof delta.data.text !== 'string') return;
      const { offset, text: appended } = delta.data;
      setText((current) =>
        offset + appended.length > current.length && offset <= current.length ? current + appended.slice(current.length - offset) : current,
      );
    };
    const onFinished = (event: MessageEvent<string>) => {
      if ((JSON.parse(event.data) as ReplyDelta).messageId === source.messageId) router.refresh();
    };
    events.addEventListener('reply.delta', onDelta);
    events.addEventListener('reply.finished', onFinished);
    return () => events.close();
  }, [source.projectId, source.messageId, source.afterEventId, router]);

  async function stop() {
    setStopping(true);
    try {
      await fetch('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // By its persisted id: the app's own operations are the only ones a signed-in browser may run under GRAPHQL_TRUSTED_DOCUMENTS=only.
        body: JSON.stringify(persistedRequest(StopGenerationDocument, { input: { messageId: source.apiId } })),
      });
    } finally {
      router.refresh();
    }
  }

  return (
    <li className={`${styles.turn} ${styles.assistant}`} data-role="assistant" data-status="streaming">
      <span className={styles.avatar} aria-hidden="true">
        <LogoMark />
      </span>
      <div className={styles.body}>
        <span className="visually-hidden">CoDirector: </span>
        <p className={styles.bubble} aria-live="polite" aria-busy="true">
          {text || '…'}
        </p>
        <p className={styles.status}>
          <SpinnerIcon width={12} height={12} /> Writing…
          <button type="button" className="button small" onClick={stop} disabled={stopping}>
            {stopping ? 'Stopping…' : 'Stop'}
          </button>
        </p>
      </div>
    </li>
  );
}
