'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import type { ProjectEventType } from '@/lib/projectEventTypes';
import { wasSentHere } from './clientMessageId';
import { setLiveConnectionState } from './liveConnection';

function parsed(event: MessageEvent): { data?: { clientMessageId?: unknown } } | null {
  try {
    return JSON.parse(String(event.data)) as { data?: { clientMessageId?: unknown } };
  } catch {
    return null;
  }
}

const EVENT_TYPES = [
  'instruction.answered',
  'session.started',
  'session.restored',
  'session.renamed',
  'session.deleted',
  'session.pinned',
  'session.unpinned',
  'session.archived',
  'session.unarchived',
  'session.forked',
  'session.compacted',
  'timeline.restored',
  'project.renamed',
  // A reply a model writes: shown once it starts (its text then streams in StreamingReply), and when it ends.
  'reply.started',
  'reply.finished',
] as const satisfies readonly ProjectEventType[];

/** Bursts of events (an instruction and its reply) cause one re-render, not several. */
const REFRESH_DELAY_MS = 150;
/** After a reconnect the page catches up once the stream has stayed open this long (a server going down can accept one last connection). */
const CATCH_UP_DELAY_MS = 1_000;
/** A drop shorter than this (a deploy, a proxy's idle cut) shows as "reconnecting", not "offline". */
const OFFLINE_AFTER_MS = 2_500;
/** When the browser gives up on a stream (an error status), a new one is opened after this, doubling to the cap. */
const REOPEN_FIRST_MS = 1_000;
const REOPEN_MAX_MS = 10_000;

/**
 * Keeps the page in step with the owner's other devices: whatever changes in the project
 * there re-renders this page from the server. The stream starts after the last event the
 * rendered page already shows (`renderedUpToEventId`), so nothing that happens between the
 * render and the stream's opening is missed, and an event the page already shows (one from this
 * device's own action) causes no second render. EventSource reconnects and resumes by itself;
 * when it gives up, a new stream resumes after the last event seen. Publishes the stream's
 * state for the panel's status and offline banner.
 */
export function ProjectLiveUpdates({ projectId, renderedUpToEventId }: { projectId: string; renderedUpToEventId: number }) {
  const router = useRouter();
  const rendered = useRef(renderedUpToEventId);
  useEffect(() => {
    rendered.current = Math.max(rendered.current, renderedUpToEventId);
  }, [renderedUpToEventId]);

  useEffect(() => {
    let events: EventSource | null = null;
    let lastEventId = 0;
    let everOpened = false;
    let droppedSinceOpen = false;
    let reopenDelay = REOPEN_FIRST_MS;
    let pending: ReturnType<typeof setTimeout> | undefined;
    let offlineTimer: ReturnType<typeof setTimeout> | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;

    // Only while the stream is open: a refresh that fails makes Next.js fall back to a full
    // navigation, which on a server that is down replaces the page (and the draft) with an error.
    const refreshSoon = () => {
      clearTimeout(pending);
      pending = setTimeout(() => {
        if (lastEventId > rendered.current && events?.readyState === EventSource.OPEN) router.refresh();
      }, REFRESH_DELAY_MS);
    };
    // A server on its way down can still accept a stream: catch up only once it answers a health check too.
    const catchUpSoon = () => {
      clearTimeout(pending);
      pending = setTimeout(() => {
        void fetch('/api/health', { cache: 'no-store' })
          .then(
            (response) => response.ok,
            () => false,
          )
          .then((healthy) => {
            if (healthy && events?.readyState === EventSource.OPEN) router.refresh();
          });
      }, CATCH_UP_DELAY_MS);
    };
    const onEvent = (event: MessageEvent) => {
      if (/^\d+$/.test(event.lastEventId)) lastEventId = Math.max(lastEventId, Number(event.lastEventId));
      // What an instruction sent from here changed (its answer, the title it gave) is refreshed by its own action.
      if (wasSentHere(parsed(event)?.data?.clientMessageId)) return;
      refreshSoon();
    };
    const markDropped = () => {
      droppedSinceOpen = true;
      if (!navigator.onLine) {
        setLiveConnectionState('offline');
        return;
      }
      setLiveConnectionState(everOpened ? 'reconnecting' : 'connecting');
      clearTimeout(offlineTimer);
      offlineTimer = setTimeout(() => setLiveConnectionState('offline'), OFFLINE_AFTER_MS);
    };

    function open() {
      const source = new EventSource(`/api/projects/${projectId}/events?after=${Math.max(lastEventId, rendered.current)}`);
      events = source;
      for (const type of EVENT_TYPES) source.addEventListener(type, onEvent);
      source.onopen = () => {
        clearTimeout(offlineTimer);
        reopenDelay = REOPEN_FIRST_MS;
        // Whatever changed while the stream was down: the missed events replay, and a refresh covers the rest.
        if (droppedSinceOpen) catchUpSoon();
        droppedSinceOpen = false;
        everOpened = true;
        setLiveConnectionState('connected');
      };
      source.onerror = () => {
        // Only the first error of a drop starts the offline countdown; the browser's retries keep it running.
        if (!droppedSinceOpen) markDropped();
        if (source.readyState === EventSource.CLOSED) {
          source.close();
          clearTimeout(reopenTimer);
          reopenTimer = setTimeout(open, reopenDelay);
          reopenDelay = Math.min(reopenDelay * 2, REOPEN_MAX_MS);
        }
      };
    }
    const wentOffline = () => {
      droppedSinceOpen = true;
      setLiveConnectionState('offline');
    };
    window.addEventListener('offline', wentOffline);
    open();
    return () => {
      window.removeEventListener('offline', wentOffline);
      clearTimeout(pending);
      clearTimeout(offlineTimer);
      clearTimeout(reopenTimer);
      events?.close();
      setLiveConnectionState('connecting');
    };
  }, [projectId, router]);

  return null;
}
