import type { User } from '@/db/schema';
import { tokenFor } from '@/graphql/__tests__/support/api';
import { resolveViewer } from '@/server/auth/viewer';
import type { Caller } from '@/server/access';
import * as accessTokens from '@/server/accessTokens';
import * as accounts from '@/server/accounts';
import { subscribeToProjectEvents } from '@/server/projectEvents';
import * as projects from '@/server/projects';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';

/**
 * An open stream ends from the revocation of its credential itself, before any event committed
 * afterwards reaches it. The periodic recheck is set out of reach (an hour), so only the
 * revocation's wake-up on the event channel can end these streams.
 */
setUpTestDatabase();

type EventsRoute = typeof import('@/app/api/projects/[projectId]/events/route');
let route: EventsRoute;

beforeAll(async () => {
  process.env.EVENT_STREAM_RECHECK_MS = String(3600 * 1000);
  route = await import('@/app/api/projects/[projectId]/events/route');
});

const asSession = (user: User): Caller => ({ viewer: { user, via: 'session' } });
const rename = (user: User, projectId: string, name: string) => projects.renameProject(asSession(user), { projectId, name });

async function tokenCaller(user: User, name: string): Promise<{ caller: Caller; request: Request; tokenId: string }> {
  const { token } = await tokenFor(user, name);
  const request = new Request('http://app.test/api/graphql/stream', { headers: { authorization: `Bearer ${token}` } });
  const viewer = await resolveViewer(request);
  if (viewer?.via !== 'token') throw new Error('The token did not authenticate');
  return { caller: { viewer }, request, tokenId: viewer.token.id };
}

describe('revoking a credential ends its open streams before any later event', () => {
  it('a GraphQL subscription with a token ends when the token is revoked', async () => {
    const { user, project } = await makeUserWithProject();
    const { caller, request, tokenId } = await tokenCaller(user, 'Subscriber');
    const events = await subscribeToProjectEvents(caller, request, { projectId: project.id });

    const first = events.next();
    await rename(user, project.id, 'Before the revocation');
    expect((await first).value).toMatchObject({ type: 'project.renamed' });

    await accessTokens.revokeAccessToken(asSession(user), { accessTokenId: tokenId });
    await rename(user, project.id, 'After the revocation');
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it('a subscription with a sign-in cookie ends when the user signs out everywhere', async () => {
    const { user, project } = await makeUserWithProject();
    const caller = asSession(user);
    const events = await subscribeToProjectEvents(caller, new Request('http://app.test/api/graphql/stream'), { projectId: project.id });

    const first = events.next();
    await rename(user, project.id, 'Before signing out');
    expect((await first).value).toMatchObject({ type: 'project.renamed' });

    await accounts.signOutEverywhere(caller);
    await rename(user, project.id, 'After signing out');
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it('an events route stream with a token ends when the token is revoked, without the later event', async () => {
    const { user, project } = await makeUserWithProject();
    const { request, tokenId } = await tokenCaller(user, 'Listener');
    const response = await route.GET(new Request(`http://app.test/api/projects/${project.id}/events`, { headers: request.headers }), {
      params: Promise.resolve({ projectId: project.id }),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    /** Reads until `text` has arrived (true) or the stream ends (false). */
    let received = '';
    const readUntil = async (text: string) => {
      while (!received.includes(text)) {
        const chunk = await reader.read();
        if (chunk.done) return false;
        received += chunk.value;
      }
      return true;
    };
    expect(await readUntil(': connected')).toBe(true);
    await rename(user, project.id, 'Before the revocation');
    expect(await readUntil('event: project.renamed')).toBe(true);

    received = '';
    await accessTokens.revokeAccessToken(asSession(user), { accessTokenId: tokenId });
    await rename(user, project.id, 'After the revocation');
    // Ends (false) without the later event; a stream that delivered it would say true.
    expect(await readUntil('event: project.renamed')).toBe(false);
  });
});
