import { getAllMessages } from '@/db/messages';
import { listEditsForSession } from '@/db/edits';
import { countSessions, createSession, setSessionFlags, startSession } from '@/db/sessions';
import { latestProjectEventId } from '@/db/events';
import { getTimeline, newClip, readProjectPage } from '@/db/projects';
import { runInstruction } from '@/server/instructions';
import { setUpTestDatabase } from '@/testing/database';
import { makeListedSession, makeProject, makeUser } from '@/testing/factories';

setUpTestDatabase();

const TIMELINE = [newClip('Intro', 'intro', 4000), newClip('Beach scene', 'scene', 12000), newClip('Outro', 'outro', 5000)];

describe('readProjectPage', () => {
  it('reads the project, its timeline, its history count and the current conversation as the single reads do', async () => {
    const owner = await makeUser();
    const project = await makeProject(owner.id, 'Page', TIMELINE);
    await makeListedSession({ projectId: project.id, createdById: owner.id, title: 'older' });
    const archived = await makeListedSession({ projectId: project.id, createdById: owner.id, title: 'put away' });
    await setSessionFlags(archived, { archived: true });
    await createSession({ projectId: project.id, createdById: owner.id });
    const session = await startSession(owner.id, project.id);
    await runInstruction({ session, content: 'make the outro a bit longer' });
    await runInstruction({ session, content: 'and the intro too' });
    await runInstruction({ session, content: 'undo that' });

    const page = await readProjectPage(owner.id, project.id);

    expect(page).not.toBeNull();
    expect(page!.project).toMatchObject({ id: project.id, name: 'Page', ownerId: owner.id });
    expect(page!.clips.map((clip) => clip.id)).toEqual((await getTimeline(project.id)).map((clip) => clip.id));
    expect(page!.sessionCount).toBe(await countSessions(project.id));
    expect(page!.sessionCount).toBe(2);
    expect(page!.latestEventId).toBe(await latestProjectEventId(project.id));
    expect(page!.current?.id).toBe(session.id);
    expect(page!.current?.messages).toEqual(await getAllMessages(session.id));
    expect(page!.current?.edits).toEqual(await listEditsForSession(session.id));
    expect(page!.current?.messages[0].createdAt).toBeInstanceOf(Date);
    expect(page!.current?.forkedFromSession).toBeNull();
  });

  it('is null for another user, and has no current session before the first one starts', async () => {
    const owner = await makeUser();
    const stranger = await makeUser();
    const project = await makeProject(owner.id, 'Mine', TIMELINE);

    expect(await readProjectPage(stranger.id, project.id)).toBeNull();
    const page = await readProjectPage(owner.id, project.id);
    expect(page!.current).toBeNull();
    expect(page!.latestEventId).toBe(0);
    expect(page!.sessionCount).toBe(0);
  });
});
