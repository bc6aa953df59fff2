import { eq, sql } from 'drizzle-orm';
import { builtOnce } from '@/db/builtQueries';
import { getDb, type Executor } from '@/db/client';
import { projects } from '@/db/schema';
import { setUpTestDatabase } from '@/testing/database';
import { makeProject, makeUser } from '@/testing/factories';

setUpTestDatabase();

class RolledBack extends Error {}

// Two transactions open at once need two connections: PGlite has one.
const onPostgres = process.env.DATABASE_URL ? it : it.skip;

async function ownerWithOneProject() {
  const user = await makeUser();
  await makeProject(user.id, 'Committed');
  const build = jest.fn((db: Executor) =>
    db
      .select({ count: sql<number>`count(*)::int` })
      .from(projects)
      .where(eq(projects.ownerId, sql.placeholder('ownerId')))
      .prepare('test.projectsOwned'),
  );
  const projectsOwned = async (db: Executor) => (await builtOnce(db, `test.projectsOwned.${user.id}`, () => build(db)).execute({ ownerId: user.id }))[0].count;
  return { user, build, projectsOwned };
}

describe('builtOnce', () => {
  it("builds a query once for every transaction, and runs it on each transaction's own connection", async () => {
    const { user, build, projectsOwned } = await ownerWithOneProject();
    await getDb().transaction(async (tx) => {
      expect(await projectsOwned(tx)).toBe(1);
    });
    // Built in the transaction above, run in this one: only this transaction's connection sees what it has not committed.
    await expect(
      getDb().transaction(async (tx) => {
        await tx.insert(projects).values({ ownerId: user.id, name: 'Not committed' });
        expect(await projectsOwned(tx)).toBe(2);
        throw new RolledBack();
      }),
    ).rejects.toBeInstanceOf(RolledBack);
    expect(build).toHaveBeenCalledTimes(1);

    // The database has its own, built once too.
    expect(await projectsOwned(getDb())).toBe(1);
    expect(await projectsOwned(getDb())).toBe(1);
    expect(build).toHaveBeenCalledTimes(2);
  });

  onPostgres('runs a query built in one open transaction on the connection of another', async () => {
    const { user, projectsOwned } = await ownerWithOneProject();
    await getDb().transaction(async (first) => {
      expect(await projectsOwned(first)).toBe(1);
      await expect(
        getDb().transaction(async (second) => {
          await second.insert(projects).values({ ownerId: user.id, name: 'Not committed' });
          expect(await projectsOwned(second)).toBe(2);
          throw new RolledBack();
        }),
      ).rejects.toBeInstanceOf(RolledBack);
      expect(await projectsOwned(first)).toBe(1);
    });
  });
});
