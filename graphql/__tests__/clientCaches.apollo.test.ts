import { ApolloClient, gql, HttpLink } from '@apollo/client';
import { getDb } from '@/db/client';
import { sessions as sessionsTable } from '@/db/schema';
import { createCache } from '@/docs/clients/apollo';
import * as documents from '@/docs/clients/documents';
import { setUpTestDatabase } from '@/testing/database';
import { fromGlobalId } from '../ids';
import { ApiClient } from './support/api';
import { MUTATIONS, newViewer, runWalk, setUpClientSuite, WALKS, type CacheDriver, type Payload, type Viewer } from './support/clientCaches';

/**
 * Apollo Client 4 with the cache of docs/clients.md against a live server: after every
 * list-changing mutation the screen it has cached is the server's, with no update code.
 */
setUpTestDatabase();

const server = setUpClientSuite();

function apolloDriver({ projectId, headers }: Viewer): CacheDriver & { client: ApolloClient } {
  const client = new ApolloClient({ link: new HttpLink({ uri: server().url, headers, fetch }), cache: createCache() });
  const screen = { query: documents.SCREEN, variables: { projectId } };
  let watching: { unsubscribe(): void } | undefined;
  return {
    client,
    async open() {
      watching = client.watchQuery(screen).subscribe(() => {});
      await client.query({ ...screen, fetchPolicy: 'network-only' });
    },
    async mutate(name, variables) {
      const { data } = await client.mutate({ mutation: MUTATIONS[name], variables });
      return (data as Record<string, Payload>)[name];
    },
    cached: () => Promise.resolve(client.readQuery(screen)),
    close: () => watching?.unsubscribe(),
  };
}

it.each(Object.entries(WALKS))('keeps the screen right through %s', async (_name, walk) => {
  const who = await newViewer();
  await runWalk(walk, who, apolloDriver(who), server().url);
});

it('merges Show More pages into one list, and a pin moves a session from the last page to the top', async () => {
  const who = await newViewer();
  const { client } = apolloDriver(who);
  await getDb()
    .insert(sessionsTable)
    .values(
      Array.from({ length: 45 }, (_, index) => ({
        projectId: fromGlobalId(who.projectId)!.id,
        createdById: who.user.id,
        title: `Take ${index}`,
        messageCount: 2,
      })),
    );
  const screen = { query: documents.SCREEN, variables: { projectId: who.projectId } };
  const watched = client.watchQuery(screen);
  const subscription = watched.subscribe(() => {});
  type Page = { project: { sessions: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
  const MORE = gql`
    query MoreSessions($projectId: ID!, $after: String) {
      project(id: $projectId) {
        id
        sessions(first: 20, after: $after) {
          totalCount
          edges {
            cursor
            node {
              id
              title
              createdAt
              isCurrent
              pinned
              archived
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  `;
  let pageInfo = ((await client.query({ ...screen, fetchPolicy: 'network-only' })).data as Page).project.sessions.pageInfo;
  while (pageInfo.hasNextPage) {
    const more = await client.query({ query: MORE, variables: { projectId: who.projectId, after: pageInfo.endCursor }, fetchPolicy: 'network-only' });
    pageInfo = (more.data as Page).project.sessions.pageInfo;
  }
  const cachedIds = () => (client.readQuery(screen) as Page).project.sessions.edges.map((edge) => edge.node.id);
  const ids = cachedIds();
  expect(ids).toHaveLength(45);
  expect(new Set(ids).size).toBe(45);

  await client.mutate({ mutation: documents.PIN_SESSION, variables: { sessionId: ids[44] } });
  const ALL = 'query($projectId: ID!) { project(id: $projectId) { sessions(first: 100) { edges { node { id } } } } }';
  const onServer = (await new ApiClient(server().url).as({ cookie: who.headers.cookie }).data<Page, unknown>(ALL, { projectId: who.projectId })).project
    .sessions.edges;
  expect(cachedIds()).toEqual(onServer.map((edge) => edge.node.id));
  expect(cachedIds()[0]).toBe(ids[44]);
  subscription.unsubscribe();
});
