import { eq } from 'drizzle-orm';
import { A_BIT_MS } from '@/lib/assistant';
import type { Assistant } from '@/lib/assistant/types';
import { getDb } from '@/db/client';
import { listEditsForSession } from '@/db/edits';
import { runInstruction as sendInstruction } from '@/server/instructions';
import { getAllMessages } from '@/db/messages';
import { latestProjectEventId, listProjectEventsAfter } from '@/db/events';
import { edits as editsTable, sessions as sessionsTable } from '@/db/schema';
import { deleteSession, renameSession, startSession } from '@/db/sessions';
import { setUpTestDatabase } from '@/testing/database';
import { makeProject, makeUser } from '@/testing/factories';
import { countStatementsByPlace } from '@/testing/statements';
import { newClip, getTimeline } from '@/db/projects';

setUpTestDatabase();

const TIMELINE = [
  newClip('Intro', 'intro', 4000),
  newClip('Beach scene', 'scene', 12000),
  newClip('Tram ride', 'scene', 10000),
  newClip('Outro', 'outro', 5000),
];

async function freshSession() {
  const user = await makeUser();
  const project = await makeProject(user.id, 'Instructions', TIMELINE);
  const session = await startSession(user.id, project.id);
  return { user, project, session };
}

const durations = async (projectId: string) => (await getTimeline(projectId)).map((c) => [c.name, c.durationMs]);

