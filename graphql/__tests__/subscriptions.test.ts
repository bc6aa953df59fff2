import { createClient, type Client } from 'graphql-sse';
import { startSession } from '@/db/sessions';
import { runInstruction } from '@/server/instructions';
import { renameSession } from '@/db/sessions';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';
import { toGlobalId } from '../ids';
import { ApiClient, envelopeOf, sessionCookie, setUpApiServer, tokenFor } from './support/api';

/**
 * GraphQL subscriptions over Server-Sent Events (graphql-sse), as a third-party client uses
 * them: the official client against the real route handler over HTTP.
 */
setUpTestDatabase();

const server = setUpApiServer();

interface Delivered {
  projectEvents?: { id: string; type: string; session: { id: string; title: string | null } | null };
  sessionMessages?: { id: string; type: string; session: { id: string } | null };
}

function clientFor(headers: Record<string, string>): Client {
  return createClient({ url: server().streamUrl, headers, retryAttempts: 0 });
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
    'SESSION_RENAMED',
    'INSTRUCTION_ANSWERED',
    'SESSION_RENAMED',
    'INSTRUCTION_ANSWERED',
    'SESSION_RENAMED',
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
    'SESSION_RENAMED',
    'INSTRUCTION_ANSWERED',
    'SESSION_RENAMED',
    'INSTRUCTION_ANSWERED',
    'SESSION_RENAMED',
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
    ['SESSION_RENAMED', 'INSTRUCTION_ANSWERED'].map((type) => ({ type, session: { id: toGlobalId('Session', session.id) } })),
  );
  subscriber.dispose();
});

const CARRYING = `subscription($projectId: ID!) {
  projectEvents(projectId: $projectId, after: "0") {
    type status deletedSessionIds
    session { id title messageCount }
    sessionEdge { cursor node { id } }
    message { id role content status }
    messageEdges { cursor node { id role } }
    project { id currentSession { id } sessionCounts { active archived pinned } timeline { clips { name durationMs } } }
  }
}`;
const FRESH = `query($projectId: ID!) {
  project(id: $projectId) { id currentSession { id } sessionCounts { active archived pinned } timeline { clips { name durationMs } } }
}`;

interface Carried {
  type: string;
  deletedSessionIds: string[];
  session: { id: string; title: string | null; messageCount: number } | null;
  sessionEdge: { cursor: string; node: { id: string } } | null;
  message: { id: string; role: string; content: string; status: string } | null;
  messageEdges: { cursor: string; node: { id: string; role: string } }[];
  project: unknown;
}

it('each event carries the objects it changed, as the mutation payloads give them: no refetch needed', async () => {
  const { user, projectId } = await makeUserWithProject().then(({ user, project }) => ({ user, projectId: toGlobalId('Project', project.id) }));
  const api = new ApiClient(server().url).as(await sessionCookie(user));
  const subscriber = clientFor(await sessionCookie(user));
  // From the project's first event: nothing is missed however late the stream opens.
  const received = take(subscriber.iterate({ query: CARRYING, variables: { projectId } }), 5);
  const started = await api.data<{ startSession: { session: { id: string } } }, unknown>(
    'mutation($id: ID!) { startSession(input: { projectId: $id }) { session { id } } }',
    { id: projectId },
  );
  const sessionId = started.startSession.session.id;
  const sent = await api.data<{ sendMessage: { userMessage: { id: string }; reply: { id: string; content: string } } }, unknown>(
    'mutation($id: ID!) { sendMessage(input: { sessionId: $id, content: "make the outro a bit longer" }) { userMessage { id } reply { id content } } }',
    { id: sessionId },
  );
  // Leaving the session for a fresh one, then back: the fresh one, left empty, is deleted.
  const fresh = await api.data<{ startSession: { session: { id: string } } }, unknown>(
    'mutation($id: ID!) { startSession(input: { projectId: $id }) { session { id } } }',
    { id: projectId },
  );
  await api.data('mutation($id: ID!) { restoreSession(input: { sessionId: $id }) { session { id } } }', { id: sessionId });
  const events = (await received).map((result) => (result.data as { projectEvents: Carried }).projectEvents);
  const now = (await api.data<{ project: unknown }, unknown>(FRESH, { projectId })).project;

  expect(events.map((event) => event.type)).toEqual(['SESSION_STARTED', 'SESSION_RENAMED', 'INSTRUCTION_ANSWERED', 'SESSION_STARTED', 'SESSION_DELETED']);
  const [start, , answered, , deleted] = events;
  expect(start.sessionEdge?.node.id).toBe(sessionId);
  expect(answered.message).toEqual({ id: sent.sendMessage.reply.id, role: 'ASSISTANT', content: sent.sendMessage.reply.content, status: 'DONE' });
  expect(answered.messageEdges.map((edge) => edge.node)).toEqual([
    { id: sent.sendMessage.userMessage.id, role: 'USER' },
    { id: sent.sendMessage.reply.id, role: 'ASSISTANT' },
  ]);
  expect(answered.session).toMatchObject({ id: sessionId, messageCount: 2 });
  expect(deleted.deletedSessionIds).toEqual([fresh.startSession.session.id]);
  expect(deleted.session).toBeNull();
  // Objects are read as the event is delivered; the last event leaves the cache where a fresh read is.
  expect(events[4].project).toEqual(now);
  expect(start.deletedSessionIds).toEqual([]);
  expect(start.messageEdges).toEqual([]);
  subscriber.dispose();
});

it('refuses a stream without credentials (401) and another user’s project (NOT_FOUND)', async () => {
  const anonymous = await fetch(server().streamUrl, {
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
