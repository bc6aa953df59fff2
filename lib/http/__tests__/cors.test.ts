import { RATE_LIMIT_HEADER_NAMES, rateLimitHeaders } from '@/lib/rateLimit';
import { corsHeaders, isPreflight, listedOrigin, optionsResponse, PREFLIGHT_MAX_AGE_SECONDS, withCorsHeaders } from '../cors';

const LISTED = ['https://app.example.com', 'http://localhost:3001'];

function request(method: string, headers: Record<string, string> = {}) {
  return { method, headers: new Headers(headers) };
}

const preflight = (origin: string) =>
  request('OPTIONS', { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' });

describe('CORS for the GraphQL routes', () => {
  it('is off without a list: no header at all, whatever the Origin', () => {
    expect(corsHeaders(request('POST', { origin: 'https://app.example.com' }), [])).toEqual({});
    expect(corsHeaders(preflight('https://app.example.com'), [])).toEqual({});
  });

  it('answers an actual request from a listed origin with that origin, credentials and the rate-limit headers exposed', () => {
    const headers = corsHeaders(request('POST', { origin: 'http://localhost:3001' }), LISTED);
    expect(headers).toEqual({
      vary: 'Origin',
      'access-control-allow-origin': 'http://localhost:3001',
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset, retry-after, www-authenticate',
    });
    expect(headers).not.toHaveProperty('access-control-allow-methods');
  });

  it('exposes every header the rate limiter writes, a refusal included', () => {
    const refused = rateLimitHeaders({ allowed: false, limit: 5, remaining: 0, resetAt: new Date(), retryAfterSeconds: 60, windowStart: new Date() });
    const exposed = corsHeaders(request('GET', { origin: 'https://app.example.com' }), LISTED)['access-control-expose-headers'].split(', ');
    expect(Object.keys(refused).filter((name) => !exposed.includes(name))).toEqual([]);
    expect([...RATE_LIMIT_HEADER_NAMES].sort()).toEqual(Object.keys(refused).sort());
  });

  it('answers a preflight from a listed origin with the methods, the headers clients send, and a cache lifetime', () => {
    const headers = corsHeaders(preflight('https://app.example.com'), LISTED);
    expect(headers).toMatchObject({
      vary: 'Origin',
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'GET, POST',
      'access-control-max-age': String(PREFLIGHT_MAX_AGE_SECONDS),
    });
    expect(headers['access-control-allow-headers'].split(', ')).toEqual(
      expect.arrayContaining([
        'content-type',
        'authorization',
        'apollo-require-preflight',
        'x-apollo-operation-name',
        'accept',
        'last-event-id',
        'x-graphql-event-stream-token',
      ]),
    );
    // With credentials a browser does not take wildcards.
    expect(Object.values(headers)).not.toContain('*');
  });

  it.each([
    ['an unlisted site', 'https://evil.example'],
    ['a listed host on another scheme', 'http://app.example.com'],
    ['a listed host on another port', 'https://app.example.com:8443'],
    ['a subdomain of a listed host', 'https://x.app.example.com'],
    ['a listed origin with a trailing slash', 'https://app.example.com/'],
    ['the opaque origin of a sandboxed page or file', 'null'],
  ])('gives %s no CORS header, only Vary: Origin', (_case, origin) => {
    expect(corsHeaders(request('POST', { origin }), LISTED)).toEqual({ vary: 'Origin' });
    expect(corsHeaders(preflight(origin), LISTED)).toEqual({ vary: 'Origin' });
    expect(listedOrigin(new Headers({ origin }), LISTED)).toBeNull();
  });

  it('leaves a request without Origin (same-origin GET, a script) as it is, but for Vary', () => {
    expect(corsHeaders(request('GET'), LISTED)).toEqual({ vary: 'Origin' });
  });

  it('tells a preflight from a plain OPTIONS', () => {
    expect(isPreflight(preflight('https://app.example.com'))).toBe(true);
    expect(isPreflight(request('OPTIONS', { origin: 'https://app.example.com' }))).toBe(false);
    expect(isPreflight(request('POST', { origin: 'https://app.example.com', 'access-control-request-method': 'POST' }))).toBe(false);
  });

  it('answers OPTIONS with 204 and Allow, with the preflight headers only for a listed origin', async () => {
    const listed = optionsResponse(preflight('https://app.example.com'), LISTED);
    expect(listed.status).toBe(204);
    expect(listed.headers.get('allow')).toBe('GET, POST, OPTIONS');
    expect(listed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(await listed.text()).toBe('');
    const unlisted = optionsResponse(preflight('https://evil.example'), LISTED);
    expect(unlisted.status).toBe(204);
    expect(unlisted.headers.get('allow')).toBe('GET, POST, OPTIONS');
    expect([...unlisted.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('adds the headers to any answer, keeping its status, headers, body and an existing Vary', async () => {
    const refused = Response.json({ errors: [] }, { status: 429, headers: { 'retry-after': '60', vary: 'Accept' } });
    const answer = withCorsHeaders(refused, request('POST', { origin: 'https://app.example.com' }), LISTED);
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('60');
    expect(answer.headers.get('vary')).toBe('Accept, Origin');
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(await answer.json()).toEqual({ errors: [] });
  });

  it('keeps a streamed body streaming', async () => {
    const encoder = new TextEncoder();
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        if (pulls > 2) controller.close();
        else controller.enqueue(encoder.encode(`event: next\ndata: ${pulls}\n\n`));
      },
    });
    const stream = new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    const answer = withCorsHeaders(stream, request('POST', { origin: 'https://app.example.com' }), LISTED);
    expect(answer.body).toBe(body);
    expect(await answer.text()).toBe('event: next\ndata: 1\n\nevent: next\ndata: 2\n\n');
  });

  it('returns the answer untouched when CORS is off', () => {
    const answer = new Response('x');
    expect(withCorsHeaders(answer, request('POST', { origin: 'https://app.example.com' }), [])).toBe(answer);
  });
});
