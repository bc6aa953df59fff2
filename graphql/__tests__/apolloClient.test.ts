import { ApolloClient, gql as untypedGql, HttpLink, InMemoryCache, type TypedDocumentNode } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { getDb } from '@/db/client';
import { sessions as sessionsTable } from '@/db/schema';
import { useTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';
import { toGlobalId } from '../ids';
import { sessionCookie, startApiServer, type ApiServer } from './support/api';

/** Documents whose results the assertions walk freely (the shapes are this file's queries). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const gql = (strings: TemplateStringsArray) => untypedGql(strings) as TypedDocumentNode<Loose, Loose>;

/**
 * Apollo Client 4 as a third-party client uses the API: a normalized cache with Relay-style
 * pagination. What the payloads return must leave that cache right without manual fixes.
 */
useTestDatabase();

let server: ApiServer;
const warnings: unknown[][] = [];
beforeAll(async () => {
  server = await startApiServer();
  for (const method of ['warn', 'error'] as const) jest.spyOn(console, method).mockImplementation((...args) => void warnings.push(args));
});
afterAll(() => server.close());
afterEach(() => {
  expect(warnings).toEqual([]);
  warnings.length = 0;
});

async function clientFor() {
  const { user, project } = await makeUserWithProject();
  const client = new ApolloClient({
    link: new HttpLink({ uri: server.url, headers: (await sessionCookie(user)) as Record<string, string>, fetch }),
    cache: new InMemoryCache({ typePolicies: { Project: { fields: { sessions: relayStylePagination() } } } }),
  });
  return { client, user, project, projectId: toGlobalId('Project', project.id) };
}

const SESSIONS = gql`
  query Sessions($id: ID!, $after: String) {
    project(id: $id) {
      id
      currentSession { id }
      sessions(first: 20, after: $after) { edges { cursor node { id title isCurrent } } pageInfo { hasNextPage endCursor } }
    }
  }
`;

it('merges Show More pages into one list with relayStylePagination', async () => {
  const { client, user, project, projectId } = await clientFor();
  await getDb()
    .insert(sessionsTable)
    .values(Array.from({ length: 45 }, (_, index) => ({ projectId: project.id, createdById: user.id, title: `Take ${index}`, messageCount: 2 })));
  const watched = client.watchQuery({ query: SESSIONS, variables: { id: projectId } });
  const subscription = watched.subscribe(() => {});
  let pageInfo = (await client.query({ query: SESSIONS, variables: { id: projectId } })).data!.project.sessions.pageInfo;
  while (pageInfo.hasNextPage) {
    const more = await watched.fetchMore({ variables: { after: pageInfo.endCursor } });
    pageInfo = more.data!.project.sessions.pageInfo;
  }
  subscription.unsubscribe();
  const cached = client.readQuery({ query: SESSIONS, variables: { id: projectId } });
  const ids = cached!.project.sessions.edges.map((edge: { node: { id: string } }) => edge.node.id);
  expect(ids).toHaveLength(45);
  expect(new Set(ids).size).toBe(45);
});

it('leaves exactly one session isCurrent in the cache after startSession and restoreSession', async () => {
  const { client, projectId } = await clientFor();
  const START = gql`
    mutation Start($id: ID!) {
      startSession(input: { projectId: $id }) { session { id isCurrent } project { id currentSession { id } } previousSession { id isCurrent } }
    }
  `;
  const SEND = gql`
    mutation Send($id: ID!, $content: String!) { sendMessage(input: { sessionId: $id, content: $content }) { session { id title } } }
  `;
  const RESTORE = gql`
    mutation Restore($id: ID!) {
      restoreSession(input: { sessionId: $id }) { session { id isCurrent } project { id currentSession { id } } previousSession { id isCurrent } }
    }
  `;
  const first = (await client.mutate({ mutation: START, variables: { id: projectId } })).data!.startSession.session.id;
  await client.mutate({ mutation: SEND, variables: { id: first, content: 'make the intro a bit longer' } });
  const second = (await client.mutate({ mutation: START, variables: { id: projectId } })).data!.startSession.session.id;
  await client.mutate({ mutation: SEND, variables: { id: second, content: 'mute the outro' } });
  await client.query({ query: SESSIONS, variables: { id: projectId }, fetchPolicy: 'network-only' });

  await client.mutate({ mutation: RESTORE, variables: { id: first } });
  const cached = client.readQuery({ query: SESSIONS, variables: { id: projectId } })!;
  const current = cached.project.sessions.edges.filter((edge: { node: { isCurrent: boolean } }) => edge.node.isCurrent);
  expect(current.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([first]);
  expect(cached.project.currentSession.id).toBe(first);
});

it('keeps the timeline right after sendMessage: clips and totalDurationMs from the payload', async () => {
  const { client, projectId } = await clientFor();
  const TIMELINE = gql`
    query Timeline($id: ID!) { project(id: $id) { id timeline { id totalDurationMs clips { id name durationMs } } } }
  `;
  const before = (await client.query({ query: TIMELINE, variables: { id: projectId } })).data!.project.timeline;
  const started = await client.mutate({
    mutation: gql`mutation Start($id: ID!) { startSession(input: { projectId: $id }) { session { id } } }`,
    variables: { id: projectId },
  });
  await client.mutate({
    mutation: gql`
      mutation Send($id: ID!) {
        sendMessage(input: { sessionId: $id, content: "make the intro a bit longer" }) { timeline { id totalDurationMs clips { id name durationMs } } }
      }
    `,
    variables: { id: started.data!.startSession.session.id },
  });
  const after = client.readQuery({ query: TIMELINE, variables: { id: projectId } })!.project.timeline;
  expect(after.totalDurationMs).toBe(before.totalDurationMs + 2000);
  expect(after.clips[0].durationMs).toBe(before.clips[0].durationMs + 2000);
});
