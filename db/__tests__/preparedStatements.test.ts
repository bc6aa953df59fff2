import { sql } from 'drizzle-orm';
import { getDb, openDatabase, selectRows, type Executor } from '@/db/client';
import { getOwnedProject, listProjects } from '@/db/projects';
import { preparedStatementsEnabled } from '@/db/preparedStatements';
import { makeUserWithProject } from '@/testing/factories';
import { setUpTestDatabase } from '@/testing/database';

// Prepared statements belong to one server connection: with a pool of one, the statements
// this test runs and pg_prepared_statements are on the same connection.
process.env.DATABASE_POOL_MAX = '1';

const onRealPostgres = process.env.DATABASE_URL ? describe : describe.skip;

async function preparedTexts(db: Executor): Promise<string[]> {
  const rows = await selectRows<{ statement: string }>(db, sql`select statement from pg_prepared_statements`);
  return rows.map((row) => row.statement);
}

const projectLookup = (text: string) => text.startsWith('select') && text.includes('from "projects"') && text.includes('"owner_id" = $');

describe('preparedStatementsEnabled', () => {
  it('is on unless DATABASE_PREPARE is false', () => {
    expect(preparedStatementsEnabled({ NODE_ENV: 'production' })).toBe(true);
    expect(preparedStatementsEnabled({ NODE_ENV: 'production', DATABASE_PREPARE: 'true' })).toBe(true);
    expect(preparedStatementsEnabled({ NODE_ENV: 'production', DATABASE_PREPARE: 'false' })).toBe(false);
    expect(preparedStatementsEnabled({ NODE_ENV: 'production', DATABASE_PREPARE: ' FALSE ' })).toBe(false);
  });
});

onRealPostgres('query-builder statements on Postgres', () => {
  setUpTestDatabase();

  it('are named prepared statements, reused on the next call', async () => {
    const { user, project } = await makeUserWithProject();
    expect(await getOwnedProject(user.id, project.id)).toMatchObject({ id: project.id });
    const afterFirst = (await preparedTexts(getDb())).filter(projectLookup);
    expect(afterFirst).toHaveLength(1);

    expect(await getOwnedProject(user.id, project.id)).toMatchObject({ id: project.id });
    expect((await preparedTexts(getDb())).filter(projectLookup)).toEqual(afterFirst);
  });

  it('are prepared inside transactions and savepoints too', async () => {
    const { user, project } = await makeUserWithProject();
    const inside = await getDb().transaction(async (tx) => {
      await getOwnedProject(user.id, project.id, tx);
      return tx.transaction(async (savepoint) => {
        const found = await getOwnedProject(user.id, project.id, savepoint);
        return { found, prepared: await preparedTexts(savepoint) };
      });
    });
    expect(inside.found).toMatchObject({ id: project.id });
    expect(inside.prepared.filter(projectLookup).length).toBeGreaterThan(0);
  });

  it('stay unnamed with DATABASE_PREPARE=false, for poolers in transaction mode', async () => {
    const { user, project } = await makeUserWithProject();
    process.env.DATABASE_PREPARE = 'false';
    const handle = openDatabase();
    try {
      expect(await getOwnedProject(user.id, project.id, handle.db)).toMatchObject({ id: project.id });
      // Queries built once (db/builtQueries.ts) ask Drizzle to prepare them; the setting wins.
      expect((await listProjects(user.id, { first: 5 }, null, handle.db)).rows).toHaveLength(1);
      expect((await preparedTexts(handle.db)).filter((text) => text.includes('from "projects"'))).toEqual([]);
    } finally {
      delete process.env.DATABASE_PREPARE;
      await handle.close();
    }
  });
});
