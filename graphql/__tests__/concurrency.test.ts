import { getAllMessages } from '@/db/messages';
import { startSession } from '@/db/sessions';
import { getTimeline } from '@/db/projects';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';
import { toGlobalId } from '../ids';
import { ApiClient, codes, sessionCookie, setUpApiServer, tokenFor } from './support/api';

setUpTestDatabase();

const SEND = `mutation($id: ID!, $content: String!, $clientMessageId: String) {
  sendMessage(input: { sessionId: $id, content: $content, clientMessageId: $clientMessageId }) { reply { content } }
}`;

const server = setUpApiServer();

describe('two devices sending into one session at the same moment', () => {
  it('stores all 100 messages in one strict order, each reply answering its own instruction in that order', async () => {
    const { user, project } = await makeUserWithProject();
    const session = await startSession(user.id, project.id);
    const laptop = new ApiClient(server().url).as(await sessionCookie(user));
    const script = new ApiClient(server().url).as(await tokenFor(user));
    const introBefore = (await getTimeline(project.id))[0].durationMs;

    // Instruction n lengthens the intro by n seconds: each reply's before/after shows its place in the order.
    const sends = Array.from({ length: 50 }, (_, index) => {
      const seconds = index + 1;
      const client = index % 2 === 0 ? laptop : script;
      return client.request(SEND, {
        id: toGlobalId('Session', session.id),
        content: `make the intro ${seconds} seconds longer`,
        clientMessageId: `device-${index % 2}-${seconds}`,
      });
    });
    const results = await Promise.all(sends);
    expect(results.flatMap(codes)).toEqual([]);

    const stored = await getAllMessages(session.id);
    expect(stored.map((message) => message.seq)).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));

    let intro = introBefore;
    for (let index = 0; index < stored.length; index += 2) {
      const [instruction, reply] = [stored[index], stored[index + 1]];
      expect(instruction.role).toBe('user');
      expect(reply.role).toBe('assistant');
      expect(reply.replyToId).toBe(instruction.id);
      const seconds = Number(/(\d+) seconds/.exec(instruction.content)![1]);
      const after = intro + seconds * 1000;
      expect(reply.content).toBe(`Made “Intro” ${seconds}.0 s longer: ${(intro / 1000).toFixed(1)} s → ${(after / 1000).toFixed(1)} s.`);
      intro = after;
    }
    expect((await getTimeline(project.id))[0].durationMs).toBe(introBefore + 1275 * 1000);
  });
});
