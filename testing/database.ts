import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { closeDb, getDatabaseHandle } from '@/db/client';

/**
 * Gives the calling test file a database of its own, migrated from scratch, as the
 * process-wide database (getDb). With DATABASE_URL: a fresh database on that server,
 * dropped afterwards. Without: an in-memory PGlite.
 */
export function setUpTestDatabase(): void {
  const serverUrl = process.env.DATABASE_URL;
  let databaseName: string | null = null;

  beforeAll(async () => {
    if (serverUrl) {
      databaseName = `cds_test_${process.pid}_${randomBytes(4).toString('hex')}`;
      await withAdminConnection(serverUrl, (admin) => admin.unsafe(`create database "${databaseName}"`));
      process.env.DATABASE_URL = withDatabase(serverUrl, databaseName);
    } else {
      process.env.PGLITE_DIR = 'memory://';
    }
    await getDatabaseHandle().migrate();
  });

  afterAll(async () => {
    await closeDb();
    if (serverUrl && databaseName) {
      process.env.DATABASE_URL = serverUrl;
      await withAdminConnection(serverUrl, (admin) => admin.unsafe(`drop database if exists "${databaseName}" with (force)`));
    }
  });
}

export function withDatabase(serverUrl: string, databaseName: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

async function withAdminConnection<T>(serverUrl: string, run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    return await run(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}
