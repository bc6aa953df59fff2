import { getDb, type Executor } from '@/db/client';
import { listProjectEventsAfter } from '@/db/events';
import type { ProjectEvent } from '@/db/schema';
import { getProjectEventHub, type ProjectEventHub } from './projectEventHub';

export const HEARTBEAT_MS = 15_000;
/** Tells EventSource how long to wait before reconnecting by itself. */
const RETRY_MS = 1_000;

/** One Server-Sent Event: the id lets a reconnecting client resume right after it. */
export function formatServerSentEvent(event: ProjectEvent): string {
  const data = JSON.stringify({
    id: event.id,
    type: event.type,
    sessionId: event.sessionId,
    userId: event.userId,
    ...(event.messageId ? { messageId: event.messageId } : {}),
    ...(event.data ? { data: event.data } : {}),
    createdAt: event.createdAt.toISOString(),
  });
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${data}\n\n`;
}

/**
 * The project's events after `afterId`, then every new one as it commits, as an SSE body.
 * Events are read from the table (not from the notification), so a burst or a missed wake-up
 * never loses or reorders one.
 */
export function createProjectEventStream(options: {
  projectId: string;
  afterId: number;
  signal: AbortSignal;
  /** Called once when the stream ends, whoever ends it (the client, the signal, a failure). */
  onClose?: () => void;
  hub?: ProjectEventHub;
  db?: () => Executor;
}): ReadableStream<Uint8Array> {
  const { projectId, signal } = options;
  const hub = options.hub ?? getProjectEventHub();
  const db = options.db ?? getDb;
  const encoder = new TextEncoder();
  let cursor = options.afterId;
  let pumping: Promise<void> | null = null;
  let pumpAgain = false;
  let closed = false;
  const cleanups: (() => void)[] = [];
  if (options.onClose) cleanups.push(options.onClose);

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanups.forEach((cleanup) => cleanup());
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };

      const pump = (): Promise<void> => {
        if (pumping) {
          pumpAgain = true;
          return pumping;
        }
        pumping = (async () => {
          do {
            pumpAgain = false;
            let batch: ProjectEvent[];
            do {
              batch = await listProjectEventsAfter(projectId, cursor, 500, db());
              for (const event of batch) send(formatServerSentEvent(event));
              if (batch.length > 0) cursor = batch[batch.length - 1].id;
            } while (batch.length === 500 && !closed);
          } while (pumpAgain && !closed);
        })()
          .catch(() => close())
          .finally(() => {
            pumping = null;
          });
        return pumping;
      };

      signal.addEventListener('abort', close, { once: true });
      const untrack = hub.trackOpenStream(close);
      cleanups.push(() => void untrack());
      send(`retry: ${RETRY_MS}\n: connected\n\n`);
      cleanups.push(await hub.subscribe(projectId, () => void pump()));
      const heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
      cleanups.push(() => clearInterval(heartbeat));
      // Catch up on what happened while the client was away (or before we subscribed).
      await pump();
    },
    cancel() {
      closed = true;
      cleanups.forEach((cleanup) => cleanup());
    },
  });
}
