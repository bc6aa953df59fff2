import { newClip } from '@/db/projects';
import { startSession } from '@/db/sessions';
import type { Caller } from '@/server/access';
import { forkSession } from '@/server/checkpoints';
import { runInstruction } from '@/server/instructions';
import { openProjectPage } from '@/server/projectPage';
import { setUpTestDatabase } from '@/testing/database';
import { makeListedSession, makeProject, makeUser, readSession } from '@/testing/factories';
import { countStatements } from '@/testing/statements';

setUpTestDatabase();

const TIMELINE = [newClip('Intro', 'intro', 4000), newClip('Outro', 'outro', 5000)];

async function ownerWithHistory(sessions: number) {
  const user = await makeUser();
  const project = await makeProject(user.id, 'Page', TIMELINE);
  for (let index = 0; index < sessions; index++) {
    await makeListedSession({ projectId: project.id, createdById: user.id, title: `Session ${index}`, createdAt: new Date(Date.UTC(2026, 0, 1 + index)) });
  }
  const caller: Caller = { viewer: { user, via: 'session' } };
  return { user, project, caller };
}

describe('openProjectPage', () => {
  it('reads the page in two statements: the project with its conversation, and the history page beside it', async () => {
    const { user, project, caller } = await ownerWithHistory(25);
    const session = await startSession(user.id, project.id);
    for (const content of ['make the outro a bit longer', 'and the intro', 'undo that']) await runInstruction({ session, content });

    let page!: Awaited<ReturnType<typeof openProjectPage>>;
    const statements = await countStatements(async () => {
      page = await openProjectPage(caller, { projectId: project.id });
    });

    expect(statements).toBe(2);
    expect(page.session?.id).toBe(session.id);
    expect(page.session?.messages.map((message) => message.content).slice(0, 2)).toEqual(['make the outro a bit longer', expect.stringContaining('Outro')]);
    expect(page.session?.edits).toHaveLength(2);
    expect(page.clips.map((clip) => clip.name)).toEqual(['Intro', 'Outro']);
    expect(page.history.totalCount).toBe(26);
    expect(page.history.page.rows).toHaveLength(20);
    expect(page.history.page.rows[0].id).toBe(session.id);
    expect(page.history.nextCursor).not.toBeNull();
    expect(page.latestEventId).toBeGreaterThan(0);

    const older = await openProjectPage(caller, { projectId: project.id, historyCursor: page.history.nextCursor });
    expect(older.history.page.rows.map((row) => row.title)).toEqual(['Session 5', 'Session 4', 'Session 3', 'Session 2', 'Session 1', 'Session 0']);
    expect(older.history.nextCursor).toBeNull();
  });

  it('a session’s address makes that session current; a branch carries where it came from', async () => {
    const { user, project, caller } = await ownerWithHistory(0);
    const first = await startSession(user.id, project.id);
    const { userMessage } = await runInstruction({ session: first, content: 'make the outro a bit longer' });
    const { session: branch } = await forkSession(caller, { messageId: userMessage.id });

    const original = await openProjectPage(caller, { projectId: project.id, sessionId: first.id.toUpperCase() });
    expect(original.session?.id).toBe(first.id);
    expect(original.branchOrigin).toBeNull();

    const branched = await openProjectPage(caller, { projectId: project.id, sessionId: branch.id });
    expect(branched.session?.id).toBe(branch.id);
    expect(branched.branchOrigin).toEqual({ title: (await readSession(first.id)).title, at: userMessage.createdAt });
    expect(branched.branchOrigin?.title).toBe('Outro +2 s');
    expect(branched.history.branchOrigins.get(branch.id)).toEqual(branched.branchOrigin);
  });

  it('refuses a cursor that is not one of this list’s, naming it', async () => {
    const { project, caller } = await ownerWithHistory(1);
    await expect(openProjectPage(caller, { projectId: project.id, historyCursor: 'bm90IGEgY3Vyc29y' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'cursor',
    });
  });
});
