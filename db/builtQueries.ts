import type { Executor } from './client';

/**
 * Drizzle turns a query builder into SQL text on every call; on the API's hot path that was
 * about a tenth of the server's CPU. A query used on every request is built once per database
 * (and per transaction that runs it) with placeholders, then executed with each call's values:
 *
 *   builtOnce(db, 'projects.ownedById', () => db.select()…where(eq(projects.id, sql.placeholder('id'))).prepare('projects.ownedById'))
 *     .execute({ id })
 *
 * `key` names the query's shape: one key, one SQL text.
 */
const builtQueries = new WeakMap<Executor, Map<string, unknown>>();

export function builtOnce<Query>(db: Executor, key: string, build: () => Query): Query {
  let queries = builtQueries.get(db);
  if (!queries) builtQueries.set(db, (queries = new Map()));
  let query = queries.get(key) as Query | undefined;
  if (!query) queries.set(key, (query = build()));
  return query;
}
