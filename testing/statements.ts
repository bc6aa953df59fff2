import { getDb } from '@/db/client';
import { WriteBehindRateLimitStore } from '@/lib/rateLimit';
import { getRateLimitStore } from '@/server/rateLimit/store';

/** Statements a piece of work sent, and how many of them ran inside a transaction (BEGIN and COMMIT not counted). */
export interface StatementCount {
  total: number;
  inTransaction: number;
}

type Client = Record<string, unknown>;

const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback)\b/i;

/**
 * Counts the SQL statements sent to the database driver while `run` runs, by wrapping the
 * driver's entry point that Drizzle calls for each one (postgres-js `unsafe`, PGlite `query`),
 * on the client and on each transaction's client (postgres-js `begin`, PGlite `transaction`).
 */
export async function countStatementsByPlace(run: () => Promise<void>): Promise<StatementCount> {
  // Rate-limit counts of earlier requests are written behind, once a second: not this request's statements.
  const store = getRateLimitStore();
  if (store instanceof WriteBehindRateLimitStore) await store.flush();
  const client = (getDb() as unknown as { $client: Client }).$client;
  const [send, begin] = typeof client.unsafe === 'function' ? ['unsafe', 'begin'] : ['query', 'transaction'];
  const count: StatementCount = { total: 0, inTransaction: 0 };
  const counting = (target: Client, inTransaction: boolean) => {
    const original = target[send] as (...args: unknown[]) => unknown;
    target[send] = function countingStatement(this: unknown, ...args: unknown[]) {
      // The drivers open and close transactions differently (postgres-js through this entry point, PGlite not).
      if (!TRANSACTION_CONTROL.test(String(args[0]))) {
        count.total += 1;
        if (inTransaction) count.inTransaction += 1;
      }
      return original.apply(this, args);
    };
    return () => {
      target[send] = original;
    };
  };
  const restoreSend = counting(client, false);
  const originalBegin = client[begin] as (...args: unknown[]) => unknown;
  client[begin] = function countingTransaction(this: unknown, ...args: unknown[]) {
    const work = args[args.length - 1] as (tx: Client) => unknown;
    args[args.length - 1] = (tx: Client) => {
      counting(tx, true);
      return work(tx);
    };
    return originalBegin.apply(this, args);
  };
  try {
    await run();
  } finally {
    restoreSend();
    client[begin] = originalBegin;
  }
  return count;
}

/** All statements `run` sent, in or out of transactions. */
export async function countStatements(run: () => Promise<void>): Promise<number> {
  return (await countStatementsByPlace(run)).total;
}
