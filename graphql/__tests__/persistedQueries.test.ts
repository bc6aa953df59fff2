import { createHash, randomBytes } from 'node:crypto';
import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { getOwnedProject } from '@/db/projects';
import { countPersistedQueries, findPersistedQuery, registerPersistedQuery } from '@/db/persistedQueries';
import { persistedQueries, type Project, type User } from '@/db/schema';
import { MAX_PERSISTED_QUERY_LENGTH, registerPersistedQueryFor } from '@/server/persistedQueries';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';
import { ViewerDocument } from '../__generated__/client/graphql';
import { toGlobalId } from '../ids';
import { persistedRequest } from '../persistedRequest';
import { codes, sessionCookie, startApiServer, tokenFor, type ApiServer, type GraphQLResult } from './support/api';

/**
 * Automatic persisted queries over HTTP, against the real route on two servers (two Apollo
 * servers, as two instances would run) sharing one database.
 */
setUpTestDatabase();

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** A document no other test sends: every test registers its own. */
const fresh = (selection = 'viewer { email }') => `query Apq_${randomBytes(6).toString('hex')} { ${selection} }`;
const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });

let first: ApiServer;
let second: ApiServer;
let only: ApiServer;
let user: User;
let project: Project;
let projectId: string;
let token: Record<string, string>;
let cookie: Record<string, string>;

beforeAll(async () => {
  first = await startApiServer({ env: { GRAPHQL_TRUSTED_DOCUMENTS: 'off' } });
  second = await startApiServer({ env: { GRAPHQL_TRUSTED_DOCUMENTS: 'off' } });
  only = await startApiServer({ env: { GRAPHQL_TRUSTED_DOCUMENTS: 'only' } });
  ({ user, project } = await makeUserWithProject());
  projectId = toGlobalId('Project', project.id);
  token = { authorization: `Bearer ${(await tokenFor(user)).token}` };
  cookie = await sessionCookie(user);
});

afterAll(async () => {
  await Promise.all([first.close(), second.close(), only.close()]);
});

async function post(server: ApiServer, headers: Record<string, string>, body: Record<string, unknown>): Promise<GraphQLResult<unknown> & { headers: Headers }> {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
}

