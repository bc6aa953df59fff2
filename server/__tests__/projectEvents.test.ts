import { listAccessTokens, revokeAccessToken } from '@/db/accessTokens';
import { tokenFor } from '@/graphql/__tests__/support/api';
import { toGlobalId } from '@/graphql/ids';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';

/** The live events route: streams follow their credential, and one user cannot hold unlimited streams open. */
setUpTestDatabase();

type EventsRoute = typeof import('@/app/api/projects/[projectId]/events/route');
/** The body of a refusal in the API error envelope. */
type CodedErrors = { errors: { extensions: { code: string } }[] };
let route: EventsRoute;

beforeAll(async () => {
  process.env.EVENT_STREAM_RECHECK_MS = '200';
  process.env.EVENT_STREAMS_PER_USER = '3';
  route = await import('@/app/api/projects/[projectId]/events/route');
});

function open(projectId: string, authorization: string, signal?: AbortSignal): Promise<Response> {
  const request = new Request(`http://app.test/api/projects/${projectId}/events`, { headers: { authorization }, signal });
  return route.GET(request, { params: Promise.resolve({ projectId }) });
}

/** Reads the stream until it ends; resolves how long that took, or rejects when it outlives `ms`. */
async function endsWithin(response: Response, ms: number): Promise<void> {
  const reader = response.body!.getReader();
  const deadline = Date.now() + ms;
  for (;;) {
    const next = await Promise.race([reader.read(), new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), deadline - Date.now()))]);
    if (next === 'late') throw new Error(`The stream was still open after ${ms} ms`);
    if (next.done) return;
  }
}

describe('live event streams', () => {
  it('accept the API global project id and end once their token is revoked', async () => {
    const { user, project } = await makeUserWithProject();
    const { token } = await tokenFor(user);
    const response = await open(toGlobalId('Project', project.id), `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const [stored] = await listAccessTokens(user.id);
    await revokeAccessToken(user.id, stored.id);
    await endsWithin(response, 3_000);
  });

  it('refuse a stream beyond the per-user cap with 429, in the API error envelope', async () => {
    const { user, project } = await makeUserWithProject();
    const { token } = await tokenFor(user);
    const closer = new AbortController();
    const kept = await Promise.all([1, 2, 3].map(() => open(project.id, `Bearer ${token}`, closer.signal)));
    expect(kept.map((response) => response.status)).toEqual([200, 200, 200]);
    const refused = await open(project.id, `Bearer ${token}`);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as CodedErrors).errors[0].extensions.code).toBe('RATE_LIMITED');
    closer.abort();
    // Closed streams free their places.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const again = await open(project.id, `Bearer ${token}`);
    expect(again.status).toBe(200);
    await again.body?.cancel();
  });

  it('answer another user’s or a missing project with 404, and no credential with 401 and WWW-Authenticate', async () => {
    const alice = await makeUserWithProject();
    const bob = await makeUserWithProject();
    const { token } = await tokenFor(bob.user);
    const foreign = await open(alice.project.id, `Bearer ${token}`);
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as CodedErrors).errors[0].extensions.code).toBe('NOT_FOUND');
    const anonymous = await route.GET(new Request(`http://app.test/api/projects/${alice.project.id}/events`), {
      params: Promise.resolve({ projectId: alice.project.id }),
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
  });
});
