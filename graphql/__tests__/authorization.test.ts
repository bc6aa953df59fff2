import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildSchema } from 'graphql';
import { getDb, selectRows } from '@/db/client';
import { useTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';
import { toGlobalId } from '../ids';
import { ApiClient, codes, sessionCookie, startApiServer, type ApiServer } from './support/api';

/**
 * The authorization suite, driven by the schema: every root field must have an entry below
 * (a new field without one fails the first test). Each is called by Bob with Alice's ids and
 * by an anonymous client; every call is refused and Alice's data is left exactly as it was.
 */
useTestDatabase();

type Ids = { project: string; session: string; message: string; edit: string; accessToken: string; user: string };
interface Attack {
  query: string;
  /** Variables carrying Alice's ids; null when the field takes no id (only the anonymous call applies). */
  withAliceIds: ((ids: Ids) => Record<string, unknown>) | null;
}

const ROOT_FIELDS: Record<'Query' | 'Mutation', Record<string, Attack>> = {
  Query: {
    viewer: { query: '{ viewer { id email } }', withAliceIds: null },
    node: {
      query: 'query($id: ID!) { node(id: $id) { id } }',
      withAliceIds: (ids) => ({ id: ids.project }),
    },
    nodes: {
      query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      withAliceIds: (ids) => ({ ids: [ids.project, ids.session, ids.message, ids.edit, ids.accessToken, ids.user] }),
    },
    project: {
      query: 'query($id: ID!) { project(id: $id) { id name sessions(first: 5) { edges { node { id title } } } } }',
      withAliceIds: (ids) => ({ id: ids.project }),
    },
    previewTimelineRestore: {
      query: 'query($id: ID!) { previewTimelineRestore(messageId: $id) { summary basis } }',
      withAliceIds: (ids) => ({ id: ids.message }),
    },
  },
  Mutation: {
    createProject: { query: 'mutation { createProject(input: { name: "Mine" }) { project { id } } }', withAliceIds: null },
    renameProject: {
      query: 'mutation($id: ID!) { renameProject(input: { projectId: $id, name: "Taken" }) { project { id } } }',
      withAliceIds: (ids) => ({ id: ids.project }),
    },
    startSession: {
      query: 'mutation($id: ID!) { startSession(input: { projectId: $id }) { session { id } } }',
      withAliceIds: (ids) => ({ id: ids.project }),
    },
    restoreSession: {
      query: 'mutation($id: ID!) { restoreSession(input: { sessionId: $id }) { session { id } } }',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    sendMessage: {
      query: 'mutation($id: ID!) { sendMessage(input: { sessionId: $id, content: "delete the intro" }) { reply { content } } }',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    stopGeneration: {
      query: 'mutation($id: ID!) { stopGeneration(input: { messageId: $id }) { message { id status } } }',
      withAliceIds: (ids) => ({ id: ids.message }),
    },
    retryMessage: {
      query: 'mutation($id: ID!) { retryMessage(input: { messageId: $id }) { reply { content } } }',
      withAliceIds: (ids) => ({ id: ids.message }),
    },
    compactSession: {
      query: 'mutation($id: ID!) { compactSession(input: { sessionId: $id }) { session { id summary } foldedMessageCount } }',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    renameSession: {
      query: 'mutation($id: ID!) { renameSession(input: { sessionId: $id, title: "Taken" }) { session { id } } }',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    deleteSession: {
      query: 'mutation($id: ID!) { deleteSession(input: { sessionId: $id }) { deletedSessionId } }',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    pinSession: {
      query: 'mutation($id: ID!) { pinSession(input: { sessionId: $id }) { session { id } } }',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    unpinSession: {
      query: 'mutation($id: ID!) { unpinSession(input: { sessionId: $id }) { session { id } } }',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    archiveSession: {
      query: 'mutation($id: ID!) { archiveSession(input: { sessionId: $id }) { session { id } } }',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    unarchiveSession: {
      query: 'mutation($id: ID!) { unarchiveSession(input: { sessionId: $id }) { session { id } } }',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    createAccessToken: { query: 'mutation { createAccessToken(input: { name: "Mine" }) { token } }', withAliceIds: null },
    revokeAccessToken: {
      query: 'mutation($id: ID!) { revokeAccessToken(input: { accessTokenId: $id }) { accessToken { id } } }',
      withAliceIds: (ids) => ({ id: ids.accessToken }),
    },
    restoreTimeline: {
      query: 'mutation($id: ID!) { restoreTimeline(input: { messageId: $id }) { edit { id } } }',
      withAliceIds: (ids) => ({ id: ids.message }),
    },
    forkSession: {
      query: 'mutation($id: ID!) { forkSession(input: { messageId: $id }) { session { id } } }',
      withAliceIds: (ids) => ({ id: ids.message }),
    },
  },
};

const schema = buildSchema(fs.readFileSync(path.join(process.cwd(), 'graphql', 'schema.graphql'), 'utf8'));

let server: ApiServer;
let anonymous: ApiClient;
let bob: ApiClient;
let aliceId: string;
const aliceIds: Ids = { project: '', session: '', message: '', edit: '', accessToken: '', user: '' };

/** A digest of every row Alice owns, directly or through her projects. */
async function aliceChecksum(): Promise<string> {
  const [row] = await selectRows<{ digest: string }>(
    getDb(),
    sql`select md5(concat_ws('|',
      (select string_agg(row_to_json(p)::text, ',' order by p.id) from projects p where p.owner_id = ${aliceId}),
      (select string_agg(row_to_json(c)::text, ',' order by c.id) from clips c join projects p on p.id = c.project_id where p.owner_id = ${aliceId}),
      (select string_agg(row_to_json(s)::text, ',' order by s.id) from sessions s join projects p on p.id = s.project_id where p.owner_id = ${aliceId}),
      (select string_agg(row_to_json(m)::text, ',' order by m.id) from messages m join sessions s on s.id = m.session_id join projects p on p.id = s.project_id where p.owner_id = ${aliceId}),
      (select string_agg(row_to_json(e)::text, ',' order by e.id) from edits e join projects p on p.id = e.project_id where p.owner_id = ${aliceId}),
      (select string_agg(row_to_json(h)::text, ',' order by h.seq) from timeline_steps h join projects p on p.id = h.project_id where p.owner_id = ${aliceId}),
      (select string_agg(row_to_json(t)::text, ',' order by t.id) from access_tokens t where t.user_id = ${aliceId}),
      (select string_agg(row_to_json(cs)::text, ',' order by cs.project_id) from current_sessions cs where cs.user_id = ${aliceId})
    )) as digest`,
  );
  return row.digest;
}

beforeAll(async () => {
  server = await startApiServer();
  anonymous = new ApiClient(server.url);
  const { user: alice, project } = await makeUserWithProject();
  const { user: bobUser } = await makeUserWithProject();
  aliceId = alice.id;
  const asAlice = anonymous.as(await sessionCookie(alice));
  bob = anonymous.as(await sessionCookie(bobUser));

  const projectId = toGlobalId('Project', project.id);
  const started = await asAlice.data<{ startSession: { session: { id: string } } }, unknown>(
    'mutation($id: ID!) { startSession(input: { projectId: $id }) { session { id } } }',
    { id: projectId },
  );
  const sent = await asAlice.data<{ sendMessage: { userMessage: { id: string }; edits: { id: string }[] } }, unknown>(
    'mutation($id: ID!) { sendMessage(input: { sessionId: $id, content: "make the outro a bit longer" }) { userMessage { id } edits { id } } }',
    { id: started.startSession.session.id },
  );
  const token = await asAlice.data<{ createAccessToken: { accessToken: { id: string } } }, unknown>(
    'mutation { createAccessToken(input: { name: "Alice CLI" }) { accessToken { id } } }',
  );
  Object.assign(aliceIds, {
    project: projectId,
    session: started.startSession.session.id,
    message: sent.sendMessage.userMessage.id,
    edit: sent.sendMessage.edits[0].id,
    accessToken: token.createAccessToken.accessToken.id,
    user: toGlobalId('User', alice.id),
  });
});

afterAll(() => server.close());

describe('the authorization suite', () => {
  it('covers every root field of the schema', () => {
    expect(Object.keys(ROOT_FIELDS.Query).sort()).toEqual(Object.keys(schema.getQueryType()!.getFields()).sort());
    expect(Object.keys(ROOT_FIELDS.Mutation).sort()).toEqual(Object.keys(schema.getMutationType()!.getFields()).sort());
  });

  const attacks = (['Query', 'Mutation'] as const).flatMap((typeName) =>
    Object.entries(ROOT_FIELDS[typeName]).map(([field, attack]) => [`${typeName}.${field}`, attack] as const),
  );

  it.each(attacks)('%s as an anonymous client is UNAUTHENTICATED and changes nothing', async (_name, attack) => {
    const before = await aliceChecksum();
    const result = await anonymous.request(attack.query, attack.withAliceIds?.(aliceIds) ?? {});
    expect(new Set(codes(result))).toEqual(new Set(['UNAUTHENTICATED']));
    expect(await aliceChecksum()).toBe(before);
  });

  it.each(attacks.filter(([, attack]) => attack.withAliceIds !== null))(
    '%s by another user with Alice’s ids is NOT_FOUND and changes nothing',
    async (_name, attack) => {
      const before = await aliceChecksum();
      const result = await bob.request(attack.query, attack.withAliceIds!(aliceIds));
      expect(codes(result).length).toBeGreaterThan(0);
      expect(new Set(codes(result))).toEqual(new Set(['NOT_FOUND']));
      expect(await aliceChecksum()).toBe(before);
    },
  );

  it('node() refuses each kind of Alice’s object to Bob alike', async () => {
    for (const id of Object.values(aliceIds)) {
      const result = await bob.request('query($id: ID!) { node(id: $id) { id } }', { id });
      expect(codes(result)).toEqual(['NOT_FOUND']);
      expect((result.data as { node: unknown } | null)?.node ?? null).toBeNull();
    }
  });
});
