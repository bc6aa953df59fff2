import type { Assistant } from '@/lib/assistant/types';
import { TOO_MANY_CHANGES } from '@/lib/assistant/compound';
import { INTERPRETER_MAX_LENGTH, TOO_LONG } from '@/lib/assistant/interpreter';
import { createInterpreterThreads, TOOK_TOO_LONG } from '@/server/interpreter/threads';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';
import { ProjectDocument, SendMessageDocument, StartSessionDocument } from '../__generated__/client/graphql';
import { toGlobalId } from '../ids';
import { ApiClient, sessionCookie, setUpApiServer } from './support/api';

/**
 * The assistant's bounds over HTTP, as a client meets them: the instruction that once held the
 * server's CPU for minutes ("…and " 31 times) is answered at once without editing anything, and
 * while an instruction runs as long as its deadline allows, the same server answers /api/health.
 */
setUpTestDatabase();

const shared = globalThis as typeof globalThis & { codirectorInterpreterThreads?: Assistant };
const server = setUpApiServer();

async function projectOfNewUser() {
  const { user, project } = await makeUserWithProject();
  const api = new ApiClient(server().url, await sessionCookie(user));
  const projectId = toGlobalId('Project', project.id);
  const started = await api.data(StartSessionDocument, { input: { projectId } });
  return { api, projectId, sessionId: started.startSession!.session.id };
}

async function timelineOf(api: ApiClient, projectId: string) {
  return (await api.data(ProjectDocument, { id: projectId })).project?.timeline;
}

it('answers the clause chain that froze the server, and an instruction over the length limit, without editing', async () => {
  const { api, projectId, sessionId } = await projectOfNewUser();
  const before = await timelineOf(api, projectId);
  // The probe's input, word for word (a dangling "and" at the end), and the same chain without it.
  const probe = 'make the outro a bit longer and '.repeat(31);
  const chain = Array.from({ length: 31 }, () => 'make the outro a bit longer').join(' and ');
  const tooLong = `mute the intro ${'please '.repeat(INTERPRETER_MAX_LENGTH / 7)}`;
  const replies = [];
  for (const [content, clientMessageId] of [
    [probe, 'probe'],
    [chain, 'chain'],
    [tooLong, 'too-long'],
  ]) {
    const sent = await api.data(SendMessageDocument, { input: { sessionId, content, clientMessageId } });
    replies.push({ reply: sent.sendMessage?.reply.content, edits: sent.sendMessage?.edits.length });
  }
  // Jest's asymmetric matchers are typed `any`; as `unknown` they sit in a typed literal.
  const sorry: unknown = expect.stringMatching(/^Sorry, I didn't understand that\./);
  expect(replies).toEqual([
    { reply: sorry, edits: 0 },
    { reply: TOO_MANY_CHANGES, edits: 0 },
    { reply: TOO_LONG, edits: 0 },
  ]);
  expect(await timelineOf(api, projectId)).toEqual(before);
});

it('answers /api/health while an instruction runs to its deadline, then answers the instruction, editing nothing', async () => {
  const previous = shared.codirectorInterpreterThreads;
  // An interpreter thread that never finishes ("spin"): the worst any instruction could do.
  const spinning = createInterpreterThreads({
    deadlineMs: 2_000,
    threads: 1,
    entry: new URL('../../server/interpreter/__tests__/spinningWorker.ts', import.meta.url),
  });
  shared.codirectorInterpreterThreads = spinning;
  try {
    const { api, projectId, sessionId } = await projectOfNewUser();
    const before = await timelineOf(api, projectId);
    const order: string[] = [];
    const instruction = api.data(SendMessageDocument, { input: { sessionId, content: 'spin', clientMessageId: 'spin-1' } }).then((sent) => {
      order.push('instruction answered');
      return sent;
    });
    // Health is asked after the instruction is sent, over the same server.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const health = await fetch(new URL('/api/health', server().url));
    order.push(`health ${health.status}`);
    const sent = await instruction;
    expect(order).toEqual(['health 200', 'instruction answered']);
    expect({ reply: sent.sendMessage?.reply.content, edits: sent.sendMessage?.edits.length }).toEqual({ reply: TOOK_TOO_LONG, edits: 0 });
    expect(await timelineOf(api, projectId)).toEqual(before);
  } finally {
    shared.codirectorInterpreterThreads = previous;
    await spinning.close();
  }
});
