import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { createProject, getTimeline } from '@/db/projects';
import { sessions } from '@/db/schema';
import { DID_NOT_UNDERSTAND } from '@/lib/assistant/replies';
import { TITLE_MAX_LENGTH } from '@/lib/sessionTitles';
import { setUpTestDatabase } from '@/testing/database';
import { makeUser } from '@/testing/factories';
import { DEMO_CONVERSATIONS, DEMO_PAST_SESSIONS, DEMO_TIMELINE, demoSessionTitles, playConversation } from '../demo-data';
import { seedDemoSessions } from '../demo-sessions';

setUpTestDatabase();

describe("the demo seed's sessions", () => {
  it('each leave the timeline as they found it, and each edit or ask something', () => {
    const start = DEMO_TIMELINE.map((clip, index) => ({ ...clip, id: `clip-${index}` }));
    let edits = 0;
    expect(DEMO_CONVERSATIONS).toHaveLength(DEMO_PAST_SESSIONS);
    for (const conversation of DEMO_CONVERSATIONS) {
      const played = playConversation(start, conversation, () => `edit-${(edits += 1)}`);
      expect(played.timeline).toEqual(start);
      const isQuestion = conversation.length === 1 && conversation[0].endsWith('?');
      expect(played.edits.length > 0).toBe(!isQuestion);
      // Nothing the interpreter could not map: every reply answers.
      for (const reply of played.messages.filter((message) => message.role === 'assistant')) expect(reply.content).not.toContain(DID_NOT_UNDERSTAND);
    }
  });

  it('have 45 different titles that say what each conversation did', () => {
    const titles = demoSessionTitles();
    expect(new Set(titles).size).toBe(DEMO_PAST_SESSIONS);
    expect(titles.every((title) => title.length > 0 && [...title].length <= TITLE_MAX_LENGTH)).toBe(true);
    expect(titles.slice(0, 7)).toEqual([
      'Intro −2 s, then +2 s',
      'Arrival at the airport fade-in 1 s, then fade-in removed',
      'Beach scene muted, then unmuted',
      'Tram ride 2× speed, then undone',
      'Title card volume 80%, then volume 100%',
      'Sunset timelapse +2 s, then undone',
      'Tram ride and Beach scene swapped, then undone',
    ]);
    expect(titles).toContain('How long is the whole video?');
  });

  it('get exactly those titles when seeded through the app, and leave the demo timeline as listed', async () => {
    const user = await makeUser();
    const project = await createProject(user.id, 'Summer in Lisbon', DEMO_TIMELINE);
    await seedDemoSessions({ projectId: project.id, userId: user.id, now: Date.now() }, getDb());
    const seeded = await getDb().select().from(sessions).where(eq(sessions.projectId, project.id)).orderBy(asc(sessions.createdAt));
    expect(seeded.map((session) => session.title)).toEqual(demoSessionTitles());
    expect(seeded.every((session) => session.titleSource !== 'user')).toBe(true);
    expect((await getTimeline(project.id)).map(({ id: _id, ...clip }) => clip)).toEqual(DEMO_TIMELINE);
  });
});
