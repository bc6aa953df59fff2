import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { messages } from '@/db/schema';
import { setUpTestDatabase } from '@/testing/database';
import { DONE, finish, startFakeChatCompletions, textChunk, toolCallStart } from '@/testing/fakeChatCompletions';
import { startedForAllTests } from '@/testing/lifecycle';
import { fromGlobalId } from '../ids';
import { codes, setUpApiServer } from './support/api';
import { ownerWithSession } from './support/owners';

/**
 * The API with a model behind CoDirector, end to end: GraphQL → use case → the OpenAI-compatible
 * provider over HTTP → a scripted local chat-completions server.
 */
setUpTestDatabase();

const SEND = `mutation($id: ID!, $content: String!) {
  sendMessage(input: { sessionId: $id, content: $content }) {
    userMessage { id status }
    reply { id content status }
    edits { description }
    session { summary }
  }
}`;
const STOP = 'mutation($id: ID!) { stopGeneration(input: { messageId: $id }) { message { id status content } } }';
const COMPACT = 'mutation($id: ID!) { compactSession(input: { sessionId: $id }) { foldedMessageCount session { summary } } }';
const RETRY = 'mutation($id: ID!) { retryMessage(input: { messageId: $id }) { reply { id status content } edits { description } } }';

type Sent = {
  sendMessage: {
    userMessage: { id: string; status: string };
    reply: { id: string; content: string; status: string };
    edits: { description: string }[];
    session: { summary: string | null };
  };
};

const server = setUpApiServer();
const fake = startedForAllTests(startFakeChatCompletions);
const saved = { ...process.env };

beforeAll(() => {
  Object.assign(process.env, {
    ASSISTANT_PROVIDER: 'openai',
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: fake().url,
    OPENAI_MODEL: 'fake-model',
    ASSISTANT_MAX_RETRIES: '0',
  });
});
afterAll(() => {
  process.env = saved;
});

const owner = () => ownerWithSession(server());

