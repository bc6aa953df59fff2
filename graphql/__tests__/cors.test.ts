import { renameSession, startSession } from '@/db/sessions';
import { setUpTestDatabase } from '@/testing/database';
import { makeUser, makeUserWithProject } from '@/testing/factories';
import { toGlobalId } from '../ids';
import { envelopeOf, sessionCookie, setUpApiServer } from './support/api';

/**
 * CORS on both GraphQL routes (lib/http/cors.ts), through the route modules themselves
 * (app/api/graphql/route.ts, app/api/graphql/stream/route.ts) over real HTTP: each test sets
 * CORS_ORIGINS, which the routes read on every request, as an operator would.
 */
setUpTestDatabase();

const LISTED = 'http://app.localhost:3001';
const UNLISTED = 'https://evil.example';

const server = setUpApiServer();

function setting(name: string, value: string | undefined) {
  const previous = process.env[name];
  beforeEach(() => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  });
  afterEach(() => {
    if (previous === undefined) delete process.env[name];
    else process.env[name] = previous;
  });
}

type Route = 'http' | 'stream';
const urlOf = (route: Route) => (route === 'http' ? server().url : server().streamUrl);

/** The preflight a browser sends before a cross-origin POST of JSON with a cookie. */
function preflight(route: Route, origin: string) {
  return fetch(urlOf(route), {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });
}

const corsHeaderNames = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

function post(body: object, headers: Record<string, string>) {
  return fetch(server().url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

async function owner() {
  const { user, project } = await makeUserWithProject();
  const session = await startSession(user.id, project.id);
  return { session, projectId: toGlobalId('Project', project.id), cookie: await sessionCookie(user) };
}

const PROJECT_EVENTS = 'subscription($projectId: ID!) { projectEvents(projectId: $projectId) { type session { title } } }';

/** Opens a subscription on the stream route as graphql-sse's client does (distinct connections). */
function subscribe(projectId: string, headers: Record<string, string>, signal: AbortSignal) {
  return fetch(server().streamUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...headers },
    body: JSON.stringify({ query: PROJECT_EVENTS, variables: { projectId } }),
    signal,
  });
}

