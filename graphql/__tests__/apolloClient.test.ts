import { ApolloClient, gql as untypedGql, HttpLink, InMemoryCache, type TypedDocumentNode } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { getDb } from '@/db/client';
import { sessions as sessionsTable } from '@/db/schema';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';
import { toGlobalId } from '../ids';
import { sessionCookie, startApiServer, type ApiServer } from './support/api';

/** A document of this file, typed by hand with the shape of its own selection. */
const gql = <Data, Variables = { id: string }>(strings: TemplateStringsArray) => untypedGql(strings) as TypedDocumentNode<Data, Variables>;

interface SessionRef {
  id: string;
  isCurrent: boolean;
}
/** What START and RESTORE select of their payloads. */
interface CurrentSessionPayload {
  session: SessionRef;
  project: { id: string; currentSession: { id: string } | null };
  previousSession: SessionRef | null;
}
interface TimelineRef {
  id: string;
  totalDurationMs: number;
  clips: { id: string; name: string; durationMs: number }[];
}

/**
 * Apollo Client 4 as a third-party client uses the API: a normalized cache with Relay-style
 * pagination. What the payloads return must leave that cache right without manual fixes.
 */
setUpTestDatabase();

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
    link: new HttpLink({ uri: server.url, headers: await sessionCookie(user), fetch }),
    cache: new InMemoryCache({ typePolicies: { Project: { fields: { sessions: relayStylePagination() } } } }),
  });
  return { client, user, project, projectId: toGlobalId('Project', project.id) };
}

const SESSIONS = gql<
  {
    project: {
      id: string;
      currentSession: { id: string } | null;
      sessions: {
        edges: { cursor: string; node: { id: string; title: string; isCurrent: boolean } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } | null;
  },
  { id: string; after?: string | null }
>`
  query Sessions($id: ID!, $after: String) {
    project(id: $id) {
      id
      currentSession {
        id
      }
      sessions(first: 20, after: $after) {
        edges {
          cursor
          node {
            id
            title
            isCurrent
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

it('merges Show More pages into one list with relayStylePagination', async () => {
  const { client, user, project, projectId } = await clientFor();
  await getDb()
    .insert(sessionsTable)
    .values(Array.from({ length: 45 }, (_, index) => ({ projectId: project.id, createdById: user.id, title: `Take ${index}`, messageCount: 2 })));
  const watched = client.watchQuery({ query: SESSIONS, variables: { id: projectId } });
  const subscription = watched.subscribe(() => {});
  let pageInfo = (await client.query({ query: SESSIONS, variables: { id: projectId } })).data!.project!.sessions.pageInfo;
  while (pageInfo.hasNextPage) {
    const more = await watched.fetchMore({ variables: { after: pageInfo.endCursor } });
    pageInfo = more.data.project!.sessions.pageInfo;
  }
  subscription.unsubscribe();
  const cached = client.readQuery({ query: SESSIONS, variables: { id: projectId } });
  const ids = cached!.project!.sessions.edges.map((edge) => edge.node.id);
  expect(ids).toHaveLength(45);
  expect(new Set(ids).size).toBe(45);
});

it('leaves exactly one session isCurrent in the cache after startSession and restoreSession', async () => {
  const { client, projectId } = await clientFor();
  const START = gql<{ startSession: CurrentSessionPayload | null }>`
    mutation Start($id: ID!) {
      startSession(input: { projectId: $id }) {
        session {
          id
          isCurrent
        }
        project {
          id
          currentSession {
            id
          }
        }
        previousSession {
          id
          isCurrent
        }
      }
    }
  `;
  const SEND = gql<{ sendMessage: { session: { id: string; title: string } } | null }, { id: string; content: string }>`
    mutation Send($id: ID!, $content: String!) {
      sendMessage(input: { sessionId: $id, content: $content }) {
        session {
          id
          title
        }
      }
    }
  `;
  const RESTORE = gql<{ restoreSession: CurrentSessionPayload | null }>`
    mutation Restore($id: ID!) {
      restoreSession(input: { sessionId: $id }) {
        session {
          id
          isCurrent
        }
        project {
          id
          currentSession {
            id
          }
        }
        previousSession {
          id
          isCurrent
        }
      }
    }
  `;
  const first = (await client.mutate({ mutation: START, variables: { id: projectId } })).data!.startSession!.session.id;
  await client.mutate({ mutation: SEND, variables: { id: first, content: 'make the intro a bit longer' } });
  const second = (await client.mutate({ mutation: START, variables: { id: projectId } })).data!.startSession!.session.id;
  await client.mutate({ mutation: SEND, variables: { id: second, content: 'mute the outro' } });
  await client.query({ query: SESSIONS, variables: { id: projectId }, fetchPolicy: 'network-only' });

  await client.mutate({ mutation: RESTORE, variables: { id: first } });
  const cached = client.readQuery({ query: SESSIONS, variables: { id: projectId } })!;
  const current = cached.project!.sessions.edges.filter((edge) => edge.node.isCurrent);
  expect(current.map((edge) => edge.node.id)).toEqual([first]);
  expect(cached.project!.currentSession!.id).toBe(first);
});

it('keeps the timeline right after sendMessage: clips and totalDurationMs from the payload', async () => {
  const { client, projectId } = await clientFor();
  const TIMELINE = gql<{ project: { id: string; timeline: TimelineRef } | null }>`
    query Timeline($id: ID!) {
      project(id: $id) {
        id
        timeline {
          id
          totalDurationMs
          clips {
            id
            name
            durationMs
          }
        }
      }
    }
  `;
  const before = (await client.query({ query: TIMELINE, variables: { id: projectId } })).data!.project!.timeline;
  const started = await client.mutate({
    mutation: gql<{ startSession: { session: { id: string } } | null }>`
      mutation Start($id: ID!) {
        startSession(input: { projectId: $id }) {
          session {
            id
          }
        }
      }
    `,
    variables: { id: projectId },
  });
  await client.mutate({
    mutation: gql<{ sendMessage: { timeline: TimelineRef } | null }>`
      mutation Send($id: ID!) {
        sendMessage(input: { sessionId: $id, content: "make the intro a bit longer" }) {
          timeline {
            id
            totalDurationMs
            clips {
              id
              name
              durationMs
            }
          }
        }
      }
    `,
    variables: { id: started.data!.startSession!.session.id },
  });
  const after = client.readQuery({ query: TIMELINE, variables: { id: projectId } })!.project!.timeline;
  expect(after.totalDurationMs).toBe(before.totalDurationMs + 2000);
  expect(after.clips[0].durationMs).toBe(before.clips[0].durationMs + 2000);
});
