import { setUpTestDatabase } from '@/testing/database';
import { makeAccessToken, makeUser } from '@/testing/factories';
import { setUpApiServer } from './support/api';

setUpTestDatabase();

const LIMIT = 3;
beforeAll(() => {
  process.env.RATE_LIMIT_GRAPHQL_PER_HOUR = String(LIMIT);
});
afterAll(() => {
  delete process.env.RATE_LIMIT_GRAPHQL_PER_HOUR;
});
const server = setUpApiServer();

async function post(token: string, body: string = JSON.stringify({ query: '{ viewer { id } }' }), headers: Record<string, string> = {}) {
  return fetch(server().url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body,
  });
}

describe('GraphQL rate limit', () => {
  it('counts each request, reports it in x-ratelimit-* headers, then refuses with 429 and Retry-After', async () => {
    const user = await makeUser();
    const { token } = await makeAccessToken(user.id, { name: 'limits' });
    const remaining: string[] = [];
    for (let index = 0; index < LIMIT; index += 1) {
      const response = await post(token);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-ratelimit-limit')).toBe(String(LIMIT));
      remaining.push(response.headers.get('x-ratelimit-remaining') ?? '');
    }
    expect(remaining).toEqual(['2', '1', '0']);

    const refused = await post(token);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    const body = (await refused.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
  });

  it('keeps a separate budget per user', async () => {
    const spender = await makeUser();
    const other = await makeUser();
    const { token: spent } = await makeAccessToken(spender.id, { name: 'a' });
    const { token: fresh } = await makeAccessToken(other.id, { name: 'b' });
    for (let index = 0; index <= LIMIT; index += 1) await post(spent);
    expect((await post(fresh)).status).toBe(200);
  });
});

describe('request body limit', () => {
  it('refuses a body over 1 MB with 413 and a code', async () => {
    const user = await makeUser();
    const { token } = await makeAccessToken(user.id, { name: 'big' });
    const huge = JSON.stringify({ query: '{ viewer { id } }', variables: { padding: 'x'.repeat(1024 * 1024 + 10) } });
    const response = await post(token, huge);
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
