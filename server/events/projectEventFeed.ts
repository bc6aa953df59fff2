import { getDb, type Executor } from '@/db/client';
import { listProjectEventsAfter } from '@/db/events';
import type { ProjectEvent } from '@/db/schema';
import { getProjectEventHub, type ProjectEventHub } from './projectEventHub';

const BATCH = 500;

/**
 * A project's events after `afterId`, then every new one as it commits, until `signal` aborts:
 * the one source behind the live-events route and the GraphQL subscriptions. Events are read
 * from the table (the notification only wakes the reader), so a burst or a missed wake-up never
 * loses or reorders one, and any app instance delivers every event.
 */
export async function* projectEventFeed(options: {
  projectId: string;
  afterId: number;
  signal: AbortSignal;
  hub?: ProjectEventHub;
  db?: () => Executor;
}): AsyncGenerator<ProjectEvent, void, undefined> {
  const { projectId, signal } = options;
  const hub = options.hub ?? getProjectEventHub();
  const db = options.db ?? getDb;
  let cursor = options.afterId;
  let woken = false;
  let wake: (() => void) | null = null;
  const rouse = () => {
    woken = true;
    wake?.();
  };
  const unsubscribe = await hub.subscribe(projectId, rouse);
  const stopTracking = hub.trackOpenStream(rouse);
  signal.addEventListener('abort', rouse);
  try {
    while (!signal.aborted && !hub.stopping) {
      woken = false;
      const batch = await listProjectEventsAfter(projectId, cursor, BATCH, db());
      for (const event of batch) {
        // Checked before each event: an ended credential's wake-up may land while the batch was read.
        if (signal.aborted) return;
        cursor = event.id;
        yield event;
      }
      if (batch.length === BATCH || woken) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (woken || signal.aborted || hub.stopping) resolve();
      });
      wake = null;
    }
  } finally {
    signal.removeEventListener('abort', rouse);
    stopTracking();
    unsubscribe();
  }
}