describe('sendMessage with a model provider', () => {
  it('answers with the streamed reply and the edits its tool calls made, DONE', async () => {
    const { api, sessionId } = await owner();
    fake().script({ chunks: [textChunk('Sure.'), toolCallStart(0, 'c1', 'mute', '{"clipId":"nope"}'), finish('tool_calls'), DONE] });
    const sent = await api.data<Sent, unknown>(SEND, { id: sessionId, content: 'mute the clip' });
    expect(sent.sendMessage.userMessage.status).toBe('DONE');
    expect(sent.sendMessage.reply).toMatchObject({
      status: 'DONE',
      content: 'Sure.\n\nI couldn\'t mute: there is no clip with the id "nope" in the timeline. Nothing was changed.',
    });
    expect(sent.sendMessage.edits).toEqual([]);
    expect(sent.sendMessage.session.summary).toBeNull();
  });

  it('turns a 500 of the model service into a FAILED reply (not an error), and retryMessage completes it', async () => {
    const { api, sessionId } = await owner();
    fake().script({ status: 500 });
    const sent = await api.request(SEND, { id: sessionId, content: 'make it better' });
    expect(codes(sent)).toEqual([]);
    const reply = (sent.data as Sent).sendMessage.reply;
    expect(reply).toMatchObject({ status: 'FAILED', content: 'The model service failed (HTTP 500). Nothing was changed. Try again.' });

    fake().script({ chunks: [textChunk('Better now.'), finish(), DONE] });
    const retried = await api.data<{ retryMessage: { reply: { id: string; status: string; content: string } } }, unknown>(RETRY, { id: reply.id });
    expect(retried.retryMessage.reply).toEqual({ id: reply.id, status: 'DONE', content: 'Better now.' });
    const again = await api.data<{ retryMessage: { reply: { status: string; content: string } } }, unknown>(RETRY, { id: reply.id });
    expect(again.retryMessage.reply).toMatchObject({ status: 'DONE', content: 'Better now.' });
    expect(fake().requests.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a second instruction while one streams (CONFLICT), and stopGeneration ends it STOPPED', async () => {
    const { api, sessionId } = await owner();
    fake().script({ chunks: Array.from({ length: 40 }, (_, index) => textChunk(`w${index} `)), chunkDelayMs: 100 });
    const first = api.request(SEND, { id: sessionId, content: 'tell me a long story' });
    await new Promise((resolve) => setTimeout(resolve, 600));
    const second = await api.request(SEND, { id: sessionId, content: 'and another' });
    expect(codes(second)).toEqual(['CONFLICT']);

    const messages = await api.data<{ node: { messages: { edges: { node: { id: string; status: string } }[] } } }, unknown>(
      'query($id: ID!) { node(id: $id) { ... on Session { messages(first: 10) { edges { node { id status } } } } } }',
      { id: sessionId },
    );
    const streaming = messages.node.messages.edges.map((edge) => edge.node).find((message) => message.status === 'STREAMING');
    expect(streaming).toBeDefined();
    const stopped = await api.data<{ stopGeneration: { message: { status: string; content: string } } }, unknown>(STOP, { id: streaming!.id });
    expect(stopped.stopGeneration.message.status).toBe('STOPPED');
    expect(stopped.stopGeneration.message.content).toMatch(/^w0 /);
    const answered = await first;
    expect(codes(answered)).toEqual([]);
    expect((answered.data as Sent).sendMessage.reply.status).toBe('STOPPED');
  });

  it('refuses compactSession while a reply streams (CONFLICT) and compacts once it has ended', async () => {
    const { api, sessionId } = await owner();
    fake().script({ chunks: [textChunk('First answer.'), finish(), DONE] });
    await api.data(SEND, { id: sessionId, content: 'first' });
    fake().script({ chunks: Array.from({ length: 12 }, (_, index) => textChunk(`w${index} `)), chunkDelayMs: 100 });
    const streaming = api.request(SEND, { id: sessionId, content: 'second' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const refused = await api.request(COMPACT, { id: sessionId });
    expect(codes(refused)).toEqual(['CONFLICT']);
    expect(refused.errors?.[0].message).toMatch(/still answering/);
    expect((await streaming).errors).toBeUndefined();
    // The model writes the summary of the folded turn.
    fake().script({ chunks: [textChunk('- The editor said "first"; '), textChunk('CoDirector answered.'), finish(), DONE] });
    const compacted = await api.data<{ compactSession: { foldedMessageCount: number; session: { summary: string } } }, unknown>(COMPACT, { id: sessionId });
    expect(compacted.compactSession).toEqual({ foldedMessageCount: 2, session: { summary: '- The editor said "first"; CoDirector answered.' } });
    const summaryRequest = fake().requests.at(-1)!;
    expect(summaryRequest.body.tools).toBeUndefined();
    expect(summaryRequest.body.messages.at(-1)).toEqual({ role: 'user', content: 'The turns to add to it:\nEditor: first\nCoDirector: First answer.' });
  });

  it('reads a reply left STREAMING by a server that died long ago as FAILED, so no spinner spins forever', async () => {
    const { api, sessionId } = await owner();
    fake().script({ chunks: [textChunk('Half an ans'), finish(), DONE] });
    const sent = await api.data<Sent, unknown>(SEND, { id: sessionId, content: 'explain' });
    const replyId = sent.sendMessage.reply.id;
    const rawId = fromGlobalId(replyId)!.id;
    await getDb()
      .update(messages)
      .set({ status: 'streaming', createdAt: sql`now() - interval '1 hour'` })
      .where(eq(messages.id, rawId));
    const read = await api.data<{ node: { status: string; content: string } }, unknown>(
      'query($id: ID!) { node(id: $id) { ... on Message { status content } } }',
      { id: replyId },
    );
    expect(read.node).toEqual({ status: 'FAILED', content: 'Half an ans' });
  });
});