describe('sendInstruction', () => {
  it("plays the seed's three follow-ups: only the second clip ends up longer", async () => {
    const { project, session } = await freshSession();

    const first = await sendInstruction({ session, content: 'make the outro a bit longer' });
    expect(first.reply.content).toBe('Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.');
    expect(await durations(project.id)).toEqual([
      ['Intro', 4000],
      ['Beach scene', 12000],
      ['Tram ride', 10000],
      ['Outro', 5000 + A_BIT_MS],
    ]);

    const second = await sendInstruction({ session, content: 'actually, undo that last change' });
    expect(second.edits).toHaveLength(1);
    expect(second.edits[0].id).toBe(first.edits[0].id);
    expect(second.edits[0].revertedAt).not.toBeNull();
    expect(await durations(project.id)).toEqual([
      ['Intro', 4000],
      ['Beach scene', 12000],
      ['Tram ride', 10000],
      ['Outro', 5000],
    ]);

    await sendInstruction({ session, content: 'do the same thing to the second clip' });
    expect(await durations(project.id)).toEqual([
      ['Intro', 4000],
      ['Beach scene', 12000 + A_BIT_MS],
      ['Tram ride', 10000],
      ['Outro', 5000],
    ]);

    const history = await getAllMessages(session.id);
    expect(history.map((m) => [m.seq, m.role])).toEqual([
      [1, 'user'],
      [2, 'assistant'],
      [3, 'user'],
      [4, 'assistant'],
      [5, 'user'],
      [6, 'assistant'],
    ]);
    expect(history.filter((m) => m.role === 'assistant').map((m) => m.replyToId)).toEqual(history.filter((m) => m.role === 'user').map((m) => m.id));
  });

  it('stores nothing when the instruction fails half-way', async () => {
    const { project, session } = await freshSession();
    const before = await getTimeline(project.id);
    const brokenAssistant: Assistant = {
      name: 'conflicting',
      respond: () =>
        Promise.resolve({
          reply: 'Removed a clip that is not there.',
          actions: [
            {
              type: 'apply',
              edit: {
                description: 'Trimmed intro',
                intent: { action: 'shorten', targetClipIds: [] },
                operations: [{ type: 'update', clipId: before[0].id, before: { durationMs: 4000 }, after: { durationMs: 3000 } }],
                inverse: [{ type: 'update', clipId: before[0].id, before: { durationMs: 3000 }, after: { durationMs: 4000 } }],
              },
            },
            {
              type: 'apply',
              edit: {
                description: 'Broken',
                intent: { action: 'delete', targetClipIds: [] },
                operations: [{ type: 'remove', index: 9, clip: before[0] }],
                inverse: [{ type: 'insert', index: 9, clip: before[0] }],
              },
            },
          ],
        }),
    };
    await expect(sendInstruction({ session, content: 'break things' }, brokenAssistant)).rejects.toThrow();
    expect(await getAllMessages(session.id)).toEqual([]);
    expect(await listEditsForSession(session.id)).toEqual([]);
    expect(await getTimeline(project.id)).toEqual(before);
  });

  it('round-trips undo and redo back to the identical timeline', async () => {
    const { project, session } = await freshSession();
    const original = await getTimeline(project.id);
    await sendInstruction({ session, content: 'split the beach scene at 5 seconds' });
    await sendInstruction({ session, content: 'move the outro to the start' });
    await sendInstruction({ session, content: 'fade in the tram ride over 2 seconds' });
    const edited = await getTimeline(project.id);
    expect(edited).not.toEqual(original);

    await sendInstruction({ session, content: 'undo the last 3 changes' });
    expect(await getTimeline(project.id)).toEqual(original);
    await sendInstruction({ session, content: 'redo' });
    await sendInstruction({ session, content: 'redo' });
    await sendInstruction({ session, content: 'redo' });
    expect(await getTimeline(project.id)).toEqual(edited);
  });

  it('returns the first result for a retried client message id and writes nothing twice', async () => {
    const { project, session } = await freshSession();
    const attempts = await Promise.all(
      Array.from({ length: 4 }, () => sendInstruction({ session, content: 'make the intro 1 second longer', clientMessageId: 'retry-1' })),
    );
    expect(new Set(attempts.map((a) => a.userMessage.id)).size).toBe(1);
    expect(new Set(attempts.map((a) => a.reply.id)).size).toBe(1);
    expect(await getAllMessages(session.id)).toHaveLength(2);
    expect(await listEditsForSession(session.id)).toHaveLength(1);
    expect((await getTimeline(project.id))[0].durationMs).toBe(5000);
  });

  it('answers a retried undo or redo with the edits it reverted or applied again, not with nothing', async () => {
    const { session } = await freshSession();
    await sendInstruction({ session, content: 'split the beach scene at 5 seconds' });
    await sendInstruction({ session, content: 'fade in the tram ride over 2 seconds' });
    const undo = await sendInstruction({ session, content: 'undo the last 2 changes', clientMessageId: 'undo-1' });
    expect(undo.edits).toHaveLength(2);
    expect(undo.edits.every((edit) => edit.revertedAt !== null)).toBe(true);

    const retried = await sendInstruction({ session, content: 'undo the last 2 changes', clientMessageId: 'undo-1' });
    expect(retried.reply.id).toBe(undo.reply.id);
    expect(retried.edits.map((edit) => edit.id)).toEqual(undo.edits.map((edit) => edit.id));
    expect(retried.edits.every((edit) => edit.revertedAt !== null)).toBe(true);

    const redo = await sendInstruction({ session, content: 'redo', clientMessageId: 'redo-1' });
    const retriedRedo = await sendInstruction({ session, content: 'redo', clientMessageId: 'redo-1' });
    expect(redo.edits).toHaveLength(1);
    expect(retriedRedo.edits.map((edit) => [edit.id, edit.revertedAt])).toEqual([[redo.edits[0].id, null]]);
  });

  it('keeps a new session from undoing the edits of an earlier one, and keeps those edits', async () => {
    const { user, project, session } = await freshSession();
    await sendInstruction({ session, content: 'make the outro a bit longer' });
    const fresh = await startSession(user.id, project.id);
    expect(fresh.id).not.toBe(session.id);
    const result = await sendInstruction({ session: fresh, content: 'undo that' });
    expect(result.edits).toEqual([]);
    expect(result.reply.content).toMatch(/nothing in this session to undo/i);
    expect((await getTimeline(project.id))[3].durationMs).toBe(5000 + A_BIT_MS);
  });

  it("leaves a deleted session's edits on the timeline, detached", async () => {
    const { project, session } = await freshSession();
    const { edits } = await sendInstruction({ session, content: 'make the intro a bit longer' });
    await deleteSession(session);
    const [kept] = await getDb().select().from(editsTable).where(eq(editsTable.id, edits[0].id));
    expect(kept.sessionId).toBeNull();
    expect((await getTimeline(project.id))[0].durationMs).toBe(4000 + A_BIT_MS);
  });

  it('orders 15 concurrent instructions strictly and applies every one', async () => {
    const { project, session } = await freshSession();
    await Promise.all(
      Array.from({ length: 15 }, (_, index) => sendInstruction({ session, content: 'make the intro 1 second longer', clientMessageId: `c-${index}` })),
    );
    const history = await getAllMessages(session.id);
    expect(history.map((m) => m.seq)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
    for (let index = 0; index < history.length; index += 2) {
      expect(history[index].role).toBe('user');
      expect(history[index + 1].replyToId).toBe(history[index].id);
    }
    expect((await getTimeline(project.id))[0].durationMs).toBe(4000 + 15 * 1000);
  });
});

describe('the work of one instruction', () => {
  it('is six statements: the locks, one read of the session, then one write per kind of thing written', async () => {
    const { session } = await freshSession();
    await sendInstruction({ session, content: 'make the outro a bit longer' });

    // An edit that retitles the session: the most an interpreter instruction writes.
    const lengthen = await countStatementsByPlace(async () => {
      await sendInstruction({ session, content: 'make the intro a bit longer', clientMessageId: 'statements-1' });
    });
    // The project's and the session's locks; the session's state; the user's message; the edit with
    // its place in the instruction and its timeline step; the timeline with the project's
    // updatedAt; the reply with the session's count, title and the two events.
    expect(lengthen).toEqual({ total: 6, inTransaction: 6 });

    const chat = await countStatementsByPlace(async () => {
      await sendInstruction({ session, content: 'hello there', clientMessageId: 'statements-2' });
    });
    expect(chat).toEqual({ total: 4, inTransaction: 4 });
  });
});

describe('session titles', () => {
  const titleOf = async (sessionId: string) => {
    const [row] = await getDb().select().from(sessionsTable).where(eq(sessionsTable.id, sessionId));
    return { title: row.title, titleSource: row.titleSource };
  };

  it('come from the first instruction, then summarize the edits as they change, undo included, each change one live event', async () => {
    const { project, session } = await freshSession();
    await sendInstruction({ session, content: '  how long is the OUTRO?\n' });
    expect(await titleOf(session.id)).toEqual({ title: 'How long is the OUTRO?', titleSource: 'instruction' });

    const since = await latestProjectEventId(project.id);
    await sendInstruction({ session, content: 'make the outro a bit longer', clientMessageId: 'c-longer' });
    expect(await titleOf(session.id)).toEqual({ title: 'Outro +2 s', titleSource: 'edits' });
    await sendInstruction({ session, content: 'actually, undo that last change' });
    await sendInstruction({ session, content: 'do the same thing to the second clip' });
    expect(await titleOf(session.id)).toEqual({ title: 'Outro +2 s, then undone; Beach scene +2 s', titleSource: 'edits' });

    const events = await listProjectEventsAfter(project.id, since);
    expect(events.map((event) => event.type)).toEqual([
      'session.renamed',
      'instruction.answered',
      'session.renamed',
      'instruction.answered',
      'session.renamed',
      'instruction.answered',
    ]);
    // The device that sent the instruction knows it from its own answer.
    expect(events[0].data).toEqual({ clientMessageId: 'c-longer' });
  });

  it('record no event when an instruction leaves the title as it was', async () => {
    const { project, session } = await freshSession();
    await sendInstruction({ session, content: 'mute the tram ride' });
    const since = await latestProjectEventId(project.id);
    await sendInstruction({ session, content: 'mute the tram ride' }); // already muted: no edit
    await sendInstruction({ session, content: 'what is the longest clip?' });
    expect((await listProjectEventsAfter(project.id, since)).map((event) => event.type)).toEqual(['instruction.answered', 'instruction.answered']);
    expect((await titleOf(session.id)).title).toBe('Tram ride muted');
  });

  it('never replace a title the user gave', async () => {
    const { project, session } = await freshSession();
    await sendInstruction({ session, content: 'make the outro a bit longer' });
    await renameSession(session, 'Ending pass');
    expect(await titleOf(session.id)).toEqual({ title: 'Ending pass', titleSource: 'user' });
    const since = await latestProjectEventId(project.id);
    await sendInstruction({ session, content: 'undo that' });
    await sendInstruction({ session, content: 'shorten the intro' });
    expect(await titleOf(session.id)).toEqual({ title: 'Ending pass', titleSource: 'user' });
    expect((await listProjectEventsAfter(project.id, since)).map((event) => event.type)).not.toContain('session.renamed');
  });

  it('change with their instruction or not at all: a failed instruction leaves the title as it was', async () => {
    const { session } = await freshSession();
    await sendInstruction({ session, content: 'make the outro a bit longer' });
    const failing: Assistant = {
      name: 'failing',
      respond: () => Promise.reject(new Error('the assistant broke')),
    };
    await expect(sendInstruction({ session, content: 'delete the intro' }, failing)).rejects.toThrow('the assistant broke');
    expect(await titleOf(session.id)).toEqual({ title: 'Outro +2 s', titleSource: 'edits' });
  });

  it('stay whole under 8 concurrent instructions: every edit counted once', async () => {
    const { session } = await freshSession();
    await Promise.all(
      Array.from({ length: 8 }, (_, index) => sendInstruction({ session, content: 'make the intro 1 second longer', clientMessageId: `t-${index}` })),
    );
    expect((await titleOf(session.id)).title).toBe('Intro +1 s ×8');
  });
});
