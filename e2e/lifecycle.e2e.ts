import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import postgres from 'postgres';
import { DEMO } from './support/app';
import { graphql, prepareOwnDatabase, signInCookie, startOwnServer, type OwnDatabase, type OwnServer } from './support/ownServer';

const SEND = `mutation($id: ID!, $content: String!, $clientMessageId: String) {
  sendMessage(input: { sessionId: $id, content: $content, clientMessageId: $clientMessageId }) { reply { content } }
}`;
const MESSAGES = `query($id: ID!) { node(id: $id) { ... on Session { messageCount messages(first: 100) { edges { node { role content } } } } } }`;

type Messages = { node: { messageCount: number; messages: { edges: { node: { role: string; content: string } }[] } } };

/** A fresh session of the demo user on a server of this test's own. */
async function demoSession(server: OwnServer) {
  const cookie = await signInCookie(server.url, DEMO.email, DEMO.password);
  const { data } = await graphql<{ viewer: { projects: { edges: { node: { id: string } }[] } } }>(
    server.url,
    cookie,
    '{ viewer { projects(first: 1) { edges { node { id } } } } }',
  );
  const started = await graphql<{ startSession: { session: { id: string } } }>(
    server.url,
    cookie,
    'mutation($id: ID!) { startSession(input: { projectId: $id }) { session { id } } }',
    { id: data!.viewer.projects.edges[0].node.id },
  );
  return { cookie, sessionId: started.data!.startSession.session.id };
}

const instructions = Array.from({ length: 30 }, (_, index) => ({
  content: `make the intro ${index + 1} seconds longer`,
  clientMessageId: `burst-${index + 1}`,
}));

describe('server lifecycle', () => {
  let database: OwnDatabase;
  before(async () => {
    database = await prepareOwnDatabase();
  });
  after(async () => {
    await database.drop();
  });

  test('killed with SIGKILL mid-burst: after a restart every instruction is whole or absent, and retries complete it once', async () => {
    let server = await startOwnServer(database);
    const { cookie, sessionId } = await demoSession(server);

    const burst = instructions.map((instruction) =>
      graphql(server.url, cookie, SEND, { id: sessionId, ...instruction }).then(
        (result) => (result.errors ? 'refused' : 'answered'),
        () => 'cut off',
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 150));
    server.process.kill('SIGKILL');
    await server.exited;
    const outcomes = await Promise.all(burst);
    assert.ok(outcomes.includes('cut off'), 'the kill interrupted some requests');

    server = await startOwnServer(database);
    const afterCrash = (await graphql<Messages>(server.url, cookie, MESSAGES, { id: sessionId })).data!.node;
    const roles = afterCrash.messages.edges.map((edge) => edge.node.role);
    assert.equal(roles.length % 2, 0, 'no instruction without its reply');
    assert.ok(roles.every((role, index) => role === (index % 2 === 0 ? 'USER' : 'ASSISTANT')));
    assert.equal(afterCrash.messageCount, roles.length);

    // The client retries everything with the same ids: what was stored is not written twice.
    for (const instruction of instructions) {
      const retried = await graphql(server.url, cookie, SEND, { id: sessionId, ...instruction });
      assert.equal(retried.errors, undefined);
    }
    const complete = (await graphql<Messages>(server.url, cookie, MESSAGES, { id: sessionId })).data!.node;
    const asked = complete.messages.edges.filter((edge) => edge.node.role === 'USER').map((edge) => edge.node.content);
    assert.equal(asked.length, 30);
    assert.deepEqual([...asked].sort(), instructions.map((instruction) => instruction.content).sort());

    server.process.kill('SIGTERM');
    await server.exited;
  });

  // Holding the session's row lock from outside keeps requests in flight for as long as the
  // test needs; the embedded database cannot be reached from outside its process.
  const onPostgres = { skip: process.env.DATABASE_URL ? false : 'needs a Postgres server to hold a lock on' };
  test('SIGTERM lets in-flight requests finish, even with a live event stream open, then exits', onPostgres, async () => {
    const server = await startOwnServer(database);
    const { cookie, sessionId } = await demoSession(server);
    const home = await (await fetch(`${server.url}/`, { headers: { cookie } })).text();
    const projectUuid = /\/projects\/([0-9a-f-]{36})/.exec(home)?.[1];
    assert.ok(projectUuid);
    const stream = await fetch(`${server.url}/api/projects/${projectUuid}/events`, { headers: { cookie } });
    assert.equal(stream.status, 200);
    const reader = stream.body!.getReader();
    const streamEnded = (async () => {
      for (;;) if ((await reader.read()).done) return;
    })().catch(() => undefined);

    const sql = postgres(database.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    const sessionUuid = Buffer.from(sessionId, 'base64url').toString().split(':')[1];
    let releaseLock = () => {};
    const holding = sql.begin(async (tx) => {
      await tx`select id from sessions where id = ${sessionUuid} for update`;
      await new Promise<void>((resolve) => (releaseLock = resolve));
    });
    await new Promise((resolve) => setTimeout(resolve, 100));

    const inFlight = Array.from({ length: 5 }, (_, index) =>
      graphql(server.url, cookie, SEND, { id: sessionId, content: `fade in the intro over ${index + 1} seconds` }),
    );
    await new Promise((resolve) => setTimeout(resolve, 700));
    server.process.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(server.process.exitCode, null, 'still draining while requests are in flight');
    releaseLock();
    await holding;
    await sql.end();

    const results = await Promise.all(inFlight);
    for (const result of results) assert.equal(result.errors, undefined, JSON.stringify(result.errors));
    assert.equal(await server.exited, 143);
    await streamEnded;
  });
});
