import { sql } from 'drizzle-orm';
import { getDb, selectRows } from '@/db/client';
import { startSession } from '@/db/sessions';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';
import { putDatabaseBehindProxy } from '@/testing/databaseBehindProxy';
import { startedForAllTests } from '@/testing/lifecycle';
import { toGlobalId } from '../ids';
import { ApiClient, codes, sessionCookie, startApiServer, type GraphQLResult } from './support/api';

/**
 * The database goes away mid-load and comes back: requests fail fast with SERVICE_UNAVAILABLE,
 * the app recovers without a restart, and no instruction is left half-written. Needs a real
 * Postgres server to put a proxy in front of; the embedded database has no network to cut.
 */
setUpTestDatabase();
const onRealPostgres = process.env.DATABASE_URL ? describe : describe.skip;

const SEND = `mutation($id: ID!, $content: String!, $clientMessageId: String) {
  sendMessage(input: { sessionId: $id, content: $content, clientMessageId: $clientMessageId }) { reply { content } }
}`;

/**
 * For the tests of the calling describe: an API server whose database is reached through a proxy
 * the test can cut, pause and restore, with `env` set for it, and a viewer with a session to
 * instruct. All of it is undone after them.
 */
function setUpBehindCuttableProxy(env: Record<string, string>) {
  return startedForAllTests(async () => {
    const database = await putDatabaseBehindProxy();
    Object.assign(process.env, env);
    const server = await startApiServer();
    const { user, project } = await makeUserWithProject();
    const sessionId = toGlobalId('Session', (await startSession(user.id, project.id)).id);
    const client = new ApiClient(server.url).as(await sessionCookie(user));
    async function close() {
      await server.close();
      await database.close();
      for (const name of Object.keys(env)) delete process.env[name];
    }
    return { proxy: database.proxy, client, sessionId, close };
  });
}

onRealPostgres('when the database becomes unreachable', () => {
  const setup = setUpBehindCuttableProxy({ DATABASE_CONNECT_TIMEOUT_S: '2' });

  it('fails fast with SERVICE_UNAVAILABLE, recovers without a restart, and leaves no half-written instruction', async () => {
    const { proxy, client, sessionId } = setup();
    expect(codes(await client.request(SEND, { id: sessionId, content: 'make the intro a bit longer' }))).toEqual([]);

    // A burst of instructions with the database cut in the middle of it.
    const burst = Array.from({ length: 20 }, (_, index) =>
      client.request(SEND, { id: sessionId, content: `make the intro ${index + 1} seconds longer`, clientMessageId: `burst-${index}` }),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    await proxy.cut();
    const started = Date.now();
    const results: GraphQLResult<unknown>[] = await Promise.all(burst);
    for (const result of results) {
      expect([[], ['SERVICE_UNAVAILABLE']]).toContainEqual(codes(result));
    }

    const whileDown = await client.request(SEND, { id: sessionId, content: 'mute the intro' });
    expect(codes(whileDown)).toEqual(['SERVICE_UNAVAILABLE']);
    // Nothing waits for the database to come back: the whole burst settled within seconds.
    expect(Date.now() - started).toBeLessThan(5_000);

    await proxy.restore();
    expect(codes(await client.request(SEND, { id: sessionId, content: 'unmute the intro' }))).toEqual([]);

    const [orphans] = await selectRows<{ unanswered: number; edits_without_message: number; gaps: number }>(
      getDb(),
      sql`select
        (select count(*)::int from messages m where m.role = 'user'
           and not exists (select 1 from messages r where r.reply_to_id = m.id)) as unanswered,
        (select count(*)::int from edits e where e.message_id is null
           or not exists (select 1 from messages m where m.id = e.message_id)) as edits_without_message,
        (select count(*)::int from sessions s where s.message_count <> (select count(*) from messages m where m.session_id = s.id)) as gaps`,
    );
    expect(orphans).toEqual({ unanswered: 0, edits_without_message: 0, gaps: 0 });
  });
});

onRealPostgres('when the network to the database goes silent', () => {
  const setup = setUpBehindCuttableProxy({ DATABASE_STATEMENT_TIMEOUT_MS: '2000' });

  beforeAll(async () => {
    const { client, sessionId } = setup();
    expect(codes(await client.request(SEND, { id: sessionId, content: 'make the intro a bit longer', clientMessageId: 'before' }))).toEqual([]);
  });

  it('answers HTTP 503 SERVICE_UNAVAILABLE with Retry-After within the client timeout, readiness 503, and recovers', async () => {
    const { proxy, client, sessionId } = setup();
    proxy.pause();
    const started = Date.now();
    const [send, read, ready] = await Promise.all([
      client.request(SEND, { id: sessionId, content: 'mute the intro', clientMessageId: 'while-silent' }),
      client.request('{ viewer { projects(first: 1) { edges { node { name } } } } }'),
      readiness(),
    ]);
    const waited = Date.now() - started;
    expect(codes(send)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(send.status).toBe(503);
    expect(codes(read)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(read.status).toBe(503);
    expect(ready).toBe(503);
    // Statement timeout 2 s, so the client gives up after 3 s: well before TCP would.
    expect(waited).toBeLessThan(6_000);

    proxy.resume();
    // The retry with the same clientMessageId completes it exactly once.
    const retried = await client.request(SEND, { id: sessionId, content: 'mute the intro', clientMessageId: 'while-silent' });
    expect(codes(retried)).toEqual([]);
    const [row] = await selectRows<{ count: number }>(getDb(), sql`select count(*)::int as count from messages where client_message_id = 'while-silent'`);
    expect(row.count).toBe(1);
  });
});

async function readiness(): Promise<number> {
  const { GET } = await import('@/app/api/health/ready/route');
  return (await GET()).status;
}
