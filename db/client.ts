import fs from 'node:fs';
import { config as appConfig } from '@/lib/config';
import path from 'node:path';
import { sql, type ExtractTablesWithRelations, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { driverClient } from './driver';
import { preparedStatementsEnabled } from './preparedStatements';
import { queryTimeoutsFromEnv } from './queryTimeout';
import * as relations from './relations';
import * as tables from './schema';

/** The tables and the relations between them, as Drizzle's client knows them. */
const schema = { ...tables, ...relations };
export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Database | Transaction;

export type DatabaseConfig = { driver: 'postgres'; url: string } | { driver: 'pglite'; dataDir: string };

export interface DatabaseHandle {
  readonly config: DatabaseConfig;
  readonly db: Database;
  /** Applies the committed migrations under db/migrations; safe to call from several processes. */
  migrate(): Promise<void>;
  /** LISTENs on a Postgres channel; resolves to a function that stops listening. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** A configuration problem worth one clear line at start-up rather than a stack trace. */
export class DatabaseConfigError extends Error {
  override name = 'DatabaseConfigError';
}

const MIGRATION_LOCK_KEY = 727274;
const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

/**
 * `DATABASE_URL` set: that Postgres. Unset: embedded PGlite in `PGLITE_DIR` (`memory://` keeps it
 * in memory; default `.data/pglite`). Both as lib/config.ts parsed them: a URL that is not
 * postgres:// is a ConfigError naming it.
 */
export function databaseConfigFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): DatabaseConfig {
  const { DATABASE_URL, PGLITE_DIR } = appConfig(env);
  return DATABASE_URL ? { driver: 'postgres', url: DATABASE_URL } : { driver: 'pglite', dataDir: PGLITE_DIR };
}

export interface OpenOptions {
  /**
   * Request timeouts (DATABASE_STATEMENT_TIMEOUT_MS, db/queryTimeout.ts); on by default. Scripts
   * that run one long transaction on purpose (the demo seed) turn them off.
   */
  requestTimeouts?: boolean;
}

export function openDatabase(config: DatabaseConfig = databaseConfigFromEnv(), options: OpenOptions = {}): DatabaseHandle {
  return config.driver === 'postgres' ? openPostgres(config, options) : openPglite(config);
}

function openPostgres(config: Extract<DatabaseConfig, { driver: 'postgres' }>, options: OpenOptions): DatabaseHandle {
  const prepare = preparedStatementsEnabled();
  const timeouts = options.requestTimeouts === false ? null : queryTimeoutsFromEnv();
  const client = postgres(config.url, {
    // Postgres ends a statement (or a lock wait) that runs longer; db/queryTimeout.ts bounds
    // what Postgres cannot: a connection on which no bytes move any more.
    ...(timeouts && { connection: { statement_timeout: timeouts.statementMs, idle_in_transaction_session_timeout: timeouts.transactionMs } }),
    // Off for the whole connection when disabled, even for the queries Drizzle asks to prepare.
    prepare,
    max: appConfig().DATABASE_POOL_MAX,
    connect_timeout: appConfig().DATABASE_CONNECT_TIMEOUT_S,
    idle_timeout: 30,
    // postgres.js backs off up to 20 s between reconnects while the database is down, and
    // queries queue behind that wait. Capping it at 1 s keeps failures fast and recovery quick.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    onnotice: () => {},
    // postgres.js would read the server's array types on each new connection, to serialise
    // array parameters; the app sends none. Skipping it saves a round trip per connection, and
    // that query's failure, when the database drops mid-connect, was an unhandled rejection.
    fetch_types: false,
  });
  const queryClient = driverClient(client, { prepare, timeouts });
  const db = drizzlePostgres({ client: queryClient, schema }) as unknown as Database;
  return {
    config,
    db,
    async migrate() {
      // Two app instances starting together must not both run the same migration. The lock
      // is held on a connection of its own, so even a pool of one can run the migrations.
      // Migrations run on a client of their own, without the request timeouts: one may take long.
      const lock = postgres(config.url, { max: 1, connect_timeout: client.options.connect_timeout, onnotice: () => {} });
      const migrator = postgres(config.url, { max: 1, connect_timeout: client.options.connect_timeout, onnotice: () => {}, fetch_types: false });
      try {
        await lock`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres({ client: migrator, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await Promise.all([lock.end({ timeout: 5 }), migrator.end({ timeout: 5 })]);
      }
    },
    async listen(channel, onNotify) {
      // postgres.js keeps one dedicated connection for LISTEN and re-listens after reconnecting.
      const subscription = await client.listen(channel, onNotify);
      return () => subscription.unlisten();
    },
    close: () => client.end({ timeout: 5 }),
  };
}

function openPglite(config: Extract<DatabaseConfig, { driver: 'pglite' }>): DatabaseHandle {
  if (!config.dataDir.startsWith('memory://')) ensureWritableDir(config.dataDir);
  const client = new PGlite(config.dataDir);
  const pgliteDb = drizzlePglite({ client, schema });
  return {
    config,
    db: pgliteDb,
    migrate: () => migratePglite(pgliteDb, { migrationsFolder: MIGRATIONS_FOLDER }),
    listen: (channel, onNotify) => client.listen(channel, onNotify),
    close: () => client.close(),
  };
}

function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseConfigError(
      `PGLITE_DIR "${dir}" is not a writable folder (${reason}). Set PGLITE_DIR to a folder this process can write, or set DATABASE_URL.`,
    );
  }
}

/**
 * The process-wide database. Kept on globalThis because Next.js may evaluate this module in
 * more than one bundle of the same process, and PGlite allows only one owner per data folder.
 */
const HANDLE_KEY = Symbol.for('codirector.database');
type GlobalWithHandle = typeof globalThis & { [HANDLE_KEY]?: DatabaseHandle };

export function getDatabaseHandle(): DatabaseHandle {
  const holder = globalThis as GlobalWithHandle;
  holder[HANDLE_KEY] ??= openDatabase();
  return holder[HANDLE_KEY];
}

export function getDb(): Database {
  return getDatabaseHandle().db;
}

const BEFORE_CLOSE_KEY = Symbol.for('codirector.beforeDatabaseCloses');
type GlobalWithHooks = typeof globalThis & { [BEFORE_CLOSE_KEY]?: Set<() => Promise<void>> };

/** Runs `write` (once) before the process-wide database closes: for whatever holds writes back. */
export function beforeDatabaseCloses(write: () => Promise<void>): void {
  const holder = globalThis as GlobalWithHooks;
  (holder[BEFORE_CLOSE_KEY] ??= new Set()).add(write);
}

export async function closeDb(): Promise<void> {
  const hooks = (globalThis as GlobalWithHooks)[BEFORE_CLOSE_KEY];
  for (const write of hooks ?? []) {
    hooks?.delete(write);
    await write().catch(() => {});
  }
  const holder = globalThis as GlobalWithHandle;
  const handle = holder[HANDLE_KEY];
  delete holder[HANDLE_KEY];
  await handle?.close();
}

/** Resolves when the database answers a trivial query; throws the driver's error when it does not. */
export async function pingDatabase(db: Executor = getDb()): Promise<void> {
  await db.execute(sql`select 1`);
}

/** Runs raw SQL and returns its rows; the two drivers shape `execute` results differently. */
export async function selectRows<Row extends Record<string, unknown>>(db: Executor, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}
