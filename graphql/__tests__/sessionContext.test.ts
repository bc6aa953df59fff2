import { setUpTestDatabase } from '@/testing/database';
import { ApiClient, codes, setUpApiServer } from './support/api';
import { ownerWithSession } from './support/owners';

/** Session.contextUsage and compactSession over HTTP, with the built-in interpreter. */
setUpTestDatabase();

const SEND = 'mutation($id: ID!, $content: String!) { sendMessage(input: { sessionId: $id, content: $content }) { reply { content } } }';
const USAGE = 'query($id: ID!) { node(id: $id) { ... on Session { summary contextUsage { usedTokens budgetTokens } } } }';
const COMPACT = `mutation($id: ID!) {
  compactSession(input: { sessionId: $id, clientMutationId: "c1" }) {
    clientMutationId foldedMessageCount
    session { id summary contextUsage { usedTokens budgetTokens } }
  }
}`;

type Usage = { node: { summary: string | null; contextUsage: { usedTokens: number; budgetTokens: number } } };
type Compacted = {
  compactSession: {
    clientMutationId: string;
    foldedMessageCount: number;
    session: { id: string; summary: string | null; contextUsage: { usedTokens: number; budgetTokens: number } };
  };
};

const server = setUpApiServer();

const owner = () => ownerWithSession(server());

describe('Session.contextUsage', () => {
  it('grows as the conversation does, against the 8000-token default budget', async () => {
    const { api, sessionId } = await owner();
    const empty = await api.data<Usage, unknown>(USAGE, { id: sessionId });
    expect(empty.node.summary).toBeNull();
    expect(empty.node.contextUsage.budgetTokens).toBe(8000);
    await api.data(SEND, { id: sessionId, content: 'make the outro a bit longer' });
    const after = await api.data<Usage, unknown>(USAGE, { id: sessionId });
    expect(after.node.contextUsage.usedTokens).toBeGreaterThan(empty.node.contextUsage.usedTokens);
  });
});

describe('compactSession', () => {
  it('folds the older turns into the summary, returns the session with a smaller context, and keeps the conversation', async () => {
    const { api, sessionId } = await owner();
    for (const content of ['make the outro a bit longer', 'mute the music', 'what is the total length?']) {
      await api.data(SEND, { id: sessionId, content });
    }
    const before = await api.data<Usage, unknown>(USAGE, { id: sessionId });
    const compacted = await api.data<Compacted, unknown>(COMPACT, { id: sessionId });
    expect(compacted.compactSession).toMatchObject({
      clientMutationId: 'c1',
      foldedMessageCount: 4,
      session: { id: sessionId, summary: '- "make the outro a bit longer"\n- "mute the music"' },
    });
    expect(compacted.compactSession.session.contextUsage.usedTokens).toBeLessThan(before.node.contextUsage.usedTokens);
    const messages = await api.data<{ node: { messages: { totalCount: number } } }, unknown>(
      'query($id: ID!) { node(id: $id) { ... on Session { messages { totalCount } } } }',
      { id: sessionId },
    );
    expect(messages.node.messages.totalCount).toBe(6);

    const again = await api.data<Compacted, unknown>(COMPACT, { id: sessionId });
    expect(again.compactSession.foldedMessageCount).toBe(0);
    expect(again.compactSession.session.summary).toBe(compacted.compactSession.session.summary);
  });

  it('answers 0 folded messages for a session with one turn or none', async () => {
    const { api, sessionId } = await owner();
    expect((await api.data<Compacted, unknown>(COMPACT, { id: sessionId })).compactSession).toMatchObject({
      foldedMessageCount: 0,
      session: { summary: null },
    });
  });

  it('is NOT_FOUND for another user’s session, BAD_USER_INPUT for an id that is not one, UNAUTHENTICATED without a viewer', async () => {
    const { sessionId } = await owner();
    const stranger = await owner();
    expect(codes(await stranger.api.request(COMPACT, { id: sessionId }))).toEqual(['NOT_FOUND']);
    expect(codes(await stranger.api.request(COMPACT, { id: 'bm9wZQ' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await new ApiClient(server().url).request(COMPACT, { id: sessionId }))).toEqual(['UNAUTHENTICATED']);
  });
});