async function get(
  server: ApiServer,
  headers: Record<string, string>,
  params: Record<string, unknown>,
): Promise<GraphQLResult<unknown> & { headers: Headers }> {
  const search = new URLSearchParams(Object.entries(params).map(([name, value]) => [name, JSON.stringify(value)]));
  const response = await fetch(`${server.url}?${search}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
  return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
}

/** Sends `text` with its hash (an APQ client's retry), then the hash alone. */
async function register(server: ApiServer, headers: Record<string, string>, text: string, variables?: Record<string, unknown>) {
  return post(server, headers, { query: text, variables, extensions: apq(sha256(text)) });
}

describe('automatic persisted queries', () => {
  it('answer an unknown id with PERSISTED_QUERY_NOT_FOUND (HTTP 400, the message APQ clients match on), never cached', async () => {
    const answer = await post(first, token, { extensions: apq(sha256(fresh())) });
    expect([answer.status, codes(answer), answer.errors?.[0].message]).toEqual([400, ['PERSISTED_QUERY_NOT_FOUND'], 'PersistedQueryNotFound']);
    expect(answer.data).toBeUndefined();
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
  });

  it('run the text sent with its id and register it, for every instance', async () => {
    const text = fresh();
    expect(await register(first, token, text)).toMatchObject({ status: 200, data: { viewer: { email: user.email } } });
    expect(await findPersistedQuery(sha256(text))).toBe(text);
    for (const server of [first, second]) {
      const byId = await post(server, token, { extensions: apq(sha256(text)) });
      expect([byId.status, byId.data, byId.errors]).toEqual([200, { viewer: { email: user.email } }, undefined]);
    }
  });

  it('keep nothing in an instance’s memory: a document gone from the table is unknown again', async () => {
    const text = fresh();
    await register(first, token, text);
    await getDb()
      .delete(persistedQueries)
      .where(eq(persistedQueries.hash, sha256(text)));
    expect(codes(await post(first, token, { extensions: apq(sha256(text)) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('refuse an id that is not the sha256 of the text, or no sha256 at all, and register nothing', async () => {
    const text = fresh();
    const wrong = await post(first, token, { query: text, extensions: apq(sha256(`${text} `)) });
    expect([wrong.status, codes(wrong)]).toEqual([400, ['BAD_REQUEST']]);
    expect(await findPersistedQuery(sha256(`${text} `))).toBeUndefined();
    expect(await findPersistedQuery(sha256(text))).toBeUndefined();
    for (const hash of ['ab', 'g'.repeat(64), `${sha256(text)}0`]) {
      expect(codes(await post(first, token, { extensions: apq(hash) }))).toEqual(['BAD_REQUEST']);
    }
  });

  it('accept the id in capitals or with the `sha256:` prefix, as the same lower-case id', async () => {
    const text = fresh();
    await post(first, token, { query: text, extensions: apq(`sha256:${sha256(text).toUpperCase()}`) });
    expect(await findPersistedQuery(sha256(text))).toBe(text);
  });

  it('never register a document that fails to parse, validate or pass a guard', async () => {
    const refused: [string, string][] = [
      [fresh('viewer { email'), 'GRAPHQL_PARSE_FAILED'],
      [fresh('viewer { noSuchField }'), 'GRAPHQL_VALIDATION_FAILED'],
      [
        fresh(
          'viewer { projects { edges { node { sessions { edges { node { messages { edges { node { edits { revertedBy { revertedBy { revertedBy { id } } } } } } } } } } } } } }',
        ),
        'QUERY_TOO_COMPLEX',
      ],
      [
        fresh('viewer { projects(first: 100) { edges { node { sessions(first: 100) { edges { node { messages(first: 100) { totalCount } } } } } } } }'),
        'QUERY_TOO_COMPLEX',
      ],
      [`subscription Apq_${randomBytes(6).toString('hex')} { projectEvents(projectId: "${projectId}") { id } }`, 'BAD_REQUEST'],
    ];
    for (const [text, code] of refused) {
      const answer = await register(first, token, text);
      expect([text, codes(answer)]).toEqual([text, [code]]);
      expect([text, await findPersistedQuery(sha256(text))]).toEqual([text, undefined]);
    }
  });

  it('register a document whose variables are wrong this time: the document itself passed', async () => {
    const text = `query Apq_${randomBytes(6).toString('hex')}($id: ID!) { project(id: $id) { name } }`;
    expect(codes(await register(first, token, text, {}))).toEqual(['BAD_USER_INPUT']);
    expect(await findPersistedQuery(sha256(text))).toBe(text);
  });

  it('run an anonymous caller’s text but never register it', async () => {
    const text = `query Apq_${randomBytes(6).toString('hex')} { __typename }`;
    expect(await register(first, {}, text)).toMatchObject({ status: 200, data: { __typename: 'Query' } });
    expect(await findPersistedQuery(sha256(text))).toBeUndefined();
    expect(codes(await post(first, {}, { extensions: apq(sha256(text)) }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('run a document too long to keep, without keeping it', async () => {
    const text = `# ${'x'.repeat(MAX_PERSISTED_QUERY_LENGTH)}\n${fresh()}`;
    expect(await register(first, token, text)).toMatchObject({ status: 200, data: { viewer: { email: user.email } } });
    expect(await findPersistedQuery(sha256(text))).toBeUndefined();
  });

  it('register a document once when instances race to register it', async () => {
    const text = fresh();
    const answers = await Promise.all([first, second, first, second, first].map((server) => register(server, token, text)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    const rows = await getDb()
      .select()
      .from(persistedQueries)
      .where(eq(persistedQueries.hash, sha256(text)));
    expect(rows).toHaveLength(1);
  });

  it('run a registered query over GET by its id, private and uncached like every answer', async () => {
    const text = `query Apq_${randomBytes(6).toString('hex')}($id: ID!) { project(id: $id) { name } }`;
    await register(first, token, text, { id: projectId });
    const answer = await get(second, token, { extensions: apq(sha256(text)), variables: { id: projectId } });
    expect([answer.status, answer.data, answer.errors]).toEqual([200, { project: { name: project.name } }, undefined]);
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
  });

  it('refuse a registered mutation over GET (405), running nothing', async () => {
    const text = `mutation Apq_${randomBytes(6).toString('hex')}($input: RenameProjectInput!) { renameProject(input: $input) { project { name } } }`;
    const renamed = await register(first, token, text, { input: { projectId, name: 'Renamed by POST' } });
    expect(codes(renamed)).toEqual([]);
    const overGet = await get(first, token, { extensions: apq(sha256(text)), variables: { input: { projectId, name: 'Renamed by GET' } } });
    expect([overGet.status, codes(overGet)]).toEqual([405, ['BAD_REQUEST']]);
    expect((await getOwnedProject(user.id, project.id))?.name).toBe('Renamed by POST');
  });
});

