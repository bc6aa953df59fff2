import type { Executor } from '@/db/client';
import { recordProjectEvent } from '@/db/events';
import { readStopRequest, storeStreamedText } from '@/db/messages';
import type { Message, Session } from '@/db/schema';
import { inProjectTransaction } from '@/db/transaction';
import { config } from '@/lib/config';
import { ProviderError } from '@/lib/providers/types';

/** How long a generation may take before it is abandoned (ASSISTANT_TIMEOUT_MS). */
export function generationTimeoutMs(env: Readonly<Record<string, string | undefined>> = process.env): number {
  return config(env).ASSISTANT_TIMEOUT_MS;
}

/**
 * A pending or streaming reply older than this is treated as failed: its server died mid-reply.
 * The margin covers the last write of a generation that ends right at its timeout.
 */
export const staleAfterMs = (timeoutMs = generationTimeoutMs()) => timeoutMs + 5_000;

type ReplyState = Pick<Message, 'status' | 'createdAt'>;

/** Pending or streaming long past the generation timeout: its server died mid-reply. */
function isAbandoned(message: ReplyState, now: number): boolean {
  const active = message.status === 'pending' || message.status === 'streaming';
  return active && now - message.createdAt.getTime() > staleAfterMs();
}

/** A reply still being written (and not an abandoned one). `now`: the database's clock where the caller has it. */
export function isGenerating(message: ReplyState, now = Date.now()): boolean {
  return (message.status === 'pending' || message.status === 'streaming') && !isAbandoned(message, now);
}

/** A message's status as clients see it: an abandoned reply reads as `failed` before any sweep marks it so (no spinner forever). */
export function visibleStatus(message: ReplyState, now = Date.now()): Message['status'] {
  return isAbandoned(message, now) ? 'failed' : message.status;
}

/** How often a generation asks the database whether another instance asked it to stop. */
export const STOP_POLL_MS = 300;
/** Reply text is written (and fanned out) at most this often. */
export const DELTA_FLUSH_MS = 100;

export const STOPPED_REPLY = 'Stopped.';
export const stoppedError = () => new ProviderError('stopped', STOPPED_REPLY);

interface RunningGeneration {
  controller: AbortController;
  done: Promise<unknown>;
}

/** Generations running on this instance, by reply id, so stopGeneration can end one at once. */
const running = new Map<string, RunningGeneration>();

export function registerGeneration(replyId: string, controller: AbortController, done: Promise<unknown>): () => void {
  running.set(replyId, { controller, done });
  return () => {
    if (running.get(replyId)?.controller === controller) running.delete(replyId);
  };
}

/** Ends a generation running here; resolves when it has written its end. False when it runs elsewhere. */
export async function abortLocalGeneration(replyId: string): Promise<boolean> {
  const generation = running.get(replyId);
  if (!generation) return false;
  generation.controller.abort(stoppedError());
  await generation.done.catch(() => undefined);
  return true;
}

/**
 * Writes a streaming reply's text as it arrives: each flush, in one short transaction, stores the
 * text so far on the message and records a `reply.delta` event with the characters appended at
 * their offset, so a device that joins mid-reply reads the message and continues from its length,
 * and a reconnect with Last-Event-ID neither loses nor repeats text. Each flush also reads the stop
 * flag, so a stop from any instance ends the generation.
 */
export class ReplyWriter {
  private text = '';
  private written = 0;
  private flushing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private lastFlushAt = -Infinity;
  private poller: NodeJS.Timeout;

  constructor(
    private readonly session: Pick<Session, 'id' | 'projectId'>,
    private readonly replyId: string,
    private readonly onStopRequested: () => void,
    private readonly db: Executor,
  ) {
    this.poller = setInterval(() => void this.checkStop(), STOP_POLL_MS);
    this.poller.unref?.();
  }

  get textSoFar(): string {
    return this.text;
  }

  /**
   * At most one write every DELTA_FLUSH_MS, the first at once: a reply's first words reach every
   * device as soon as they arrive, and what follows is batched.
   */
  append(delta: string): void {
    if (!delta) return;
    this.text += delta;
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlushAt + DELTA_FLUSH_MS - performance.now());
    this.timer = setTimeout(() => {
      this.timer = null;
      this.lastFlushAt = performance.now();
      void this.flush();
    }, wait);
  }

  /** Writes what has arrived and not been written; resolves when it is. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write()).catch(() => undefined);
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.poller);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.flush();
  }

  private async write(): Promise<void> {
    if (this.written >= this.text.length) return;
    const offset = this.written;
    const text = this.text;
    const stop = await inProjectTransaction(
      this.session.projectId,
      async (tx) => {
        const stored = await storeStreamedText(this.replyId, text, tx);
        if (!stored) return true;
        await recordProjectEvent(
          {
            projectId: this.session.projectId,
            type: 'reply.delta',
            sessionId: this.session.id,
            messageId: this.replyId,
            data: { offset, text: text.slice(offset) },
          },
          tx,
        );
        return stored.stopRequested;
      },
      this.db,
    );
    this.written = text.length;
    if (stop) this.onStopRequested();
  }

  private async checkStop(): Promise<void> {
    try {
      const found = await readStopRequest(this.replyId, this.db);
      if (!found || found.stopRequested) this.onStopRequested();
    } catch {
      // An unreachable database ends the generation at its timeout instead.
    }
  }
}
