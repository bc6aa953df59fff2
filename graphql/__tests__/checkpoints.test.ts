import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { clips, edits, messages, projectEvents, sessions, timelineSteps } from '@/db/schema';
import { getCurrentSession } from '@/db/sessions';
import { fromGlobalId } from '../ids';
import { setUpTestDatabase } from '@/testing/database';
import { makeProject, makeUser, TRIP_TIMELINE } from '@/testing/factories';
import { toGlobalId } from '../ids';
import { ApiClient, codes, sessionCookie, setUpApiServer } from './support/api';

/** Checkpoints and forks over HTTP (issue #17): restore the timeline to an instruction, branch a session from one. */
setUpTestDatabase();
const onRealPostgres = process.env.DATABASE_URL ? describe : describe.skip;

const START = 'mutation($id: ID!) { startSession(input: { projectId: $id }) { session { id } } }';
const SEND = `mutation($id: ID!, $content: String!) {
  sendMessage(input: { sessionId: $id, content: $content }) { userMessage { id } reply { content } edits { id } timeline { clips { name durationMs } } }
}`;
const PREVIEW = `query($id: ID!) {
  previewTimelineRestore(messageId: $id) {
    basis summary revertedStepCount
    changes { kind clipName description fromPosition toPosition attributes { attribute before after } }
    sessions { id title }
    timeline { clips { id name durationMs } totalDurationMs }
  }
}`;
const RESTORE = `mutation($id: ID!, $basis: String) {
  restoreTimeline(input: { messageId: $id, basis: $basis, clientMutationId: "r1" }) {
    clientMutationId
    edit { id description revertedAt }
    changes { description }
    timeline { clips { id name durationMs } }
    session { id isCurrent messages(last: 2) { edges { node { role content } } } }
    project { id currentSession { id } }
  }
}`;
const FORK = `mutation($id: ID!, $restore: Boolean) {
  forkSession(input: { messageId: $id, restoreTimeline: $restore }) {
    session {
      id title isCurrent messageCount
      forkedFromSession { id } forkedFromMessage { id }
      messages(first: 50) { edges { node { id role content edits { id description revertedAt } } } }
      edits { id description revertedAt }
    }
    edit { id description createdAt }
    timeline { clips { name durationMs } }
    project { currentSession { id } }
  }
}`;
const SESSION = `query($id: ID!) { node(id: $id) { ... on Session { messageCount edits { id revertedAt } messages(first: 50) { edges { node { id content } } } } } }`;
const TIMELINE_QUERY = 'query($id: ID!) { project(id: $id) { timeline { clips { name durationMs } } } }';

type Clips = { clips: { id?: string; name: string; durationMs: number }[] };
type Sent = { sendMessage: { userMessage: { id: string }; reply: { content: string }; edits: { id: string }[]; timeline: Clips } };
type Preview = {
  previewTimelineRestore: {
    basis: string;
    summary: string;
    revertedStepCount: number;
    changes: { kind: string; clipName: string; description: string }[];
    sessions: { id: string; title: string }[];
    timeline: Clips & { totalDurationMs: number };
  };
};
type Restored = {
  restoreTimeline: {
    clientMutationId: string;
    edit: { id: string; description: string; revertedAt: string | null };
    changes: { description: string }[];
    timeline: Clips;
    session: { id: string; isCurrent: boolean; messages: { edges: { node: { role: string; content: string } }[] } };
    project: { id: string; currentSession: { id: string } };
  };
};

const server = setUpApiServer();

async function owner() {
  const user = await makeUser();
  const project = await makeProject(user.id, 'Lisbon', TRIP_TIMELINE);
  const api = new ApiClient(server().url).as(await sessionCookie(user));
  const projectId = toGlobalId('Project', project.id);
  const start = async () => (await api.data<{ startSession: { session: { id: string } } }, unknown>(START, { id: projectId })).startSession.session.id;
  const say = (sessionId: string, content: string) => api.data<Sent, unknown>(SEND, { id: sessionId, content });
  const timeline = async () => (await api.data<{ project: { timeline: Clips } }, unknown>(TIMELINE_QUERY, { id: projectId })).project.timeline.clips;
  return { user, project, api, projectId, start, say, timeline };
}