/** Reads a stream's text until it contains `marker`. */
async function readUntil(response: Response, marker: string): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!text.includes(marker)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe('with CORS_ORIGINS unset (the default)', () => {
  setting('CORS_ORIGINS', undefined);

  it.each<Route>(['http', 'stream'])('answers a preflight to the %s route as Next.js would, with Allow and no CORS header', async (route) => {
    const response = await preflight(route, LISTED);
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, POST, OPTIONS');
    expect(corsHeaderNames(response)).toEqual([]);
  });

  it('adds nothing to an answer, whatever the Origin', async () => {
    const { cookie } = await owner();
    const response = await post({ query: '{ viewer { id } }' }, { ...cookie, origin: LISTED });
    expect(response.status).toBe(200);
    expect(corsHeaderNames(response)).toEqual([]);
    expect(response.headers.get('vary') ?? '').not.toMatch(/origin/i);
  });

  it('still refuses a sign-in cookie sent to the stream route from another origin', async () => {
    const { projectId, cookie } = await owner();
    const gone = new AbortController();
    const response = await subscribe(projectId, { ...cookie, origin: LISTED }, gone.signal);
    expect(response.status).toBe(403);
    expect((await envelopeOf(response)).errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});

describe('with CORS_ORIGINS listing an origin', () => {
  setting('CORS_ORIGINS', `https://app.example.com, ${LISTED}`);

  it.each<Route>(['http', 'stream'])('answers a preflight to the %s route from a listed origin: methods, headers, credentials, cached', async (route) => {
    const response = await preflight(route, LISTED);
    expect(response.status).toBe(204);
    const { 'access-control-allow-headers': allowedHeaders, ...cors } = Object.fromEntries(
      [...response.headers].filter(([name]) => name.startsWith('access-control-') || name === 'vary'),
    );
    expect(cors).toEqual({
      'access-control-allow-origin': LISTED,
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST',
      'access-control-max-age': '7200',
      vary: 'Origin',
    });
    expect(allowedHeaders.split(', ')).toEqual(
      expect.arrayContaining(['content-type', 'authorization', 'apollo-require-preflight', 'x-graphql-event-stream-token', 'last-event-id']),
    );
  });

  it.each<Route>(['http', 'stream'])(
    'gives a preflight to the %s route from an unlisted origin no CORS header, so the browser sends nothing',
    async (route) => {
      const response = await preflight(route, UNLISTED);
      expect(response.status).toBe(204);
      expect(corsHeaderNames(response)).toEqual([]);
      expect(response.headers.get('vary')).toBe('Origin');
    },
  );

  it('answers a request with a cookie from a listed origin for its user, readable with its rate-limit headers', async () => {
    const user = await makeUser('Cross-origin caller');
    const response = await post({ query: '{ viewer { id } }' }, { ...(await sessionCookie(user)), origin: LISTED });
    expect(response.status).toBe(200);
    expect(((await envelopeOf(response)).data as { viewer: { id: string } }).viewer.id).toBe(toGlobalId('User', user.id));
    expect(response.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('vary')).toMatch(/\bOrigin\b/);
    const exposed = response.headers.get('access-control-expose-headers')!.split(', ');
    for (const name of ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) {
      expect([name, exposed.includes(name), response.headers.get(name)]).toEqual([name, true, expect.stringMatching(/^\d+$/)]);
    }
  });

  it('puts the headers on refusals too: 401 for nobody, and a 429 with its Retry-After exposed', async () => {
    const anonymous = await post({ query: '{ viewer { id } }' }, { origin: LISTED });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(anonymous.headers.get('access-control-expose-headers')).toContain('www-authenticate');

    const previous = process.env.RATE_LIMIT_GRAPHQL_PER_HOUR;
    process.env.RATE_LIMIT_GRAPHQL_PER_HOUR = '1';
    try {
      const headers = { ...(await sessionCookie(await makeUser('Busy cross-origin caller'))), origin: LISTED };
      expect((await post({ query: '{ viewer { id } }' }, headers)).status).toBe(200);
      const refused = await post({ query: '{ viewer { id } }' }, headers);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('access-control-allow-origin')).toBe(LISTED);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused.headers.get('access-control-expose-headers')!.split(', ')).toContain('retry-after');
    } finally {
      if (previous === undefined) delete process.env.RATE_LIMIT_GRAPHQL_PER_HOUR;
      else process.env.RATE_LIMIT_GRAPHQL_PER_HOUR = previous;
    }
  });

  it('gives an unlisted origin no CORS header, so its page cannot read the answer', async () => {
    const { cookie } = await owner();
    const response = await post({ query: '{ viewer { id } }' }, { ...cookie, origin: UNLISTED });
    expect(corsHeaderNames(response)).toEqual([]);
    expect(response.headers.get('vary')).toMatch(/\bOrigin\b/);
  });

  it('keeps Apollo’s CSRF prevention: a simple request is refused, from a listed origin too', async () => {
    const { cookie } = await owner();
    const get = await fetch(`${server().url}?query=${encodeURIComponent('{ viewer { id } }')}`, { headers: { ...cookie, origin: LISTED } });
    const textPlain = await fetch(server().url, {
      method: 'POST',
      headers: { ...cookie, origin: LISTED, 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ viewer { id } }' }),
    });
    expect([get.status, textPlain.status]).toEqual([400, 400]);
    expect((await envelopeOf(get)).data ?? null).toBeNull();
  });

  it('leaves a same-origin request (no Origin) as it was, but for Vary', async () => {
    const { cookie } = await owner();
    const response = await post({ query: '{ viewer { id } }' }, cookie);
    expect(response.status).toBe(200);
    expect(corsHeaderNames(response)).toEqual([]);
    expect(response.headers.get('vary')).toMatch(/\bOrigin\b/);
  });

  it('streams a subscription with a cookie from a listed origin, its events readable there', async () => {
    const { session, projectId, cookie } = await owner();
    const gone = new AbortController();
    try {
      const response = await subscribe(projectId, { ...cookie, origin: LISTED }, gone.signal);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      expect(response.headers.get('access-control-allow-origin')).toBe(LISTED);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      const delivered = readUntil(response, 'Renamed across origins');
      await new Promise((resolve) => setTimeout(resolve, 300));
      await renameSession(session, 'Renamed across origins');
      expect(await delivered).toMatch(/event: next\ndata: .*"SESSION_RENAMED"/);
    } finally {
      gone.abort();
    }
  });

  it('refuses a cookie sent to the stream route from an unlisted origin, without CORS headers', async () => {
    const { projectId, cookie } = await owner();
    const gone = new AbortController();
    const response = await subscribe(projectId, { ...cookie, origin: UNLISTED }, gone.signal);
    expect(response.status).toBe(403);
    expect((await envelopeOf(response)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(corsHeaderNames(response)).toEqual([]);
  });

  it('puts the headers on a stream route refusal for a listed origin (401 for nobody)', async () => {
    const { projectId } = await owner();
    const gone = new AbortController();
    const response = await subscribe(projectId, { origin: LISTED }, gone.signal);
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(LISTED);
  });
});
