import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { listEditsForSession } from '@/db/edits';
import { listProjectEventsAfter } from '@/db/events';
import { getAllMessages } from '@/db/messages';
import { newClip, getTimeline } from '@/db/projects';
import { sessions as sessionsTable } from '@/db/schema';
import { startSession } from '@/db/sessions';
import { createInterpreterAssistant } from '@/lib/assistant';
import type { Assistant } from '@/lib/assistant/types';
import { runTurn } from '@/server/turn/pipeline';
import { setUpTestDatabase } from '@/testing/database';
import { makeProject, makeUser } from '@/testing/factories';
import { idOf, scriptedModel } from '@/testing/scriptedModel';

/**
 * The turn pipeline: the interpreter and a model go through the same stages and differ only in how
 * they answer, so the same answer leaves the same session, timeline, title and events behind (a model's
 * turn adds the events of its streamed reply).
 */
setUpTestDatabase();

const TIMELINE = [newClip('Intro', 'intro', 4000), newClip('Beach scene', 'scene', 12000), newClip('Outro', 'outro', 5000)];
const STREAMED_REPLY_EVENTS = new Set(['reply.started', 'reply.delta', 'reply.finished']);

/** Clips have other ids in each project: operations are compared without them. */
const withoutIds = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, field: unknown) => (key === 'clipId' ? undefined : field)));

/** Two turns ("make the outro 2 s longer", then "undo that") in a fresh project, and everything they left behind, without ids or times. */
async function twoTurnsWith(assistant: Assistant) {
  const user = await makeUser();
  const project = await makeProject(user.id, 'Pipeline', TIMELINE);
  const session = await startSession(user.id, project.id);
  for (const content of ['make the outro 2 seconds longer', 'undo that']) {
    await runTurn({ kind: 'instruction', session, content, clientMessageId: null }, assistant);
  }
  const [row] = await getDb().select().from(sessionsTable).where(eq(sessionsTable.id, session.id));
  const events = await listProjectEventsAfter(project.id, 0);
  return {
    messages: (await getAllMessages(session.id)).map(({ seq, role, status }) => ({ seq, role, status })),
    edits: (await listEditsForSession(session.id)).map(({ intent, operations, revertedAt }) => ({
      intent,
      operations: withoutIds(operations),
      reverted: revertedAt !== null,
    })),
    timeline: (await getTimeline(project.id)).map(({ name, durationMs }) => ({ name, durationMs })),
    session: { title: row.title, titleSource: row.titleSource, messageCount: row.messageCount },
    events: events.map((event) => event.type),
  };
}

describe('one turn pipeline', () => {
  it('leaves the same session, edits, timeline, title and events whether the interpreter or a model answers', async () => {
    const interpreted = await twoTurnsWith(createInterpreterAssistant());
    const { assistant } = scriptedModel(
      { deltas: ['Longer outro.'], toolCalls: (clips) => [{ name: 'lengthen', args: { clipId: idOf(clips, 'Outro'), ms: 2000 } }] },
      { deltas: ['Undone.'], toolCalls: () => [{ name: 'undo', args: {} }] },
    );
    const generated = await twoTurnsWith(assistant);

    expect(interpreted.timeline).toEqual([
      { name: 'Intro', durationMs: 4000 },
      { name: 'Beach scene', durationMs: 12000 },
      { name: 'Outro', durationMs: 5000 },
    ]);
    expect(interpreted.edits).toHaveLength(1);
    expect(interpreted.edits[0].reverted).toBe(true);
    expect(generated.edits.map(({ operations, reverted }) => ({ operations, reverted }))).toEqual(
      interpreted.edits.map(({ operations, reverted }) => ({ operations, reverted })),
    );
    expect(generated.timeline).toEqual(interpreted.timeline);
    expect(generated.messages).toEqual(interpreted.messages);
    expect(generated.session).toEqual(interpreted.session);
    expect(interpreted.events.filter((type) => STREAMED_REPLY_EVENTS.has(type))).toEqual([]);
    expect(generated.events.filter((type) => !STREAMED_REPLY_EVENTS.has(type))).toEqual(interpreted.events);
  });
});