/** Session A shortens the outro; session B then moves the beach scene and deletes “Day 2”. */
async function history() {
  const o = await owner();
  const a = await o.start();
  const first = await o.say(a, 'shorten the outro by 2 seconds');
  const afterFirst = first.sendMessage.timeline.clips;
  await o.say(a, 'make the outro a bit longer');
  await o.say(a, 'make the outro 2 seconds longer');
  const b = await o.start();
  await o.say(b, 'move the beach scene to the end');
  await o.say(b, 'delete the third clip');
  await o.say(b, 'undo that');
  await o.say(b, 'redo');
  return { ...o, a, b, first, afterFirst };
}

describe('restoreTimeline', () => {
  it('previews the clip changes and the sessions, then applies exactly the preview as one edit that "undo that" reverts', async () => {
    const { api, say, timeline, first, afterFirst, b } = await history();
    const before = await timeline();
    expect(before.map((clip) => clip.name)).toEqual(['Intro', 'Tram ride', 'Outro', 'Beach scene']);

    const preview = (await api.data<Preview, unknown>(PREVIEW, { id: first.sendMessage.userMessage.id })).previewTimelineRestore;
    expect(preview.timeline.clips.map(({ name, durationMs }) => ({ name, durationMs }))).toEqual(afterFirst);
    expect(preview.changes.map((change) => change.description)).toEqual([
      '“Beach scene” moves back to 2nd',
      '“Day 2” added as the 4th clip',
      '“Outro” 11.0 s → 7.0 s',
    ]);
    expect(preview.revertedStepCount).toBe(6);
    expect(preview.sessions.map((session) => session.title)).toEqual(['Outro −2 s, then +2 s ×2', 'Beach scene moved; Day 2 deleted']);
    expect(await timeline()).toEqual(before); // a preview changes nothing

    const restored = (await api.data<Restored, unknown>(RESTORE, { id: first.sendMessage.userMessage.id, basis: preview.basis })).restoreTimeline;
    expect(restored.clientMutationId).toBe('r1');
    expect(restored.timeline.clips).toEqual(preview.timeline.clips);
    expect(restored.edit.description).toMatch(/^Restored timeline to \w+day, \w+ \d{1,2}, \d{4}, \d{2}:\d{2} UTC$/);
    expect(restored.session.id).toBe(b); // recorded in the current session
    expect(restored.project.currentSession.id).toBe(b);
    const [instruction, reply] = restored.session.messages.edges.map((edge) => edge.node);
    expect(instruction).toMatchObject({ role: 'USER' });
    expect(reply.content).toContain('“Outro” 11.0 s → 7.0 s');
    expect(reply.content).toContain('“Beach scene moved; Day 2 deleted”');
    expect((await timeline()).map(({ name, durationMs }) => ({ name, durationMs }))).toEqual(afterFirst);

    const undone = await say(b, 'undo that');
    expect(undone.sendMessage.edits.map((edit) => edit.id)).toEqual([restored.edit.id]);
    expect(await timeline()).toEqual(before);
  });

  it('records live events for restores and branches, so other devices refresh', async () => {
    const { api, user, project, first } = await history();
    const typesSince = async (afterId: number) =>
      (await getDb().select().from(projectEvents).where(eq(projectEvents.projectId, project.id)))
        .filter((event) => event.id > afterId)
        .map((event) => event.type);
    const last = async () =>
      Math.max(0, ...(await getDb().select().from(projectEvents).where(eq(projectEvents.projectId, project.id))).map((event) => event.id));

    let mark = await last();
    await api.data(RESTORE, { id: first.sendMessage.userMessage.id });
    // The restore is an edit of the current session: its title says so, and other devices see it.
    expect(await typesSince(mark)).toEqual(['session.renamed', 'timeline.restored']);
    const [recordedIn] = await getDb()
      .select()
      .from(sessions)
      .where(eq(sessions.id, (await getCurrentSession(user.id, project.id))!.id));
    expect(recordedIn).toMatchObject({ title: 'Beach scene moved; Day 2 deleted; Timeline restored', titleSource: 'edits' });
    mark = await last();
    await api.data(FORK, { id: first.sendMessage.userMessage.id, restore: false });
    expect(await typesSince(mark)).toEqual(['session.forked']);
  });

  it('refuses with CONFLICT naming the clips when the timeline no longer matches its history, and changes nothing', async () => {
    const { api, project, timeline, first } = await history();
    await getDb().update(clips).set({ durationMs: 8000 }).where(eq(clips.name, 'Outro'));
    const before = await timeline();
    const preview = await api.request(PREVIEW, { id: first.sendMessage.userMessage.id });
    expect(codes(preview)).toEqual(['CONFLICT']);
    const result = await api.request(RESTORE, { id: first.sendMessage.userMessage.id });
    expect(codes(result)).toEqual(['CONFLICT']);
    const clipsNamed = result.errors![0].extensions!.clips as { id: string; name: string }[];
    expect(clipsNamed.map((clip) => clip.name)).toEqual(['Outro']);
    const outroClip = (await getDb().select().from(clips).where(eq(clips.projectId, project.id))).find((clip) => clip.name === 'Outro')!;
    expect(clipsNamed[0].id).toBe(toGlobalId('Clip', outroClip.id));
    expect(await timeline()).toEqual(before);
  });

  it('refuses with CONFLICT to go back past edits made before the history was recorded', async () => {
    const { api, project, say, start, timeline } = await owner();
    const session = await start();
    const asked = await say(session, 'how long is the timeline?');
    const messageId = fromGlobalId(asked.sendMessage.userMessage.id)!.id;
    const [message] = await getDb().select().from(messages).where(eq(messages.id, messageId));
    // An edit from before migration 0005: no step in the history.
    await getDb()
      .insert(edits)
      .values({
        projectId: project.id,
        sessionId: message.sessionId,
        messageId: null,
        description: 'An old edit',
        intent: { action: 'lengthen', targetClipIds: [] },
        operations: [],
        inverse: [],
        createdAt: new Date(message.createdAt.getTime() + 1),
      });
    await say(session, 'make the outro a bit longer');
    const before = await timeline();
    expect(codes(await api.request(PREVIEW, { id: asked.sendMessage.userMessage.id }))).toEqual(['CONFLICT']);
    expect(codes(await api.request(RESTORE, { id: asked.sendMessage.userMessage.id }))).toEqual(['CONFLICT']);
    expect(await timeline()).toEqual(before);
  });

  it('refuses with CONFLICT when the history moved on since the preview', async () => {
    const { api, say, timeline, first, b } = await history();
    const preview = (await api.data<Preview, unknown>(PREVIEW, { id: first.sendMessage.userMessage.id })).previewTimelineRestore;
    await say(b, 'make the intro a bit longer');
    const before = await timeline();
    const result = await api.request(RESTORE, { id: first.sendMessage.userMessage.id, basis: preview.basis });
    expect(codes(result)).toEqual(['CONFLICT']);
    expect(await timeline()).toEqual(before);
  });

  it('answers BAD_USER_INPUT for a reply and for a timeline already as it was, NOT_FOUND for another user’s instruction', async () => {
    const { api, say, start, first } = await history();
    const stranger = await owner();
    const session = await start();
    const asked = await say(session, 'how long is the timeline?');
    const replyId = (
      await api.data<{ node: { messages: { edges: { node: { id: string } }[] } } }, unknown>(
        'query($id: ID!) { node(id: $id) { ... on Session { messages(first: 5) { edges { node { id } } } } } }',
        { id: session },
      )
    ).node.messages.edges[1].node.id;
    expect(codes(await api.request(RESTORE, { id: replyId }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await api.request(RESTORE, { id: asked.sendMessage.userMessage.id }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await stranger.api.request(PREVIEW, { id: first.sendMessage.userMessage.id }))).toEqual(['NOT_FOUND']);
    expect(codes(await stranger.api.request(RESTORE, { id: first.sendMessage.userMessage.id }))).toEqual(['NOT_FOUND']);
    expect(codes(await stranger.api.request(FORK, { id: first.sendMessage.userMessage.id }))).toEqual(['NOT_FOUND']);
  });
});

type Forked = {
  forkSession: {
    session: {
      id: string;
      title: string;
      isCurrent: boolean;
      messageCount: number;
      forkedFromSession: { id: string };
      forkedFromMessage: { id: string };
      messages: { edges: { node: { id: string; role: string; content: string; edits: { id: string; description: string; revertedAt: string | null }[] } }[] };
      edits: { id: string; description: string; revertedAt: string | null }[];
    };
    edit: { id: string; description: string; createdAt: string } | null;
    timeline: Clips;
    project: { currentSession: { id: string } };
  };
};

describe('forkSession', () => {
  it('copies the conversation up to the instruction with its edits, restores the timeline, and leaves the original intact', async () => {
    const { api, say, timeline, a } = await history();
    const original = await api.data<{ node: unknown }, unknown>(SESSION, { id: a });
    const messages = (original.node as { messages: { edges: { node: { id: string; content: string } }[] } }).messages.edges.map((edge) => edge.node);
    const second = messages[2]; // "make the outro a bit longer"
    expect(second.content).toBe('make the outro a bit longer');

    const forked = (await api.data<Forked, unknown>(FORK, { id: second.id })).forkSession;
    const branch = forked.session;
    expect(branch.isCurrent).toBe(true);
    expect(forked.project.currentSession.id).toBe(branch.id);
    expect(branch.forkedFromSession.id).toBe(a);
    expect(branch.forkedFromMessage.id).toBe(second.id);
    // The branch's title says what its copy did (the original went on to lengthen the outro again).
    expect(branch.title).toBe('Outro −2 s, then +2 s');
    expect(branch.messageCount).toBe(4);
    expect(branch.messages.edges.map((edge) => [edge.node.role, edge.node.content])).toEqual([
      ['USER', 'shorten the outro by 2 seconds'],
      ['ASSISTANT', expect.any(String)],
      ['USER', 'make the outro a bit longer'],
      ['ASSISTANT', expect.any(String)],
    ]);
    expect(branch.edits.map((edit) => edit.description)).toEqual(['Made “Outro” 2.0 s shorter', 'Made “Outro” 2.0 s longer']);
    expect(branch.messages.edges[2].node.edits.map((edit) => edit.id)).toEqual([branch.edits[1].id]);
    // The timeline right after "make the outro a bit longer": the outro back at 9 s, nothing of session B.
    expect(forked.timeline.clips).toEqual([
      { name: 'Intro', durationMs: 4000 },
      { name: 'Beach scene', durationMs: 12000 },
      { name: 'Tram ride', durationMs: 10000 },
      { name: 'Day 2', durationMs: 3000 },
      { name: 'Outro', durationMs: 9000 },
    ]);
    expect(await timeline()).toEqual(forked.timeline.clips);
    expect(forked.edit?.description).toMatch(/\(branch\)$/);
    // The restore is a step of the project's history, recorded for the branch and no instruction.
    const [step] = await getDb()
      .select()
      .from(timelineSteps)
      .where(eq(timelineSteps.editId, fromGlobalId(forked.edit!.id)!.id));
    expect(step).toMatchObject({ sessionId: fromGlobalId(branch.id)!.id, messageId: null, applied: true });
    // The original keeps its conversation; its edit after the branch point reads as taken back by the branch's restore.
    const [shorter, longer, laterEdit] = (original.node as { edits: { id: string; revertedAt: string | null }[] }).edits;
    const originalAfterFork = { node: { ...(original.node as object), edits: [shorter, longer, { ...laterEdit, revertedAt: forked.edit!.createdAt }] } };
    expect(await api.data(SESSION, { id: a })).toEqual(originalAfterFork);

    // The branch's context is the copied conversation: "undo that" reverts its last copied edit.
    const undone = await say(branch.id, 'undo that');
    expect(undone.sendMessage.edits.map((edit) => edit.id)).toEqual([branch.edits[1].id]);
    expect(undone.sendMessage.timeline.clips.find((clip) => clip.name === 'Outro')?.durationMs).toBe(7000);
    expect(await api.data(SESSION, { id: a })).toEqual(originalAfterFork);
  });

  it('with restoreTimeline: false leaves the timeline as it is', async () => {
    const { api, timeline, first } = await history();
    const before = await timeline();
    const forked = (await api.data<Forked, unknown>(FORK, { id: first.sendMessage.userMessage.id, restore: false })).forkSession;
    expect(forked.edit).toBeNull();
    expect(forked.timeline.clips.map(({ name, durationMs }) => ({ name, durationMs }))).toEqual(before);
    expect(forked.session.messageCount).toBe(2);
    expect(await timeline()).toEqual(before);
  });

  it('copies undone edits as undone, so "redo" in the branch redoes them', async () => {
    const { api, say, start } = await owner();
    const s = await start();
    await say(s, 'make the intro a bit longer');
    const undo = await say(s, 'undo that');
    await say(s, 'redo');
    const forked = (await api.data<Forked, unknown>(FORK, { id: undo.sendMessage.userMessage.id })).forkSession;
    expect(forked.session.edits.map((edit) => edit.revertedAt !== null)).toEqual([true]);
    const redone = await say(forked.session.id, 'redo');
    expect(redone.sendMessage.edits.map((edit) => edit.id)).toEqual([forked.session.edits[0].id]);
    expect(redone.sendMessage.timeline.clips[0].durationMs).toBe(6000);
  });
});

onRealPostgres('racing restores', () => {
  it('two devices restoring at once: one applies, the other is CONFLICT', async () => {
    for (let round = 0; round < 10; round += 1) {
      const { api, timeline, first, afterFirst } = await history();
      const preview = (await api.data<Preview, unknown>(PREVIEW, { id: first.sendMessage.userMessage.id })).previewTimelineRestore;
      const results = await Promise.all([
        api.request(RESTORE, { id: first.sendMessage.userMessage.id, basis: preview.basis }),
        api.request(RESTORE, { id: first.sendMessage.userMessage.id, basis: preview.basis }),
      ]);
      expect(results.map((result) => codes(result).join()).sort()).toEqual(['', 'CONFLICT']);
      expect((await timeline()).map(({ name, durationMs }) => ({ name, durationMs }))).toEqual(afterFirst);
    }
  });

  it('without a basis, concurrent restores still apply once', async () => {
    for (let round = 0; round < 10; round += 1) {
      const { api, first } = await history();
      const results = await Promise.all([
        api.request(RESTORE, { id: first.sendMessage.userMessage.id }),
        api.request(RESTORE, { id: first.sendMessage.userMessage.id }),
      ]);
      const outcomes = results.map((result) => codes(result).join()).sort();
      // The later one either saw the history move (CONFLICT) or found the timeline already restored.
      expect([
        ['', 'CONFLICT'],
        ['', 'BAD_USER_INPUT'],
      ]).toContainEqual(outcomes);
    }
  });
});
