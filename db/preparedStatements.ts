import type { Sql, TransactionSql } from 'postgres';
import { config } from '@/lib/config';

/**
 * Drizzle's postgres-js driver sends every query built with the query builder as an unnamed
 * statement (`prepare: false`), and postgres.js then asks Postgres to describe each statement
 * that has parameters before running it: two round trips per statement. This wraps the client
 * so those statements are named prepared statements instead, which postgres.js keeps per
 * connection: from the second use on, one round trip.
 *
 * Transactions and savepoints hand their callback a client of their own; it is wrapped too.
 */
export function preparingStatements<Client extends Sql>(client: Client): Client {
  const unsafe = client.unsafe.bind(client);
  // A transaction's client has no `begin`, and only a transaction's client has a `savepoint`.
  const begin = (client as Partial<Sql>).begin;
  const savepoint = (client as Partial<TransactionSql>).savepoint;
  const withPreparingClient = (arg: unknown) =>
    typeof arg === 'function' ? (inner: Sql) => (arg as (inner: Sql) => unknown)(preparingStatements(inner)) : arg;
  // Patched in place rather than proxied, so code that wraps `unsafe` (tests counting statements) still sees every call.
  Object.assign(client, {
    unsafe: (query: string, parameters?: unknown[], options?: object) => unsafe(query, parameters as never, { ...options, prepare: true }),
    begin: (...args: unknown[]) => (begin as (...args: unknown[]) => unknown).apply(client, args.map(withPreparingClient)),
    ...(savepoint && { savepoint: (...args: unknown[]) => (savepoint as (...args: unknown[]) => unknown).apply(client, args.map(withPreparingClient)) }),
  });
  return client;
}

/**
 * Named statements live on one server connection. Poolers that hand a client a different
 * connection per transaction (PgBouncer in transaction mode, some serverless proxies) break
 * them, so DATABASE_PREPARE=false turns them off.
 */
export function preparedStatementsEnabled(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return config(env).DATABASE_PREPARE;
}
