import { getDatabaseHandle, type DatabaseHandle } from '@/db/client';
import { PROJECT_EVENTS_CHANNEL } from '@/db/events';

type Wake = () => void;

/**
 * One LISTEN connection per process, fanned out to every open stream of a project. Postgres
 * delivers each NOTIFY to every listening process, so several app instances all see every event.
 * Keys are the channel's payloads: a project id, or the end of a credential (db/events.ts).
 */
export class ProjectEventHub {
  private readonly wakers = new Map<string, Set<Wake>>();
  private readonly openStreams = new Set<() => void>();
  private listening: Promise<unknown> | null = null;
  private endsStreamsOnShutdown = false;
  /** Set when the process is asked to stop: open feeds end, so a graceful shutdown can finish. */
  stopping = false;

  constructor(private readonly database: () => DatabaseHandle = getDatabaseHandle) {}

  /** Calls `wake` whenever an event of the project (or whatever `key` names) commits; resolves once listening. */
  async subscribe(key: string, wake: Wake): Promise<() => void> {
    const set = this.wakers.get(key) ?? new Set<Wake>();
    set.add(wake);
    this.wakers.set(key, set);
    this.listening ??= this.database()
      .listen(PROJECT_EVENTS_CHANNEL, (payload) => this.wakers.get(payload)?.forEach((notify) => notify()))
      .catch((error: unknown) => {
        this.listening = null;
        throw error;
      });
    await this.listening;
    return () => {
      set.delete(wake);
      if (set.size === 0) this.wakers.delete(key);
    };
  }

  /**
   * Registers an open stream to be ended when the process is asked to stop: a graceful
   * shutdown waits for every open response, and an event stream would otherwise never end.
   * EventSource reconnects by itself, to another instance or to this one restarted.
   */
  trackOpenStream(end: () => void): () => void {
    // Only inside the Next.js server, whose own handlers on these signals drain and exit. (NEXT_RUNTIME
    // is written in at build time, so it is read here, not through lib/config.ts: see there.)
    if (!this.endsStreamsOnShutdown && process.env.NEXT_RUNTIME) {
      this.endsStreamsOnShutdown = true;
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        process.once(signal, () => {
          this.stopping = true;
          this.openStreams.forEach((close) => close());
        });
      }
    }
    this.openStreams.add(end);
    return () => this.openStreams.delete(end);
  }
}

const HUB_KEY = Symbol.for('codirector.projectEventHub');
type GlobalWithHub = typeof globalThis & { [HUB_KEY]?: ProjectEventHub };

export function getProjectEventHub(): ProjectEventHub {
  const holder = globalThis as GlobalWithHub;
  holder[HUB_KEY] ??= new ProjectEventHub();
  return holder[HUB_KEY];
}
