import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { driverClient } from '@/db/driver';
import { QueryTimeoutError } from '@/db/queryTimeout';

/**
 * The contract db/driver.ts relies on, pinned against the installed postgres.js and Drizzle:
 * an upgrade that changes one of these fails here, not in production.
 */
const onRealPostgres = process.env.DATABASE_URL ? describe : describe.skip;

it('the installed postgres.js skips a buffered write once its connection was cut (scripts/patch-postgres.mjs)', () => {
  for (const build of ['cjs/src', 'src']) {
    const source = fs.readFileSync(path.join(process.cwd(), 'node_modules', 'postgres', build, 'connection.js'), 'utf8');
    const nextWrite = source.slice(source.indexOf('function nextWrite(fn) {'));
    expect(nextWrite.split('\n')[1]).toMatch(/^\s*if \(!socket\) return/);
  }
});

onRealPostgres('postgres.js and Drizzle, as db/driver.ts patches them', () => {
  const client = postgres(process.env.DATABASE_URL!, { max: 2, onnotice: () => {}, fetch_types: false });
  afterAll(() => client.end({ timeout: 5 }));

  it('Drizzle sends every statement through the client’s unsafe, and transactions through begin with a client of their own', async () => {
    const calls: string[] = [];
    const patched = driverClient(postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {}, fetch_types: false }), {
      prepare: true,
      timeouts: { queryMs: 5_000, transactionMs: 10_000 },
    });
    const unsafe = patched.unsafe.bind(patched);
    const begin = patched.begin.bind(patched);
    Object.assign(patched, {
      unsafe: (...args: Parameters<typeof unsafe>) => (calls.push(`unsafe ${String(args[0]).slice(0, 8)}`), unsafe(...args)),
      begin: (...args: unknown[]) => (calls.push('begin'), (begin as (...a: unknown[]) => unknown)(...args)),
    });
    const db = drizzle({ client: patched });
    try {
      await db.execute(sql`select 1`);
      await db.transaction(async (tx) => tx.execute(sql`select 2`));
      // The statements inside run on the transaction's own client (patched by the driver through `begin`).
      expect(calls).toEqual(['unsafe select 1', 'begin', 'unsafe begin ']);
    } finally {
      await patched.end({ timeout: 5 });
    }
  });

  it('a pending query exposes reject and canceller, and the native then does not start it', async () => {
    const query = client.unsafe('select pg_sleep(0.05)') as unknown as { reject?: unknown; canceller?: unknown; executed?: boolean };
    expect(typeof query.reject).toBe('function');
    expect(typeof query.canceller).toBe('function');
    // Only to show the native then does not start the query; both outcomes are handled here, and the query is awaited below.
    void Promise.prototype.then.call(
      query,
      () => {},
      () => {},
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(query.executed).toBe(false);
    await (query as unknown as Promise<unknown>);
  });

  it('a query with no answer within the timeout is rejected with QUERY_TIMEOUT and cancelled on the server', async () => {
    const bounded = driverClient(postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {}, fetch_types: false }), {
      prepare: false,
      timeouts: { queryMs: 200, transactionMs: 1_000 },
    });
    try {
      const started = Date.now();
      await expect(bounded.unsafe('select pg_sleep(5)')).rejects.toBeInstanceOf(QueryTimeoutError);
      // Well before the sleep would end, with room for a busy machine (it failed once at 2 s under the full suite).
      expect(Date.now() - started).toBeLessThan(4_000);
      // The connection is usable again once Postgres has cancelled the sleep.
      await expect(bounded.unsafe('select 1 as one')).resolves.toEqual([{ one: 1 }]);
    } finally {
      await bounded.end({ timeout: 5 });
    }
  });

  it('a transaction past its deadline is answered at once and can only roll back', async () => {
    const bounded = driverClient(postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {}, fetch_types: false }), {
      prepare: false,
      timeouts: { queryMs: 5_000, transactionMs: 300 },
    });
    const table = `driver_contract_${process.pid}`;
    await client.unsafe(`create table if not exists ${table} (id int)`);
    try {
      const started = Date.now();
      await expect(
        bounded.begin(async (tx) => {
          await tx.unsafe('select pg_sleep(0.6)');
          await tx.unsafe(`insert into ${table} values (1)`);
        }),
      ).rejects.toBeInstanceOf(QueryTimeoutError);
      expect(Date.now() - started).toBeLessThan(600);
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(await client.unsafe(`select count(*)::int as n from ${table}`)).toEqual([{ n: 0 }]);
    } finally {
      await client.unsafe(`drop table if exists ${table}`);
      await bounded.end({ timeout: 5 });
    }
  });
});
