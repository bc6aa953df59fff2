import { GET as projectEventsRoute } from '@/app/api/projects/[projectId]/events/route';
import { startSession } from '@/db/sessions';
import { QUERY_LIMITS } from '@/graphql/limits';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';
import { toGlobalId } from '../ids';
import { sessionCookie, setUpApiServer, tokenFor, type ApiServer } from './support/api';

/**
 * The guards of graphql/operationGuards.ts hold on both GraphQL routes: every case runs against
 * `/api/graphql` (as a query) and `/api/graphql/stream` (as a subscription), over HTTP.
 */
setUpTestDatabase();

const plain = setUpApiServer();
const trustedOnly = setUpApiServer({ env: { GRAPHQL_TRUSTED_DOCUMENTS: 'only' } });

type Route = 'http' | 'stream';

async function send(server: ApiServer, route: Route, query: string, headers: Record<string, string>, variables: object = {}) {
  const controller = new AbortController();
  const response = await fetch(route === 'http' ? server.url : server.streamUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: route === 'http' ? 'application/json' : 'text/event-stream', ...headers },
    body: JSON.stringify({ query, variables }),
    signal: controller.signal,
  });
  const streaming = response.headers.get('content-type')?.startsWith('text/event-stream');
  // An accepted subscription stays open: what matters is that it was accepted.
  const body = streaming ? null : ((await response.json()) as { errors?: { extensions?: { code?: string } }[] });
  controller.abort();
  return { status: response.status, codes: body?.errors?.map((error) => error.extensions?.code) ?? [], streaming };
}

async function owner() {
  const { user, project } = await makeUserWithProject();
  await startSession(user.id, project.id);
  const token = (await tokenFor(user)).token;
  return { user, projectId: toGlobalId('Project', project.id), bearer: { authorization: `Bearer ${token}` }, cookie: await sessionCookie(user) };
}

/** A selection deeper than QUERY_LIMITS.depth under `session`. */
const DEEP =
  'session { project { sessions { edges { node { messages { edges { node { edits { revertedBy { revertedBy { revertedBy { id } } } } } } } } } } } }';

function operationOf(route: Route, projectId: string, selection: string): string {
  return route === 'http'
    ? `{ node(id: "${projectId}") { ... on Project { currentSession { ${selection.replace(/^session \{ (.*) \}$/, '$1')} } } } }`
    : `subscription { projectEvents(projectId: "${projectId}") { id ${selection} } }`;
}

describe.each<Route>(['http', 'stream'])('the %s route', (route) => {
  it(`refuses a selection deeper than ${QUERY_LIMITS.depth} levels with QUERY_TOO_COMPLEX`, async () => {
    const { projectId, bearer } = await owner();
    const answer = await send(plain(), route, operationOf(route, projectId, DEEP), bearer);
    expect([answer.status, answer.codes]).toEqual([400, ['QUERY_TOO_COMPLEX']]);
  });

  it(`refuses a document of more than ${QUERY_LIMITS.tokens} tokens with GRAPHQL_PARSE_FAILED`, async () => {
    const { projectId, bearer } = await owner();
    const padded = operationOf(route, projectId, `${'__typename '.repeat(QUERY_LIMITS.tokens)}`);
    const answer = await send(plain(), route, padded, bearer);
    expect([answer.status, answer.codes]).toEqual([400, ['GRAPHQL_PARSE_FAILED']]);
  });

  it('refuses an ad-hoc document from a cookie caller under GRAPHQL_TRUSTED_DOCUMENTS=only, and runs it for a token', async () => {
    const { projectId, bearer, cookie } = await owner();
    const adHoc = operationOf(route, projectId, '__typename');
    expect(await send(trustedOnly(), route, adHoc, cookie)).toMatchObject({ status: 403, codes: ['TRUSTED_DOCUMENT_REQUIRED'] });
    expect(await send(trustedOnly(), route, adHoc, bearer)).toMatchObject({ status: 200, codes: [] });
  });

  it('refuses a body in a charset other than UTF-8 with 415 UNSUPPORTED_MEDIA_TYPE, before reading it', async () => {
    const { projectId, bearer } = await owner();
    const utf16 = await send(plain(), route, operationOf(route, projectId, '__typename'), { ...bearer, 'content-type': 'application/json; charset=utf-16' });
    expect([utf16.status, utf16.codes]).toEqual([415, ['UNSUPPORTED_MEDIA_TYPE']]);
  });
});

describe('the stream route', () => {
  it('accepts only subscriptions: queries and mutations are pointed to /api/graphql', async () => {
    const { projectId, bearer } = await owner();
    const query = await send(plain(), 'stream', '{ viewer { email } }', bearer);
    const mutation = await send(plain(), 'stream', `mutation { renameProject(input: { projectId: "${projectId}", name: "x" }) { project { name } } }`, bearer);
    expect([query.status, query.codes, mutation.status, mutation.codes]).toEqual([405, ['METHOD_NOT_ALLOWED'], 405, ['METHOD_NOT_ALLOWED']]);
  });

  it('refuses a sign-in cookie sent from another site’s page', async () => {
    const { projectId, cookie } = await owner();
    const foreign = await send(plain(), 'stream', operationOf('stream', projectId, 'type'), { ...cookie, origin: 'https://evil.example' });
    expect([foreign.status, foreign.codes]).toEqual([403, ['FORBIDDEN']]);
    const sameSite = await send(plain(), 'stream', operationOf('stream', projectId, 'type'), { ...cookie, origin: new URL(plain().url).origin });
    expect(sameSite.streaming).toBe(true);
  });

  it('counts its subscriptions and the events route’s streams against one limit per user', async () => {
    const previous = process.env.EVENT_STREAMS_PER_USER;
    process.env.EVENT_STREAMS_PER_USER = '2';
    const { projectId, bearer } = await owner();
    const events = new AbortController();
    try {
      const request = new Request(`http://localhost/api/projects/${projectId}/events`, { headers: bearer, signal: events.signal });
      const eventsStream = await projectEventsRoute(request, { params: Promise.resolve({ projectId }) });
      expect(eventsStream.status).toBe(200);
      const subscription = new AbortController();
      const first = await fetch(plain().streamUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...bearer },
        body: JSON.stringify({ query: operationOf('stream', projectId, 'type') }),
        signal: subscription.signal,
      });
      expect(first.status).toBe(200);
      const refused = await send(plain(), 'stream', operationOf('stream', projectId, 'type'), bearer);
      expect([refused.status, refused.codes]).toEqual([429, ['RATE_LIMITED']]);
      subscription.abort();
    } finally {
      events.abort();
      process.env.EVENT_STREAMS_PER_USER = previous;
      if (previous === undefined) delete process.env.EVENT_STREAMS_PER_USER;
    }
  });
});
