import { getDatabaseHandle, type DatabaseHandle } from '@/db/client';
import { PROJECT_EVENTS_CHANNEL } from '@/db/events';

type Wake = () => void;

/**
 * One LISTEN connection per process, fanned out to every open stream of a project. Postgres
 * delivers each NOTIFY to every listening process, so several app instances all see every event.
 */
export class ProjectEventHub {
  private readonly wakers = new Map<string, Set<Wake>>();
  private listening: Promise<unknown> | null = null;

  constructor(private readonly database: () => DatabaseHandle = getDatabaseHandle) {}

  /** Calls `wake` whenever an event of the project commits; resolves once listening. */
  async subscribe(projectId: string, wake: Wake): Promise<() => void> {
    const set = this.wakers.get(projectId) ?? new Set<Wake>();
    set.add(wake);
    this.wakers.set(projectId, set);
    this.listening ??= this.database()
      .listen(PROJECT_EVENTS_CHANNEL, (payload) => this.wakers.get(payload)?.forEach((notify) => notify()))
      .catch((error: unknown) => {
        this.listening = null;
        throw error;
      });
    await this.listening;
    return () => {
      set.delete(wake);
      if (set.size === 0) this.wakers.delete(projectId);
    };
  }
}

const HUB_KEY = Symbol.for('codirector.projectEventHub');
type GlobalWithHub = typeof globalThis & { [HUB_KEY]?: ProjectEventHub };

export function getProjectEventHub(): ProjectEventHub {
  const holder = globalThis as GlobalWithHub;
  holder[HUB_KEY] ??= new ProjectEventHub();
  return holder[HUB_KEY];
}
