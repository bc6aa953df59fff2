import { latestProjectEventId, listProjectEventsAfter } from '@/db/events';
import { newClip, getTimeline } from '@/db/projects';
import { getSessionSummary, startSession } from '@/db/sessions';
import { createInterpreterAssistant } from '@/lib/assistant';
import type { AssembledPrompt } from '@/lib/providers/context';
import { createModelAssistant } from '@/lib/providers/modelAssistant';
import type { ModelProvider } from '@/lib/providers/types';
import type { Caller } from '@/server/access';
import { DomainError } from '@/server/errors';
import { runInstruction } from '@/server/instructions';
import { compactSession, contextUsage } from '@/server/sessionContext';
import { setUpTestDatabase } from '@/testing/database';
import { recordingModel } from '@/testing/recordingModel';
import { makeProject, makeUser } from '@/testing/factories';

/**
 * The context meter and compaction on demand, on the real instruction path: measured and folded by
 * the module that assembles the model's prompt, refused while a reply is being generated.
 */
setUpTestDatabase();

const TIMELINE = [newClip('Intro', 'intro', 4000), newClip('Beach scene', 'scene', 12000), newClip('Outro', 'outro', 5000)];
const interpreter = createInterpreterAssistant();

async function setup() {
  const user = await makeUser();
  const project = await makeProject(user.id, 'Context', TIMELINE);
  const session = await startSession(user.id, project.id);
  const caller: Caller = { viewer: { user, via: 'session' } };
  return { user, project, session, caller };
}

async function refusal(call: Promise<unknown>): Promise<string> {
  return call.then(
    () => 'ALLOWED',
    (error: unknown) => {
      if (error instanceof DomainError) return error.code;
      throw error;
    },
  );
}

describe('contextUsage', () => {
  it('grows with the conversation, against ASSISTANT_CONTEXT_TOKENS', async () => {
    const { session, caller } = await setup();
    const saved = process.env.ASSISTANT_CONTEXT_TOKENS;
    process.env.ASSISTANT_CONTEXT_TOKENS = '3000';
    try {
      const empty = await contextUsage(caller, { sessionId: session.id });
      expect(empty).toMatchObject({ budgetTokens: 3000, foldableMessages: 0 });
      await runInstruction({ session, content: 'make the outro a bit longer' }, interpreter);
      await runInstruction({ session, content: 'and the intro too' }, interpreter);
      const after = await contextUsage(caller, { sessionId: session.id });
      expect(after.usedTokens).toBeGreaterThan(empty.usedTokens + 20);
      expect(after.foldableMessages).toBe(2);
    } finally {
      if (saved === undefined) delete process.env.ASSISTANT_CONTEXT_TOKENS;
      else process.env.ASSISTANT_CONTEXT_TOKENS = saved;
    }
  });

  it('is NOT_FOUND for another user’s session, and within a project it does not belong to', async () => {
    const { session } = await setup();
    const other = await setup();
    expect(await refusal(contextUsage(other.caller, { sessionId: session.id }))).toBe('NOT_FOUND');
    expect(await refusal(contextUsage(other.caller, { sessionId: other.session.id, projectId: session.projectId }))).toBe('NOT_FOUND');
  });
});

