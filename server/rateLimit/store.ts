import { beforeDatabaseCloses, databaseConfigFromEnv } from '@/db/client';
import { addRateLimitHits, countRateLimitWindows, pruneRateLimitBuckets, removeRateLimitHit } from '@/db/rateLimits';
import { MemoryRateLimitStore, WriteBehindRateLimitStore, type RateLimitRule, type RateLimitStore, type WindowCounts } from '@/lib/rateLimit';

/** Twice the longest window (an hour) and more: a window is kept while it is the previous one, since it still weighs in. */
const KEEP_WINDOWS_MS = 24 * 3600 * 1000;

/** Counts in a Postgres table: shared by every instance on the same database, one write per hit. */
export class DatabaseRateLimitStore implements RateLimitStore {
  private writesSincePrune = 0;

  hit(rule: RateLimitRule): Promise<WindowCounts> {
    return this.add(rule.key, rule.windowSeconds, 1);
  }

  /** Adds hits counted elsewhere: to the current window, or to the one starting at `windowStart`. */
  async add(key: string, windowSeconds: number, amount: number, windowStart?: Date): Promise<WindowCounts> {
    const result = await addRateLimitHits(key, windowSeconds, amount, windowStart);
    // Old windows are useless; sweep them now and then rather than on every write.
    if (++this.writesSincePrune >= 1000) {
      this.writesSincePrune = 0;
      await pruneRateLimitBuckets(new Date(Date.now() - KEEP_WINDOWS_MS));
    }
    return result;
  }

  peek(rule: RateLimitRule): Promise<WindowCounts> {
    return countRateLimitWindows(rule.key, rule.windowSeconds);
  }

  release(rule: RateLimitRule, windowStart: Date): Promise<void> {
    return removeRateLimitHit(rule.key, windowStart);
  }
}

const STORE_KEY = Symbol.for('codirector.rateLimitStore');
type GlobalWithStore = typeof globalThis & { [STORE_KEY]?: RateLimitStore };

/**
 * With DATABASE_URL: a Postgres table shared by every instance, written behind (in batches,
 * and at once near a limit). On embedded PGlite, one process: memory.
 */
export function getRateLimitStore(): RateLimitStore {
  const holder = globalThis as GlobalWithStore;
  holder[STORE_KEY] ??= databaseConfigFromEnv().driver === 'postgres' ? writeBehindDatabaseStore() : new MemoryRateLimitStore();
  return holder[STORE_KEY];
}

function writeBehindDatabaseStore(): WriteBehindRateLimitStore {
  const store = new WriteBehindRateLimitStore(new DatabaseRateLimitStore());
  // What is counted is written before the database closes, and before a graceful shutdown of the Next.js server ends the process.
  beforeDatabaseCloses(async () => {
    const holder = globalThis as GlobalWithStore;
    if (holder[STORE_KEY] === store) delete holder[STORE_KEY];
    await store.flush();
  });
  // NEXT_RUNTIME: inside the Next.js server (written in at build time, not a setting of lib/config.ts).
  if (process.env.NEXT_RUNTIME) for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void store.flush());
  return store;
}
