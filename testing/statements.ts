import { getDb } from '@/db/client';
import { getRateLimitStore, WriteBehindRateLimitStore } from '@/lib/rateLimit';

/**
 * Counts the SQL statements sent to the database driver while `run` runs, by wrapping the
 * driver's entry point (postgres-js `unsafe`, PGlite `query`) that Drizzle calls for each one.
 */
export async function countStatements(run: () => Promise<void>): Promise<number> {
  // Rate-limit counts of earlier requests are written behind, once a second: not this request's statements.
  const store = getRateLimitStore();
  if (store instanceof WriteBehindRateLimitStore) await store.flush();
  const client = (getDb() as unknown as { $client: Record<string, unknown> }).$client;
  const method = typeof client.unsafe === 'function' ? 'unsafe' : 'query';
  const original = client[method] as (...args: unknown[]) => unknown;
  let statements = 0;
  client[method] = function countingStatement(this: unknown, ...args: unknown[]) {
    statements += 1;
    return original.apply(this, args);
  };
  try {
    await run();
  } finally {
    client[method] = original;
  }
  return statements;
}