describe('compactSession', () => {
  it('folds the older turns into the stored summary, drops the meter, and tells other devices', async () => {
    const { session, caller, project } = await setup();
    for (const content of ['make the outro a bit longer', 'mute the beach scene', 'rename the intro to Hello']) {
      await runInstruction({ session, content }, interpreter);
    }
    const before = await contextUsage(caller, { sessionId: session.id });
    const lastEvent = await latestProjectEventId(project.id);

    const compacted = await compactSession(caller, { sessionId: session.id });
    expect(compacted.foldedMessages).toBe(4);
    expect(compacted.session.summary).toBe('- "make the outro a bit longer"\n- "mute the beach scene"');
    expect(await getSessionSummary(session.id)).toEqual({ text: compacted.session.summary, throughSeq: 4 });
    const after = await contextUsage(caller, { sessionId: session.id });
    expect(after.usedTokens).toBeLessThan(before.usedTokens);
    expect(after.foldableMessages).toBe(0);
    const events = await listProjectEventsAfter(project.id, lastEvent);
    expect(events.map((event) => [event.type, event.sessionId])).toEqual([['session.compacted', session.id]]);

    // Nothing older left: a second compaction changes nothing and tells nobody.
    const again = await compactSession(caller, { sessionId: session.id });
    expect(again.foldedMessages).toBe(0);
    expect(await listProjectEventsAfter(project.id, lastEvent)).toHaveLength(1);
  });

  it('with a model: stores the summary the model wrote of the folded turns', async () => {
    const { session, caller } = await setup();
    for (const content of ['make the outro a bit longer', 'mute the beach scene', 'rename the intro to Hello']) {
      await runInstruction({ session, content }, interpreter);
    }
    const asked: AssembledPrompt[] = [];
    const { assistant } = recordingModel(8000, (prompt) => {
      asked.push(prompt);
      return Promise.resolve('- Outro lengthened, beach scene muted.');
    });
    const compacted = await compactSession(caller, { sessionId: session.id }, assistant);
    expect(compacted.foldedMessages).toBe(4);
    expect(compacted.session.summary).toBe('- Outro lengthened, beach scene muted.');
    expect(await getSessionSummary(session.id)).toEqual({ text: '- Outro lengthened, beach scene muted.', throughSeq: 4 });
    expect(asked[0].messages[0].content).toContain('Editor: mute the beach scene');
    expect(asked[0].messages[0].content).not.toContain('rename the intro');
  });

  it('with a model: keeps the deterministic lines when the conversation moved on while the model wrote', async () => {
    const { session, caller } = await setup();
    for (const content of ['make the outro a bit longer', 'mute the beach scene']) {
      await runInstruction({ session, content }, interpreter);
    }
    const { assistant } = recordingModel(8000, async () => {
      // Another device's instruction lands while the model writes: the fold to store is now a longer one.
      await runInstruction({ session, content: 'rename the intro to Hello' }, interpreter);
      return '- Outro lengthened.';
    });
    const compacted = await compactSession(caller, { sessionId: session.id }, assistant);
    expect(compacted.foldedMessages).toBe(4);
    expect(compacted.session.summary).toBe('- "make the outro a bit longer"\n- "mute the beach scene"');
  });

  it('leaves the edit log whole: the model sees the summary, not the folded replies, and every edit', async () => {
    const { session, caller } = await setup();
    await runInstruction({ session, content: 'make the outro a bit longer' }, interpreter);
    await runInstruction({ session, content: 'mute the beach scene' }, interpreter);
    await compactSession(caller, { sessionId: session.id });
    const { assistant, prompts } = recordingModel(8000);
    await runInstruction({ session, content: 'what did we change?' }, assistant);
    const [prompt] = prompts;
    expect(prompt.system).toContain('Earlier instructions in this session');
    expect(prompt.system).toContain('- "make the outro a bit longer"');
    expect(prompt.system).toContain('(asked: "make the outro a bit longer")');
    expect(prompt.messages.map((message) => message.content)).toEqual(['mute the beach scene', expect.stringMatching(/Beach scene/), 'what did we change?']);
  });

  it('keeps the interpreter’s follow-ups working: "undo that" after compacting still undoes', async () => {
    const { session, caller, project } = await setup();
    await runInstruction({ session, content: 'make the outro a bit longer' }, interpreter);
    await runInstruction({ session, content: 'mute the beach scene' }, interpreter);
    await compactSession(caller, { sessionId: session.id });
    await runInstruction({ session, content: 'undo everything in this session' }, interpreter);
    const timeline = await getTimeline(project.id);
    expect(timeline.map((clip) => [clip.name, clip.durationMs, clip.muted])).toEqual([
      ['Intro', 4000, false],
      ['Beach scene', 12000, false],
      ['Outro', 5000, false],
    ]);
  });

  it('is CONFLICT while a reply is being generated in the session, and works once it ends', async () => {
    const { session, caller } = await setup();
    await runInstruction({ session, content: 'make the outro a bit longer' }, interpreter);
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const slow: ModelProvider = {
      name: 'slow',
      async stream() {
        await released;
        return { text: 'Done.', toolCalls: [] };
      },
    };
    const running = runInstruction({ session, content: 'think about it' }, createModelAssistant(slow, 8000));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const refused = await compactSession(caller, { sessionId: session.id }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).code).toBe('CONFLICT');
    expect((refused as DomainError).message).toMatch(/still answering/);
    expect(await getSessionSummary(session.id)).toBeNull();
    release();
    await running;
    expect((await compactSession(caller, { sessionId: session.id })).foldedMessages).toBe(2);
  });

  it('is NOT_FOUND for another user’s session or an id that names nothing, BAD_USER_INPUT for the wrong shape', async () => {
    const { session } = await setup();
    const other = await setup();
    expect(await refusal(compactSession(other.caller, { sessionId: session.id }))).toBe('NOT_FOUND');
    expect(await refusal(compactSession(other.caller, { sessionId: 'not-an-id' }))).toBe('NOT_FOUND');
    expect(await refusal(compactSession(other.caller, { sessionId: 7 }))).toBe('BAD_USER_INPUT');
    expect(await refusal(compactSession(other.caller, null))).toBe('BAD_USER_INPUT');
    expect(await refusal(compactSession({ viewer: null }, { sessionId: session.id }))).toBe('UNAUTHENTICATED');
  });
});
