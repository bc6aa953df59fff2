import { getAllMessages, insertNextMessage } from '@/db/messages';
import { newClip } from '@/db/projects';
import type { Edit, Message } from '@/db/schema';
import { startSession } from '@/db/sessions';
import { inSessionTransaction } from '@/db/transaction';
import { createInterpreterAssistant } from '@/lib/assistant';
import type { Assistant, SessionContext } from '@/lib/assistant/types';
import { createModelAssistant } from '@/lib/providers/modelAssistant';
import { ProviderError, type ModelProvider } from '@/lib/providers/types';
import { runInstruction } from '@/server/instructions';
import { isConversationTurn, turnContext } from '@/server/turn/context';
import { setUpTestDatabase } from '@/testing/database';
import { recordingModel } from '@/testing/recordingModel';
import { makeProject, makeUser } from '@/testing/factories';

setUpTestDatabase();

const FAILURE = 'The model service failed (HTTP 500). Nothing was changed. Try again.';

function message(seq: number, role: Message['role'], content: string, status: Message['status'] = 'done'): Message {
  return {
    id: `message-${seq}`,
    sessionId: 'session',
    seq,
    role,
    content,
    clientMessageId: null,
    replyToId: role === 'assistant' ? `message-${seq - 1}` : null,
    historySeq: seq,
    status,
    stopRequestedAt: null,
    createdAt: new Date(0),
  };
}

describe('the context rule', () => {
  it('keeps instructions and the replies that were answers (done, stopped), and nothing failed, unfinished or empty', () => {
    const kept = [
      message(1, 'user', 'make the intro longer'),
      message(2, 'assistant', 'Made “Intro” 1.0 s longer.'),
      message(5, 'user', 'and the outro'),
      message(6, 'assistant', 'I was saying', 'stopped'),
    ];
    const left = [
      message(3, 'user', ''),
      message(4, 'assistant', `Half an answer\n\n${FAILURE}`, 'failed'),
      message(7, 'assistant', 'still writ', 'streaming'),
    ];
    expect(kept.every(isConversationTurn)).toBe(true);
    expect(left.some(isConversationTurn)).toBe(false);
    const read = { timeline: [], messages: [...kept, ...left].sort((a, b) => a.seq - b.seq), edits: [], summary: null };
    expect(turnContext(read, null).context.messages.map((turn) => turn.content)).toEqual(kept.map((turn) => turn.content));
    expect(turnContext(read, 5).messages.map((turn) => turn.seq)).toEqual([1, 2]);
  });

  it('lists every edit of the session with the instruction that made it, undone ones marked', () => {
    const instruction = message(1, 'user', 'mute the intro');
    const edit = { id: 'edit-1', messageId: instruction.id, description: 'Muted “Intro”', revertedAt: new Date(1) } as Edit;
    const seen = turnContext({ timeline: [], messages: [instruction], edits: [edit], summary: null }, null);
    expect(seen.editLog).toEqual([{ description: 'Muted “Intro”', instruction: 'mute the intro', reverted: true }]);
    expect(seen.context.edits.map((sessionEdit) => [sessionEdit.id, sessionEdit.revertedAt])).toEqual([['edit-1', edit.revertedAt]]);
  });
});

describe('both assistants are given exactly that', () => {
  /** A session whose model failed once (its error is a reply), with one stopped reply and one answered instruction. */
  async function sessionWithEveryKindOfReply() {
    const user = await makeUser();
    const project = await makeProject(user.id, 'Context rule', [newClip('Intro', 'intro', 4000), newClip('Outro', 'outro', 5000)]);
    const session = await startSession(user.id, project.id);
    const failing: ModelProvider = { name: 'failing', stream: () => Promise.reject(new ProviderError('unavailable', FAILURE)) };
    await runInstruction({ session, content: 'make the intro longer' }, createModelAssistant(failing, 8000));
    await inSessionTransaction(session, async (tx) => {
      const asked = await insertNextMessage(session.id, { role: 'user', content: 'and describe the outro' }, tx);
      await insertNextMessage(session.id, { role: 'assistant', content: 'The outro is', replyToId: asked.id, status: 'stopped' }, tx);
    });
    await runInstruction({ session, content: 'make the outro 1 second longer' }, createInterpreterAssistant());
    return session;
  }

  it('the interpreter and a model see the same turns: no failed reply, the stopped one, the answered one', async () => {
    const session = await sessionWithEveryKindOfReply();
    const stored = await getAllMessages(session.id);
    expect(stored.some((turn) => turn.status === 'failed' && turn.content.includes(FAILURE))).toBe(true);
    const expected = stored.filter(isConversationTurn).map(({ role, content }) => ({ role, content }));
    expect(expected.map((turn) => turn.content)).toEqual([
      'make the intro longer',
      'and describe the outro',
      'The outro is',
      'make the outro 1 second longer',
      expect.stringMatching(/Outro/) as unknown,
    ]);

    const interpreterSaw: SessionContext[] = [];
    const interpreter = createInterpreterAssistant();
    const recordingInterpreter: Assistant = {
      name: 'recording interpreter',
      respond(input) {
        interpreterSaw.push(input.context);
        return interpreter.respond(input);
      },
    };
    await runInstruction({ session, content: 'undo that' }, recordingInterpreter);

    const { assistant: model, prompts: modelSaw } = recordingModel(8000);
    await runInstruction({ session, content: 'what did you change?' }, model);

    expect(interpreterSaw[0].messages).toEqual(expected);
    // The model's prompt ends with the instruction it answers; before it, the same turns (and the interpreter's two newer ones).
    const modelTurns = modelSaw[0].messages.slice(0, -1).map(({ role, content }) => ({ role, content }));
    expect(modelTurns.slice(0, expected.length)).toEqual(expected);
    expect(modelTurns).toHaveLength(expected.length + 2);
    for (const seen of [JSON.stringify(interpreterSaw), JSON.stringify(modelSaw)]) expect(seen).not.toContain(FAILURE);
  });
});
