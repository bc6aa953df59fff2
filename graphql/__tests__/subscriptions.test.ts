import { createClient, type Client } from 'graphql-sse';
import { startSession } from '@/db/sessions';
import { runInstruction } from '@/server/instructions';
import { renameSession } from '@/db/sessions';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';
import { toGlobalId } from '../ids';
import { envelopeOf, sessionCookie, startApiServer, tokenFor, type ApiServer } from './support/api';

/**
 * GraphQL subscriptions over Server-Sent Events (graphql-sse), as a third-party client uses
 * them: the official client against the real route handler over HTTP.
 */
setUpTestDatabase();

let server: ApiServer;
beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());

interface Delivered {
  projectEvents?: { id: string; type: string; session: { id: string; title: string | null } | null };
  sessionMessages?: { id: string; type: string; session: { id: string } | null };
}

function clientFor(headers: Record<string, string>): Client {
  return createClient({ url: server.streamUrl, headers, retryAttempts: 0 });
}

const PROJECT_EVENTS = `subscription($projectId: ID!, $after: String) {
  projectEvents(projectId: $projectId, after: $after) { id type session { id title } }
}`;

/** Takes `count` results off a subscription, then ends it. */
async function take(iterator: AsyncIterableIterator<{ data?: unknown; errors?: readonly unknown[] }>, count: number) {
  const results: { data?: unknown; errors?: readonly unknown[] }[] = [];
  for await (const result of iterator) {
    results.push(result);
    if (results.length === count) break;
  }
  return results;
}

/** Resolves once the subscription is live on the server (its first read of the feed is done). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

async function owner() {
  const { user, project } = await makeUserWithProject();
  const session = await startSession(user.id, project.id);
  return { user, project, session, projectId: toGlobalId('Project', project.id) };
}

it('delivers another client’s changes to a token subscriber, in commit order', async () => {
  const { user, session, projectId } = await owner();
  const subscriber = clientFor({ authorization: `Bearer ${(await tokenFor(user)).token}` });
  const events = subscriber.iterate<Delivered>({ query: PROJECT_EVENTS, variables: { projectId } });
  const received = take(events, 5);
  await settle();
  await runInstruction({ session, content: 'make the intro a bit longer' });
  await runInstruction({ session, content: 'mute the outro' });
  await renameSession(session, 'Intro pass');
  const results = await received;
  // Each instruction's edits retitle the session before it is answered; then the user renames it.
  expect(results.map((result) => (result.data as Delivered).projectEvents?.type)).toEqual([
    'session.renamed',
    'instruction.answered',
    'session.renamed',
    'instruction.answered',
    'session.renamed',
  ]);
  expect((results[4].data as Delivered).projectEvents?.session).toEqual({ id: toGlobalId('Session', session.id), title: 'Intro pass' });
  subscriber.dispose();
});

it('resumes after a cut from the last delivered id: nothing missed, nothing repeated', async () => {
  const { user, session, projectId } = await owner();
  const cookie = await sessionCookie(user);
  const first = clientFor(cookie);
  const before = take(first.iterate<Delivered>({ query: PROJECT_EVENTS, variables: { projectId } }), 2);
  await settle();
  await runInstruction({ session, content: 'make the intro a bit longer' });
  const [, seen] = await before;
  first.dispose();
  const lastId = (seen.data as Delivered).projectEvents!.id;

  // While no one listens: three more changes.
  await runInstruction({ session, content: 'mute the outro' });
  await runInstruction({ session, content: 'unmute the outro' });
  await renameSession(session, 'Resumed');

  const again = clientFor(cookie);
  const resumed = await take(again.iterate<Delivered>({ query: PROJECT_EVENTS, variables: { projectId, after: lastId } }), 5);
  const ids = resumed.map((result) => Number((result.data as Delivered).projectEvents!.id));
  expect(ids.every((id, index) => id > Number(lastId) && (index === 0 || id > ids[index - 1]))).toBe(true);
  expect(resumed.map((result) => (result.data as Delivered).projectEvents?.type)).toEqual([
    'session.renamed',
    'instruction.answered',
    'session.renamed',
    'instruction.answered',
    'session.renamed',
  ]);
  again.dispose();
});

it('sessionMessages delivers one session’s events only', async () => {
  const { user, project, session } = await owner();
  const other = await startSession(user.id, project.id);
  const subscriber = clientFor(await sessionCookie(user));
  const received = take(
    subscriber.iterate<Delivered>({
      query: 'subscription($sessionId: ID!) { sessionMessages(sessionId: $sessionId) { type session { id } } }',
      variables: { sessionId: toGlobalId('Session', session.id) },
    }),
    2,
  );
  await settle();
  await runInstruction({ session: other, content: 'mute the outro' });
  await runInstruction({ session, content: 'make the intro a bit longer' });
  const results = await received;
  expect(results.map((result) => (result.data as Delivered).sessionMessages)).toEqual(
    ['session.renamed', 'instruction.answered'].map((type) => ({ type, session: { id: toGlobalId('Session', session.id) } })),
  );
  subscriber.dispose();
});

it('refuses a stream without credentials (401) and another user’s project (NOT_FOUND)', async () => {
  const anonymous = await fetch(server.streamUrl, {
    method: 'POST',
    headers: { accept: 'text/event-stream', 'content-type': 'application/json' },
    body: JSON.stringify({ query: PROJECT_EVENTS, variables: { projectId: toGlobalId('Project', (await owner()).project.id) } }),
  });
  expect(anonymous.status).toBe(401);
  expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
  expect((await envelopeOf(anonymous)).errors![0].extensions!.code).toBe('UNAUTHENTICATED');

  const alice = await owner();
  const bob = await owner();
  const intruder = clientFor(await sessionCookie(bob.user));
  const [refused] = await take(intruder.iterate({ query: PROJECT_EVENTS, variables: { projectId: alice.projectId } }), 1).catch((errors: unknown) => [
    { errors: errors as readonly unknown[] },
  ]);
  expect(JSON.stringify(refused.errors)).toContain('NOT_FOUND');
  intruder.dispose();
});
