import type { Sql } from 'postgres';
import { config } from '@/lib/config';

/**
 * A database that stops answering without closing the connection (a paused network, a hung
 * proxy) would leave every request waiting for TCP to give up, minutes later. Postgres'
 * statement_timeout cannot help when no bytes move, so the client bounds each query too:
 *
 * - a query with no answer within `queryMs` is rejected with QUERY_TIMEOUT (and Postgres is
 *   asked to cancel it);
 * - a transaction is bounded as a whole by `transactionMs`. Its callback's queries fail on
 *   their own timeouts, which makes postgres.js roll back; but the rollback itself may hang on
 *   the same silent connection, so the caller is answered at the deadline and the
 *   transaction is marked abandoned: any query it sends after that fails, so it can only
 *   roll back, never commit late.
 */
export interface QueryTimeouts {
  queryMs: number;
  transactionMs: number;
}

export class QueryTimeoutError extends Error {
  override name = 'QueryTimeoutError';
  readonly code = 'QUERY_TIMEOUT';
  constructor(what: 'query' | 'transaction', ms: number) {
    super(`The database did not answer the ${what} within ${ms} ms.`);
  }
}

type Unsafe = Sql['unsafe'];
type Begin = (...args: unknown[]) => Promise<unknown>;
interface Abandonable {
  abandoned: boolean;
}

/** Patches `client` (and the clients of its transactions) in place; returns it. */
export function boundingQueries<Client extends Sql>(client: Client, timeouts: QueryTimeouts, transaction?: Abandonable): Client {
  const unsafe = client.unsafe.bind(client);
  const begin = (client as unknown as { begin?: Begin }).begin;
  Object.assign(client, {
    unsafe: (...args: Parameters<Unsafe>) => {
      const query = unsafe(...args);
      const rejectable = query as unknown as RejectableQuery;
      if (transaction?.abandoned) rejectable.reject(new QueryTimeoutError('transaction', timeouts.transactionMs));
      else bound(rejectable, timeouts.queryMs);
      return query;
    },
    ...(begin && {
      begin: (...args: unknown[]) => {
        const state: Abandonable = { abandoned: false };
        const withBoundedClient = (arg: unknown) =>
          typeof arg === 'function' ? (inner: Sql) => (arg as (inner: Sql) => unknown)(boundingQueries(inner, timeouts, state)) : arg;
        return deadline(begin.apply(client, args.map(withBoundedClient)), timeouts.transactionMs, () => {
          state.abandoned = true;
        });
      },
    }),
  });
  return client;
}

interface RejectableQuery {
  reject(error: Error): void;
  /** postgres.js' own: drops a queued query, or asks Postgres to cancel a running one. */
  canceller: ((query: RejectableQuery) => Promise<void>) | null;
}

function bound(rejectable: RejectableQuery, ms: number): void {
  const timer = setTimeout(() => {
    // Cancel first: rejecting marks the query inactive, and postgres.js only sends a cancel
    // request for an active one. Best effort: the request needs the same network that may just
    // have gone silent. (Query.cancel() would drop this promise, and its rejection would be unhandled.)
    const cancel = rejectable.canceller;
    rejectable.canceller = null;
    cancel?.(rejectable).catch(() => {});
    rejectable.reject(new QueryTimeoutError('query', ms));
  }, ms);
  timer.unref();
  // The native `then`: postgres.js' own would start the query before Drizzle has configured it.
  const clear = () => clearTimeout(timer);
  // Both outcomes only clear the timer, so nothing is left to handle.
  void Promise.prototype.then.call(rejectable, clear, clear);
}

function deadline<Value>(work: Promise<Value>, ms: number, onExpired: () => void): Promise<Value> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onExpired();
      reject(new QueryTimeoutError('transaction', ms));
    }, ms);
    timer.unref();
  });
  // The abandoned work still settles later; nobody waits for it any more.
  work.catch(() => {});
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

/** DATABASE_STATEMENT_TIMEOUT_MS (default 4 s) for Postgres; the client waits one second longer. */
export function queryTimeoutsFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): QueryTimeouts & { statementMs: number } {
  const statementMs = config(env).DATABASE_STATEMENT_TIMEOUT_MS;
  return { statementMs, queryMs: statementMs + 1000, transactionMs: 2 * statementMs + 2000 };
}
