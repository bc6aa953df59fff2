import { newClip } from '@/db/projects';
import { getSessionSummary, startSession } from '@/db/sessions';
import { createInterpreterAssistant } from '@/lib/assistant';
import type { AssembledPrompt } from '@/lib/providers/context';
import { ProviderError } from '@/lib/providers/types';
import { runInstruction } from '@/server/instructions';
import { setUpTestDatabase } from '@/testing/database';
import { recordingModel } from '@/testing/recordingModel';
import { makeProject, makeUser } from '@/testing/factories';

/**
 * The exact prompt a model is given, read through the real instruction path: the timeline, the
 * session's edit log and messages, nothing of other sessions, within the token budget.
 */
setUpTestDatabase();

const TIMELINE = [newClip('Intro', 'intro', 4000), newClip('Beach scene', 'scene', 12000), newClip('Outro', 'outro', 5000)];

/** Eight lengthenings of the intro and an undo, by the interpreter: a session too long for a small budget. */
async function longSession() {
  const { session } = await setup();
  const interpreter = createInterpreterAssistant();
  for (let seconds = 1; seconds <= 8; seconds += 1) {
    await runInstruction({ session, content: `make the intro ${seconds} seconds longer` }, interpreter);
  }
  await runInstruction({ session, content: 'undo that' }, interpreter);
  return session;
}

/** Clip ids are random: number them in order of appearance so the snapshot is stable. */
function stable(prompt: AssembledPrompt): string {
  const ids = new Map<string, string>();
  const text = [`SYSTEM:\n${prompt.system}`, ...prompt.messages.map((message) => `${message.role.toUpperCase()}: ${message.content}`)].join('\n---\n');
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
    if (!ids.has(id)) ids.set(id, `clip-${ids.size + 1}`);
    return ids.get(id)!;
  });
}

async function setup() {
  const user = await makeUser();
  const project = await makeProject(user.id, 'Context', TIMELINE);
  return { user, project, session: await startSession(user.id, project.id) };
}

describe('what the model sees', () => {
  it('in a fresh session: the capabilities, the timeline, no edits, the instruction', async () => {
    const { session } = await setup();
    const { assistant, prompts } = recordingModel(8000);
    await runInstruction({ session, content: 'make the outro a bit longer' }, assistant);
    expect(stable(prompts[0])).toMatchSnapshot();
  });

  it('after New Session: the timeline as the old session left it, and no trace of its messages or edits', async () => {
    const { user, project, session } = await setup();
    const interpreter = createInterpreterAssistant();
    await runInstruction({ session, content: 'make the outro a bit longer' }, interpreter);
    await runInstruction({ session, content: 'rename the beach scene to Secret cove' }, interpreter);
    const fresh = await startSession(user.id, project.id);
    const { assistant, prompts } = recordingModel(8000);
    await runInstruction({ session: fresh, content: 'undo that' }, assistant);
    const seen = stable(prompts[0]);
    expect(seen).toMatchSnapshot();
    expect(seen).toContain('"Secret cove"');
    expect(seen).toContain('Edits made in this session: none yet.');
    expect(seen).not.toMatch(/a bit longer|rename the beach/);
  });

  it('over budget: older turns fold into a stored summary, the edit log stays whole', async () => {
    const session = await longSession();
    const { assistant, prompts } = recordingModel(900);
    await runInstruction({ session, content: 'and the outro?' }, assistant);
    const [prompt] = prompts;
    expect(prompt.folded).toBe(true);
    expect(prompt.tokens).toBeLessThanOrEqual(900);
    expect(stable(prompt)).toMatchSnapshot();
    // Every edit, the undone one included, is still listed; the oldest turns are only in the summary.
    for (let seconds = 1; seconds <= 8; seconds += 1) expect(prompt.system).toContain(`(asked: "make the intro ${seconds} seconds longer")`);
    expect(prompt.system).toContain('[undone]');
    expect(prompt.messages.map((message) => message.content)).not.toContain('make the intro 1 seconds longer');
    expect(await getSessionSummary(session.id)).toEqual(prompt.summary);
  });

  it('over budget with a model that summarizes: the model writes the summary of the folded turns, stored and given to it', async () => {
    const session = await longSession();
    const asked: AssembledPrompt[] = [];
    const written = '- The editor lengthened the intro eight times, a second more each time, then undid the last one.';
    const { assistant, prompts } = recordingModel(900, (prompt) => {
      asked.push(prompt);
      return Promise.resolve(`  ${written}\n`);
    });
    await runInstruction({ session, content: 'and the outro?' }, assistant);

    // Asked once, with the folded turns (instructions and replies), and no summary so far.
    expect(asked).toHaveLength(1);
    const [request] = asked[0].messages;
    expect(request.content).toMatch(/^The turns to add to it:\nEditor: make the intro 1 seconds longer\nCoDirector: Made “Intro” 1\.0 s longer/);
    expect(request.content).not.toContain('The summary so far');
    const [prompt] = prompts;
    expect(prompt.summary?.text).toBe(written);
    expect(prompt.system).toContain(`their edits are listed above):\n${written}`);
    expect(prompt.tokens).toBeLessThanOrEqual(900);
    expect(await getSessionSummary(session.id)).toEqual(prompt.summary);
  });

  it('over budget with a model whose summary fails: the deterministic lines are stored and the reply still comes', async () => {
    const session = await longSession();
    const { assistant, prompts } = recordingModel(900, () =>
      Promise.reject(new ProviderError('unavailable', 'The model service failed (HTTP 500). Nothing was changed. Try again.')),
    );
    const { reply } = await runInstruction({ session, content: 'and the outro?' }, assistant);
    expect(reply.content).toBe('Noted.');
    expect(prompts[0].summary?.text).toMatch(/^- "make the intro 1 seconds longer"\n- "make the intro 2 seconds longer"/);
    expect(await getSessionSummary(session.id)).toEqual(prompts[0].summary);
  });
});
