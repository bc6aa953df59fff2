import { GraphQLError } from 'graphql';
import { getDb } from '@/db/client';
import { setUpTestDatabase } from '@/testing/database';
import { makeUser } from '@/testing/factories';
import { ValidationError } from '@/lib/validation';
import { formatError, INTERNAL_ERROR_MESSAGE, notFound } from '../errors';
import { toGlobalId } from '../ids';
import { createApolloServer, introspectionEnabled } from '../server';
import type { GraphQLContext } from '../context';
import { ApiClient, codes, envelopeOf, sessionCookie, setUpApiServer } from './support/api';

setUpTestDatabase();

const server = setUpApiServer();
let api: ApiClient;
let viewerId: string;

beforeAll(async () => {
  const user = await makeUser('Transport Tester');
  viewerId = toGlobalId('User', user.id);
  api = new ApiClient(server().url, await sessionCookie(user));
});

describe('the HTTP endpoint', () => {
  it('answers anonymous requests with 401 UNAUTHENTICATED and WWW-Authenticate: Bearer', async () => {
    const response = await fetch(server().url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect((await envelopeOf(response)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('answers a bad token with 401 and WWW-Authenticate: Bearer', async () => {
    const response = await fetch(server().url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer cds_nonsense' },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('puts the x-ratelimit-* headers on every answer: 200, 400, 401, 406 and 413', async () => {
    const post = (headers: Record<string, string>, body: string) => fetch(server().url, { method: 'POST', headers, body });
    const answers = {
      ok: await post({ ...api.authHeaders(), 'content-type': 'application/json' }, JSON.stringify({ query: '{ viewer { id } }' })),
      badJson: await post({ ...api.authHeaders(), 'content-type': 'application/json' }, '{ not json'),
      badToken: await post({ authorization: 'Bearer cds_nonsense', 'content-type': 'application/json' }, JSON.stringify({ query: '{ viewer { id } }' })),
      notAcceptable: await post(
        { ...api.authHeaders(), 'content-type': 'application/json', accept: 'text/html' },
        JSON.stringify({ query: '{ viewer { id } }' }),
      ),
      tooLarge: await post(
        { ...api.authHeaders(), 'content-type': 'application/json' },
        JSON.stringify({ query: `{ viewer { id } } #${'x'.repeat(1024 * 1024)}` }),
      ),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([name, response]) => [name, response.status]))).toEqual({
      ok: 200,
      badJson: 400,
      badToken: 401,
      notAcceptable: 406,
      tooLarge: 413,
    });
    for (const [name, response] of Object.entries(answers)) {
      expect([name, Number(response.headers.get('x-ratelimit-limit'))]).toEqual([name, expect.any(Number)]);
      expect([name, response.headers.get('x-ratelimit-remaining')]).toEqual([name, expect.stringMatching(/^\d+$/)]);
      expect([name, response.headers.get('x-ratelimit-reset')]).toEqual([name, expect.stringMatching(/^\d+$/)]);
    }
  });

  it('answers a subscription with a coded error pointing to the live events stream, not an internal error', async () => {
    const result = await api.request('subscription { anything }');
    expect(codes(result)).not.toContain('INTERNAL_SERVER_ERROR');
    const response = await fetch(server().url, {
      method: 'POST',
      headers: { ...api.authHeaders(), 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'subscription Live { __typename }' }),
    });
    const body = await envelopeOf(response);
    expect(body.errors![0].extensions!.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(body.errors![0].message).toMatch(/subscription/i);
  });

  it('answers other methods and mutations over GET with 405 and Allow', async () => {
    const { PUT, DELETE } = await import('@/app/api/graphql/route');
    for (const handler of [PUT, DELETE]) {
      const response = handler();
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, POST');
    }
    const mutation = await fetch(`${server().url}?query=${encodeURIComponent('mutation { createProject(input: { name: "x" }) { project { id } } }')}`, {
      headers: { ...api.authHeaders(), 'apollo-require-preflight': 'true' },
    });
    expect(mutation.status).toBe(405);
    expect(mutation.headers.get('allow')).toBe('GET, POST');
  });

  it('answers queries sent with GET when a CSRF-safe header comes along', async () => {
    const url = `${server().url}?query=${encodeURIComponent('{ viewer { id } }')}`;
    const response = await fetch(url, { headers: { ...api.authHeaders(), 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { viewer: { id: viewerId } } });
  });

  it('marks every answer private and not to be stored: a GET for a signed-in viewer, a refusal, an anonymous 401', async () => {
    const url = `${server().url}?query=${encodeURIComponent('{ viewer { email } }')}`;
    const signedIn = await fetch(url, { headers: { ...api.authHeaders(), 'apollo-require-preflight': 'true' } });
    const refused = await fetch(url, { headers: api.authHeaders() });
    const anonymous = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect([signedIn.status, refused.status, anonymous.status]).toEqual([200, 400, 401]);
    for (const answer of [signedIn, refused, anonymous]) expect(answer.headers.get('cache-control')).toBe('private, no-store');
  });

  it('refuses a GET without that header (CSRF prevention) and mutations over GET', async () => {
    const plain = await fetch(`${server().url}?query=${encodeURIComponent('{ viewer { id } }')}`, { headers: api.authHeaders() });
    expect(plain.status).toBe(400);
    const mutation = await fetch(`${server().url}?query=${encodeURIComponent('mutation { createProject(input: { name: "x" }) { project { id } } }')}`, {
      headers: { ...api.authHeaders(), 'apollo-require-preflight': 'true' },
    });
    expect(mutation.status).toBe(405);
  });

  it('accepts `application/json; charset=utf-8` bodies', async () => {
    const response = await fetch(server().url, {
      method: 'POST',
      headers: { ...api.authHeaders(), 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect(await response.json()).toEqual({ data: { viewer: { id: viewerId } } });
  });

  it('refuses a simple-request content type (CSRF prevention) without running anything', async () => {
    const response = await fetch(server().url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...api.authHeaders() },
      body: JSON.stringify({ query: 'mutation { createProject(input: { name: "csrf" }) { project { id } } }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|content-type|preflight/i);
    const projects = await api.data<{ viewer: { projects: { totalCount: number } } }, unknown>('{ viewer { projects { totalCount } } }');
    expect(projects.viewer.projects.totalCount).toBe(0);
  });

  it('answers a body that is not JSON with 400, not a crash', async () => {
    const response = await fetch(server().url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...api.authHeaders() },
      body: '{"query": "{ viewer { id } }"',
    });
    expect(response.status).toBe(400);
  });

  it('refuses batched requests', async () => {
    const response = await fetch(server().url, {
      method: 'POST',
      headers: { ...api.authHeaders(), 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ viewer { id } }' }, { query: '{ viewer { id } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('serves introspection outside production', async () => {
    const result = await api.request('{ __schema { queryType { name } } }');
    expect(result.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('introspection in production', () => {
  it('is off unless GRAPHQL_INTROSPECTION=true', async () => {
    expect(introspectionEnabled({ NODE_ENV: 'development' })).toBe(true);
    expect(introspectionEnabled({ NODE_ENV: 'production' })).toBe(false);
    expect(introspectionEnabled({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' })).toBe(true);
    // Read through lib/config.ts: a value that is no flag is refused, not taken for false.
    expect(() => introspectionEnabled({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'yes' })).toThrow(
      'GRAPHQL_INTROSPECTION="yes" is not allowed: true or false',
    );

    const production = createApolloServer({ NODE_ENV: 'production' });
    const response = await production.executeOperation(
      { query: '{ __schema { queryType { name } } }' },
      { contextValue: { viewer: null, request: new Request('http://test/') } },
    );
    expect(response.body.kind === 'single' && response.body.singleResult.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    await production.stop();
  });

  it('serves token holders, as GitHub and Shopify do, and refuses cookies and anonymous callers with a coded 400', async () => {
    const production = createApolloServer({ NODE_ENV: 'production' });
    const ask = (via: 'token' | 'session' | null) =>
      production.executeOperation(
        { query: 'query Tools { __schema { queryType { name } } }' },
        // Introspection reads nothing of the viewer's: who is asking is all the rule needs.
        { contextValue: { viewer: via && ({ via } as GraphQLContext['viewer']), request: new Request('http://test/') } },
      );
    const asToken = await ask('token');
    expect(asToken.body.kind === 'single' && asToken.body.singleResult).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
    for (const via of ['session', null] as const) {
      const refused = await ask(via);
      expect(refused.http.status).toBe(400);
      expect(refused.body.kind === 'single' && refused.body.singleResult.errors?.map((error) => error.extensions?.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    }
    await production.stop();
  });
});

describe('formatError', () => {
  const formatted = { message: 'raw', path: ['viewer'], extensions: { code: 'INTERNAL_SERVER_ERROR' } };

  it('answers SERVICE_UNAVAILABLE when the database cannot be reached', () => {
    const refused = new GraphQLError('connect ECONNREFUSED', {
      originalError: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    });
    const shutdown = new GraphQLError('terminating connection', {
      originalError: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    });
    for (const error of [refused, shutdown]) {
      const result = formatError({ ...formatted, message: error.message }, error);
      expect(result.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect(result.message).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|administrator/);
    }
  });

  it('hides unexpected errors (SQL, stacks) behind INTERNAL_SERVER_ERROR', () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const leaked = new GraphQLError('relation "users" does not exist', { originalError: new Error('select * from "users" where ...') });
    expect(formatError({ ...formatted, message: leaked.message }, leaked)).toEqual({
      message: INTERNAL_ERROR_MESSAGE,
      path: ['viewer'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('turns input rule violations into BAD_USER_INPUT naming the field', () => {
    const wrapped = new GraphQLError('The message is empty.', { originalError: new ValidationError('content', 'The message is empty.') });
    expect(formatError(formatted, wrapped)).toMatchObject({ message: 'The message is empty.', extensions: { code: 'BAD_USER_INPUT', field: 'content' } });
  });

  it('keeps the code and message of errors the API raised on purpose', () => {
    const wrapped = new GraphQLError('wrapper', { originalError: notFound('Project', 'abc') });
    expect(formatError(formatted, wrapped)).toMatchObject({ message: 'Could not find a Project with the id "abc".', extensions: { code: 'NOT_FOUND' } });
  });

  it('keeps request errors from Apollo such as parse failures', () => {
    const parse = { message: 'Syntax Error: Expected Name, found <EOF>.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
    expect(formatError(parse, new GraphQLError(parse.message))).toEqual(parse);
  });

  it('answers an unexpected failure over HTTP with the generic message only', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    // The first statement of the request (reading the cookie's user) fails as a bug in our SQL would.
    const select = jest.spyOn(getDb(), 'select').mockImplementationOnce(() => {
      throw new Error('invalid input syntax for type uuid: "not-a-uuid" in select "id" from "users"');
    });
    const result = await api.request('{ viewer { id } }');
    select.mockRestore();
    expect(result.status).toBe(500);
    expect(result.errors).toEqual([{ message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    expect(JSON.stringify(result)).not.toMatch(/select|uuid|stack/i);
    spy.mockRestore();
  });
});
