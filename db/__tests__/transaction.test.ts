import postgres from 'postgres';
import { RowNotFoundError } from '@/db/errors';
import { startSession } from '@/db/sessions';
import { inSessionTransaction } from '@/db/transaction';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';

setUpTestDatabase();

// Locks are seen only from another connection: PGlite has one.
const onPostgres = process.env.DATABASE_URL ? it : it.skip;

describe('inSessionTransaction', () => {
  it('hands the work the locked project', async () => {
    const { user, project } = await makeUserWithProject();
    const session = await startSession(user.id, project.id);
    const locked = await inSessionTransaction(session, (_tx, lockedProject) => Promise.resolve(lockedProject));
    expect(locked.id).toBe(project.id);
    expect(locked.name).toBe(project.name);
  });

  it('refuses a session that is gone or belongs to another project, and a project that is gone', async () => {
    const { user, project } = await makeUserWithProject();
    const other = await makeUserWithProject();
    const session = await startSession(user.id, project.id);
    const missing = '00000000-0000-4000-8000-000000000000';
    const run = (target: { id: string; projectId: string }) => inSessionTransaction(target, () => Promise.resolve('ran'));

    await expect(run({ id: missing, projectId: project.id })).rejects.toEqual(new RowNotFoundError('session', missing));
    await expect(run({ id: session.id, projectId: other.project.id })).rejects.toEqual(new RowNotFoundError('session', session.id));
    await expect(run({ id: session.id, projectId: missing })).rejects.toEqual(new RowNotFoundError('project', missing));
    await expect(run(session)).resolves.toBe('ran');
  });

  onPostgres('takes the session lock only once it holds the project lock, and holds both until it ends', async () => {
    const { user, project } = await makeUserWithProject();
    const session = await startSession(user.id, project.id);
    const other = postgres(process.env.DATABASE_URL!, { max: 3, onnotice: () => {} });
    const sessionLockFree = () =>
      other.begin(async (sql) => (await sql`select id from sessions where id = ${session.id} for update nowait`).length === 1).catch(() => false);
    try {
      let releaseProject: () => void = () => undefined;
      const projectHeld = new Promise<void>((held) => {
        void other.begin(async (sql) => {
          await sql`select id from projects where id = ${project.id} for update`;
          held();
          await new Promise<void>((release) => (releaseProject = release));
        });
      });
      await projectHeld;

      let insideWork: () => void = () => undefined;
      const workStarted = new Promise<void>((started) => (insideWork = started));
      let finishWork: () => void = () => undefined;
      const waiting = inSessionTransaction(session, async () => {
        insideWork();
        await new Promise<void>((finish) => (finishWork = finish));
      });

      // Queued behind the project's lock, it has not taken the session's either.
      await new Promise((settle) => setTimeout(settle, 200));
      expect(await sessionLockFree()).toBe(true);

      releaseProject();
      await workStarted;
      expect(await sessionLockFree()).toBe(false);
      finishWork();
      await waiting;
      expect(await sessionLockFree()).toBe(true);
    } finally {
      await other.end({ timeout: 5 });
    }
  });
});