describe('automatic persisted queries under GRAPHQL_TRUSTED_DOCUMENTS=only', () => {
  it('are not trusted documents: a cookie caller cannot run one, a token can', async () => {
    const text = fresh();
    await register(only, token, text);
    expect(await findPersistedQuery(sha256(text))).toBe(text);
    const byCookie = await post(only, cookie, { extensions: apq(sha256(text)) });
    expect([byCookie.status, codes(byCookie)]).toEqual([403, ['TRUSTED_DOCUMENT_REQUIRED']]);
    expect(await post(only, token, { extensions: apq(sha256(text)) })).toMatchObject({ status: 200, data: { viewer: { email: user.email } } });
  });

  it('cannot be registered by a cookie caller, whose text is refused before it runs', async () => {
    const text = fresh();
    expect(codes(await register(only, cookie, text))).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
    expect(await findPersistedQuery(sha256(text))).toBeUndefined();
  });

  it('leave the app’s own documents to the manifest: sending one’s text registers nothing', async () => {
    const body = persistedRequest(ViewerDocument, {});
    const before = await countPersistedQueries();
    const text = (await import('../__generated__/client/persisted-documents.json')).default as Record<string, string>;
    const own = text[`sha256:${body.extensions.persistedQuery.sha256Hash}`];
    expect((await post(only, cookie, { query: own, extensions: body.extensions })).status).toBe(200);
    expect(await countPersistedQueries()).toBe(before);
  });
});

describe('the store', () => {
  /** Its rows' last use, set by hand so the order is certain. */
  async function usedMinutesAgo(hash: string, minutes: number) {
    await getDb()
      .update(persistedQueries)
      .set({ lastUsedAt: sql`now() - make_interval(mins => ${minutes})` })
      .where(eq(persistedQueries.hash, hash));
  }

  it('keeps at most its cap, dropping the least recently used (a lookup counts as a use)', async () => {
    await getDb().delete(persistedQueries);
    const [a, b, c, d, e] = Array.from({ length: 5 }, () => fresh());
    for (const text of [a, b, c]) expect(await registerPersistedQuery(sha256(text), text, 3)).toBe(true);
    await usedMinutesAgo(sha256(a), 30);
    await usedMinutesAgo(sha256(b), 20);
    await usedMinutesAgo(sha256(c), 10);
    await registerPersistedQuery(sha256(d), d, 3);
    expect(await findPersistedQuery(sha256(a))).toBeUndefined();
    // b is now the least recently used, until a lookup touches it (its last use is older than the granularity).
    expect(await findPersistedQuery(sha256(b))).toBe(b);
    await registerPersistedQuery(sha256(e), e, 3);
    expect(await findPersistedQuery(sha256(c))).toBeUndefined();
    expect(await Promise.all([b, d, e].map((text) => findPersistedQuery(sha256(text))))).toEqual([b, d, e]);
    expect(await countPersistedQueries()).toBe(3);
  });

  it('registers through the use case only for a viewer, and only under the text’s own hash', async () => {
    const text = fresh();
    expect(await registerPersistedQueryFor({ viewer: null }, sha256(text), text)).toBe('anonymous');
    const viewer = { user, via: 'session' as const };
    expect(await registerPersistedQueryFor({ viewer }, sha256('other'), text)).toBe('hash-mismatch');
    expect(await registerPersistedQueryFor({ viewer }, sha256(text), text)).toBe('registered');
    expect(await registerPersistedQueryFor({ viewer }, sha256(text), text)).toBe('already-registered');
  });
});

describe('Apollo Client 4 with PersistedQueryLink', () => {
  it('registers on its first miss, then reads by id over GET, from another instance too', async () => {
    const sent: { method: string; withText: boolean; status: number }[] = [];
    const recordingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const withText = init?.method === 'GET' ? url.searchParams.has('query') : typeof init?.body === 'string' && init.body.includes('"query"');
      sent.push({ method: init?.method ?? 'GET', withText, status: response.status });
      return response;
    };
    const clientOf = (server: ApiServer) =>
      new ApolloClient({
        link: new PersistedQueryLink({ sha256, useGETForHashedQueries: true }).concat(
          new HttpLink({ uri: server.url, headers: { ...token, 'apollo-require-preflight': 'true' }, fetch: recordingFetch }),
        ),
        cache: new InMemoryCache(),
      });
    const query = gql(fresh('viewer { id email }'));
    const firstAnswer = await clientOf(first).query({ query });
    expect(firstAnswer.data).toEqual({ viewer: { __typename: 'User', id: toGlobalId('User', user.id), email: user.email } });
    expect(sent).toEqual([
      { method: 'GET', withText: false, status: 400 },
      { method: 'POST', withText: true, status: 200 },
    ]);
    sent.length = 0;
    const again = await clientOf(second).query({ query });
    expect(again.data).toEqual(firstAnswer.data);
    expect(sent).toEqual([{ method: 'GET', withText: false, status: 200 }]);
  });
});
