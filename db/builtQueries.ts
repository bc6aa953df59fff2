import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

/**
 * Drizzle turns a query builder into SQL text on every call; on the API's hot path that was
 * about a tenth of the server's CPU. A query used on every request is built once with
 * placeholders, then executed with each call's values:
 *
 *   builtOnce(db, 'projects.ownedById', () => db.select()…where(eq(projects.id, sql.placeholder('id'))).prepare('projects.ownedById'))
 *     .execute({ id })
 *
 * `key` names the query's shape: one key, one SQL text. Built once per database, and once per
 * driver for all transactions (builtForTransactions).
 */
export function builtOnce<Query extends object>(db: Executor, key: string, build: () => Query): Query {
  if (db instanceof PgTransaction) return builtForTransactions(db, key, build);
  return cached(perDatabase, db, key, build);
}
const perDatabase = new WeakMap<object, Map<string, unknown>>();

/**
 * Drizzle ties a prepared query to the client it was prepared on, and each transaction is a
 * client of its own, so a query would be built again in every transaction (drizzle-orm#2826):
 * on sendMessage's path that was a fifth of the server's CPU. The query is built in the first
 * transaction that runs it, and each later one runs it on its own client.
 *
 * This leans on two Drizzle internals (0.45): a session keeps its driver client in `client`, and
 * so does a prepared query, which runs its statement on it. db/__tests__/builtQueries.test.ts
 * fails if either changes.
 */
function builtForTransactions<Query extends object>(tx: Executor, key: string, build: () => Query): Query {
  const { session } = tx as unknown as { session: { client: unknown; constructor: object } };
  const built = cached(perDriver, session.constructor, key, build);
  return Object.create(built, { client: { value: session.client } }) as Query;
}
const perDriver = new WeakMap<object, Map<string, unknown>>();

function cached<Query>(store: WeakMap<object, Map<string, unknown>>, owner: object, key: string, build: () => Query): Query {
  let queries = store.get(owner);
  if (!queries) store.set(owner, (queries = new Map<string, unknown>()));
  let query = queries.get(key) as Query | undefined;
  if (!query) queries.set(key, (query = build()));
  return query;
}
