import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildSchema } from 'graphql';
import { getDb, selectRows } from '@/db/client';
import { setUpTestDatabase } from '@/testing/database';
import type { TokenScope } from '@/lib/auth/tokenScopes';
import { makeProject, makeUserWithProject } from '@/testing/factories';
import { toGlobalId } from '../ids';
import type { User } from '@/db/schema';
import { ApiClient, codes, sessionCookie, setUpApiServer, tokenFor } from './support/api';

/**
 * The authorization suite, driven by the schema: every root field must have an entry below
 * (a new field without one fails the first test). Each is called by Bob with Alice's ids and
 * by an anonymous client; every call is refused and Alice's data is left exactly as it was.
 */
setUpTestDatabase();

type Ids = { project: string; session: string; message: string; edit: string; accessToken: string; user: string };
interface Attack {
  query: string;
  /** The token scope the field needs (TokenScope). */
  scope: TokenScope;
  /** Variables carrying Alice's ids; null when the field takes no id (only the anonymous call applies). */
  withAliceIds: ((ids: Ids) => Record<string, unknown>) | null;
}

const ROOT_FIELDS: Record<'Query' | 'Mutation', Record<string, Attack>> = {
  Query: {
    viewer: { query: '{ viewer { id email } }', scope: 'READ', withAliceIds: null },
    node: {
      query: 'query($id: ID!) { node(id: $id) { id } }',
      scope: 'READ',
      withAliceIds: (ids) => ({ id: ids.project }),
    },
    nodes: {
      query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      scope: 'READ',
      withAliceIds: (ids) => ({ ids: [ids.project, ids.session, ids.message, ids.edit, ids.accessToken, ids.user] }),
    },
    project: {
      query: 'query($id: ID!) { project(id: $id) { id name sessions(first: 5) { edges { node { id title } } } } }',
      scope: 'READ',
      withAliceIds: (ids) => ({ id: ids.project }),
    },
    previewTimelineRestore: {
      query: 'query($id: ID!) { previewTimelineRestore(messageId: $id) { summary basis } }',
      scope: 'READ',
      withAliceIds: (ids) => ({ id: ids.message }),
    },
  },
  Mutation: {
    createProject: { query: 'mutation { createProject(input: { name: "Mine" }) { project { id } } }', scope: 'WRITE', withAliceIds: null },
    renameProject: {
      query: 'mutation($id: ID!) { renameProject(input: { projectId: $id, name: "Taken" }) { project { id } } }',
      scope: 'WRITE',
      withAliceIds: (ids) => ({ id: ids.project }),
    },
    startSession: {
      query: 'mutation($id: ID!) { startSession(input: { projectId: $id }) { session { id } } }',
      scope: 'WRITE',
      withAliceIds: (ids) => ({ id: ids.project }),
    },
    restoreSession: {
      query: 'mutation($id: ID!) { restoreSession(input: { sessionId: $id }) { session { id } } }',
      scope: 'WRITE',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    sendMessage: {
      query: 'mutation($id: ID!) { sendMessage(input: { sessionId: $id, content: "delete the intro" }) { reply { content } } }',
      scope: 'WRITE',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    stopGeneration: {
      query: 'mutation($id: ID!) { stopGeneration(input: { messageId: $id }) { message { id status } } }',
      scope: 'WRITE',
      withAliceIds: (ids) => ({ id: ids.message }),
    },
    retryMessage: {
      query: 'mutation($id: ID!) { retryMessage(input: { messageId: $id }) { reply { content } } }',
      scope: 'WRITE',
      withAliceIds: (ids) => ({ id: ids.message }),
    },
    compactSession: {
      query: 'mutation($id: ID!) { compactSession(input: { sessionId: $id }) { session { id summary } foldedMessageCount } }',
      scope: 'WRITE',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    renameSession: {
      query: 'mutation($id: ID!) { renameSession(input: { sessionId: $id, title: "Taken" }) { session { id } } }',
      scope: 'WRITE',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    deleteSession: {
      query: 'mutation($id: ID!) { deleteSession(input: { sessionId: $id }) { deletedSessionId } }',
      scope: 'WRITE',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    pinSession: {
      query: 'mutation($id: ID!) { pinSession(input: { sessionId: $id }) { session { id } } }',
      scope: 'WRITE',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    unpinSession: {
      query: 'mutation($id: ID!) { unpinSession(input: { sessionId: $id }) { session { id } } }',
      scope: 'WRITE',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    archiveSession: {
      query: 'mutation($id: ID!) { archiveSession(input: { sessionId: $id }) { session { id } } }',
      scope: 'WRITE',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    unarchiveSession: {
      query: 'mutation($id: ID!) { unarchiveSession(input: { sessionId: $id }) { session { id } } }',
      scope: 'WRITE',
      withAliceIds: (ids) => ({ id: ids.session }),
    },
    createAccessToken: { query: 'mutation { createAccessToken(input: { name: "Mine", scopes: [READ] }) { token } }', scope: 'ADMIN', withAliceIds: null },
    revokeAccessToken: {
      query: 'mutation($id: ID!) { revokeAccessToken(input: { accessTokenId: $id }) { accessToken { id } } }',
      scope: 'ADMIN',
      withAliceIds: (ids) => ({ id: ids.accessToken }),
    },
    restoreTimeline: {
      query: 'mutation($id: ID!) { restoreTimeline(input: { messageId: $id }) { edit { id } } }',
      scope: 'WRITE',
      withAliceIds: (ids) => ({ id: ids.message }),
    },
    forkSession: {
      query: 'mutation($id: ID!) { forkSession(input: { messageId: $id }) { session { id } } }',
      scope: 'WRITE',
      withAliceIds: (ids) => ({ id: ids.message }),
    },
  },
};

const schema = buildSchema(fs.readFileSync(path.join(process.cwd(), 'graphql', 'schema.graphql'), 'utf8'));

const server = setUpApiServer();
let anonymous: ApiClient;
let bob: ApiClient;
let aliceId: string;
let alice: User;
/** Alice's second project: a token limited to it must reach nothing of her first. */
let aliceOtherProject: string;
const aliceIds: Ids = { project: '', session: '', message: '', edit: '', accessToken: '', user: '' };

/** A digest of every row Alice owns, directly or through her projects (but when a token of hers was last used). */
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
      (select string_agg((to_jsonb(t) - 'last_used_at')::text, ',' order by t.id) from access_tokens t where t.user_id = ${aliceId}),
      (select string_agg(row_to_json(cs)::text, ',' order by cs.project_id) from current_sessions cs where cs.user_id = ${aliceId})
    )) as digest`,
  );
  return row.digest;
}

beforeAll(async () => {
  anonymous = new ApiClient(server().url);
  const made = await makeUserWithProject();
  const project = made.project;
  alice = made.user;
  aliceOtherProject = (await makeProject(alice.id, 'Other')).id;
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
    'mutation { createAccessToken(input: { name: "Alice CLI", scopes: [ADMIN] }) { accessToken { id } } }',
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

  /** What a scope test sends: `nodes` without the token's id, which only ADMIN may read. */
  const scopeVariables = (field: string, attack: Attack) =>
    field === 'Query.nodes'
      ? { ids: [aliceIds.project, aliceIds.session, aliceIds.message, aliceIds.edit, aliceIds.user] }
      : (attack.withAliceIds?.(aliceIds) ?? {});
  const SCOPE_SHORT_OF: Record<TokenScope, TokenScope | null> = { READ: null, WRITE: 'READ', ADMIN: 'WRITE' };

  it.each(attacks.filter(([, attack]) => SCOPE_SHORT_OF[attack.scope] !== null))(
    '%s with Alice’s own token one scope short is FORBIDDEN naming the scope, and changes nothing',
    async (name, attack) => {
      const client = anonymous.as(await tokenFor(alice, 'Short', { scope: SCOPE_SHORT_OF[attack.scope]! }));
      const before = await aliceChecksum();
      const result = await client.request(attack.query, scopeVariables(name, attack));
      expect(codes(result)).toEqual(['FORBIDDEN']);
      expect(result.errors?.[0].extensions?.requiredScope).toBe(attack.scope);
      expect(await aliceChecksum()).toBe(before);
    },
  );

  it.each(attacks.filter(([, attack]) => attack.scope === 'READ'))('%s works with Alice’s READ token', async (name, attack) => {
    const client = anonymous.as(await tokenFor(alice, 'Reader', { scope: 'READ' }));
    const result = await client.request(attack.query, scopeVariables(name, attack));
    expect(codes(result)).not.toContain('FORBIDDEN');
    expect(codes(result)).not.toContain('NOT_FOUND');
  });

  /** The fields that name something inside a project; a token's own kind (AccessToken) is not project-bound. */
  const projectBound = attacks.filter(([name, attack]) => attack.withAliceIds !== null && name !== 'Mutation.revokeAccessToken');

  it.each(projectBound)('%s with Alice’s token limited to her other project is NOT_FOUND and changes nothing', async (name, attack) => {
    const client = anonymous.as(await tokenFor(alice, 'Limited', { scope: 'ADMIN', projectIds: [aliceOtherProject] }));
    const before = await aliceChecksum();
    const variables = name === 'Query.nodes' ? { ids: [aliceIds.project, aliceIds.session, aliceIds.message, aliceIds.edit] } : attack.withAliceIds!(aliceIds);
    const result = await client.request(attack.query, variables);
    expect(codes(result).length).toBeGreaterThan(0);
    expect(new Set(codes(result))).toEqual(new Set(['NOT_FOUND']));
    expect(await aliceChecksum()).toBe(before);
  });

  it('a project-limited token lists only its projects and cannot create one', async () => {
    const client = anonymous.as(await tokenFor(alice, 'Limited', { scope: 'ADMIN', projectIds: [aliceOtherProject] }));
    const listed = await client.data<{ viewer: { projects: { totalCount: number; edges: { node: { id: string } }[] } } }, unknown>(
      '{ viewer { projects(first: 10) { totalCount edges { node { id } } } } }',
    );
    expect(listed.viewer.projects.edges.map((edge) => edge.node.id)).toEqual([toGlobalId('Project', aliceOtherProject)]);
    expect(listed.viewer.projects.totalCount).toBe(1);
    const before = await aliceChecksum();
    const created = await client.request('mutation { createProject(input: { name: "Outside" }) { project { id } } }');
    expect(codes(created)).toEqual(['FORBIDDEN']);
    expect(await aliceChecksum()).toBe(before);
  });

  it('an expired token authenticates nobody, like a revoked one', async () => {
    const client = anonymous.as(await tokenFor(alice, 'Expired', { expiresAt: new Date(Date.now() - 1000) }));
    const result = await client.request('{ viewer { id } }');
    expect(result.status).toBe(401);
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
  });
});
