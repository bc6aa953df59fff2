import { sql } from 'drizzle-orm';
import { getDb, openDatabase } from '@/db/client';
import { EVENT_RETENTION_MS, latestProjectEventId, listProjectEventsAfter, pruneProjectEvents } from '@/db/events';
import { projectEvents } from '@/db/schema';
import { runInstruction as sendInstruction } from '@/server/instructions';
import { renameSession, startSession } from '@/db/sessions';
import { ProjectEventHub } from '@/server/events/projectEventHub';
import { createProjectEventStream } from '@/server/events/projectEventStream';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';

setUpTestDatabase();

interface ReceivedEvent {
  id: number;
  type: string;
  sessionId: string | null;
}

/** Reads SSE frames off a stream and hands out parsed events as they arrive. */
function readEvents(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  const received: ReceivedEvent[] = [];
  let buffer = '';
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame.split('\n').find((line) => line.startsWith('data: '));
        if (data) received.push(JSON.parse(data.slice(6)) as ReceivedEvent);
      }
    }
  })();
  return {
    received,
    async waitFor(count: number, timeoutMs = 1000): Promise<ReceivedEvent[]> {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`Only ${received.length} of ${count} events arrived within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return received.slice(0, count);
    },
    reading,
  };
}

async function projectWithSession() {
  const { user, project } = await makeUserWithProject();
  const session = await startSession(user.id, project.id);
  return { user, project, session };
}

describe('project event stream', () => {
  it('delivers an instruction answered on the project within a second, in order', async () => {
    const { project, session } = await projectWithSession();
    const abort = new AbortController();
    const events = readEvents(createProjectEventStream({ projectId: project.id, afterId: await latestProjectEventId(project.id), signal: abort.signal }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sendInstruction({ session, content: 'make the intro a bit longer' });
    await renameSession(session, 'Intro pass');
    // The instruction's edit retitles the session before it is answered; then the user renames it.
    const [retitled, answered, renamed] = await events.waitFor(3);
    expect(retitled).toMatchObject({ type: 'session.renamed', sessionId: session.id });
    expect(answered).toMatchObject({ type: 'instruction.answered', sessionId: session.id });
    expect(renamed).toMatchObject({ type: 'session.renamed', sessionId: session.id });
    expect(answered.id).toBeGreaterThan(retitled.id);
    expect(renamed.id).toBeGreaterThan(answered.id);
    abort.abort();
  });

  it('resumes after the last event id: exactly the events missed while away arrive', async () => {
    const { project, session } = await projectWithSession();
    const first = new AbortController();
    const before = readEvents(createProjectEventStream({ projectId: project.id, afterId: await latestProjectEventId(project.id), signal: first.signal }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await sendInstruction({ session, content: 'mute the main scene' });
    const [, lastSeen] = await before.waitFor(2);
    first.abort();

    for (let index = 1; index <= 5; index += 1) {
      await sendInstruction({ session, content: `make the intro ${index} seconds longer` });
    }

    const second = new AbortController();
    const after = readEvents(createProjectEventStream({ projectId: project.id, afterId: lastSeen.id, signal: second.signal }));
    const missed = await after.waitFor(10);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(after.received).toHaveLength(10);
    // Each instruction retitled the session (a new amount each time) and was answered.
    expect(missed.map((event) => event.type)).toEqual(Array.from({ length: 5 }, () => ['session.renamed', 'instruction.answered']).flat());
    expect(missed.map((event) => event.id)).toEqual([...missed.map((event) => event.id)].sort((a, b) => a - b));
    second.abort();
  });

  const onRealPostgres = process.env.DATABASE_URL ? it : it.skip;
  onRealPostgres('wakes a subscriber on another instance (its own pool and LISTEN connection)', async () => {
    const { project, session } = await projectWithSession();
    const otherInstance = openDatabase();
    const hub = new ProjectEventHub(() => otherInstance);
    const abort = new AbortController();
    try {
      const events = readEvents(
        createProjectEventStream({
          projectId: project.id,
          afterId: await latestProjectEventId(project.id),
          signal: abort.signal,
          hub,
          db: () => otherInstance.db,
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      await sendInstruction({ session, content: 'fade out the outro' });
      const delivered = await events.waitFor(2);
      expect(delivered.map((event) => [event.type, event.sessionId])).toEqual([
        ['session.renamed', session.id],
        ['instruction.answered', session.id],
      ]);
    } finally {
      abort.abort();
      await otherInstance.close();
    }
  });
});

describe('event retention', () => {
  it("prunes a project's events older than the retention period and keeps recent ones", async () => {
    const { project } = await projectWithSession();
    const old = new Date(Date.now() - EVENT_RETENTION_MS - 60_000);
    await getDb().insert(projectEvents).values({ projectId: project.id, type: 'session.renamed', createdAt: old });
    const before = await listProjectEventsAfter(project.id, 0);
    expect(before.some((event) => event.createdAt.getTime() === old.getTime())).toBe(true);

    await pruneProjectEvents(project.id);
    const after = await listProjectEventsAfter(project.id, 0);
    expect(after.some((event) => event.createdAt.getTime() === old.getTime())).toBe(false);
    expect(after.length).toBe(before.length - 1);
  });

  it("sweeps them whenever an event takes an id that is a multiple of 100, an instruction's two events included", async () => {
    const { project, session } = await projectWithSession();
    const oldEvent = async () => {
      const old = new Date(Date.now() - EVENT_RETENTION_MS - 60_000);
      const [row] = await getDb().insert(projectEvents).values({ projectId: project.id, type: 'session.renamed', createdAt: old }).returning();
      return row.id;
    };
    const isKept = async (id: number) => (await listProjectEventsAfter(project.id, id - 1, 1))[0]?.id === id;
    /** The next events recorded take ids from `next` on. */
    const nextIdsFrom = (next: number) => getDb().execute(sql`select setval(pg_get_serial_sequence('project_events', 'id'), ${next - 1})`);

    // An edit that titles the session: `session.renamed` takes 1,199, `instruction.answered` 1,200.
    const first = await oldEvent();
    await nextIdsFrom(1_199);
    await sendInstruction({ session, content: 'make the outro a bit longer' });
    expect((await listProjectEventsAfter(project.id, 1_198)).map((event) => [event.id, event.type])).toEqual([
      [1_199, 'session.renamed'],
      [1_200, 'instruction.answered'],
    ]);
    expect(await isKept(first)).toBe(false);

    const second = await oldEvent();
    await nextIdsFrom(1_301);
    await renameSession(session, 'Not yet');
    expect(await isKept(second)).toBe(true);
    await nextIdsFrom(1_400);
    await renameSession(session, 'Now');
    expect(await isKept(second)).toBe(false);
  });
});
