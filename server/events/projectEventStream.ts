import type { Executor } from '@/db/client';
import type { ProjectEvent } from '@/db/schema';
import { projectEventFeed } from './projectEventFeed';
import type { ProjectEventHub } from './projectEventHub';

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
 * The project's events after `afterId`, then every new one as it commits (projectEventFeed),
 * as an SSE body with a heartbeat. Ends when the client goes away, `signal` aborts or the
 * process is asked to stop (EventSource reconnects by itself, to this instance or another).
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
  const encoder = new TextEncoder();
  const ended = new AbortController();
  const endFeed = () => ended.abort();
  options.signal.addEventListener('abort', endFeed, { once: true });
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  const finish = () => {
    if (closed) return false;
    closed = true;
    clearInterval(heartbeat);
    options.signal.removeEventListener('abort', endFeed);
    ended.abort();
    options.onClose?.();
    return true;
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      send(`retry: ${RETRY_MS}\n: connected\n\n`);
      heartbeat = setInterval(() => send(': heartbeat\n\n'), HEARTBEAT_MS);
      void (async () => {
        try {
          const feed = projectEventFeed({ projectId: options.projectId, afterId: options.afterId, signal: ended.signal, hub: options.hub, db: options.db });
          for await (const event of feed) send(formatServerSentEvent(event));
        } catch {
          // The database went away: the client reconnects and resumes from its last event.
        }
        if (finish()) {
          try {
            controller.close();
          } catch {
            // Already closed by the client going away.
          }
        }
      })();
    },
    cancel() {
      finish();
    },
  });
}
