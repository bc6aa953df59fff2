import { randomUUID } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import { listAccessTokens } from '@/db/accessTokens';
import { appendMessage } from '@/db/messages';
import type { Project, User } from '@/db/schema';
import { createSession } from '@/db/sessions';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';
import {
  CreateAccessTokenDocument,
  DeleteSessionDocument,
  ProjectDocument,
  ProjectSessionsDocument,
  RenameProjectDocument,
  RenameSessionDocument,
  RestoreSessionDocument,
  RevokeAccessTokenDocument,
  SendMessageDocument,
  SessionMessagesDocument,
  StartSessionDocument,
  ViewerDocument,
  ViewerProjectsDocument,
} from '../__generated__/client/graphql';
import { nodeTypeOf } from '../access';
import { toGlobalId } from '../ids';
import { ApiClient, codes, sessionCookie, setUpApiServer, tokenFor, type GraphQLResult } from './support/api';

setUpTestDatabase();

const server = setUpApiServer();
let anonymous: ApiClient;
let alice: ApiClient;
let bob: ApiClient;
let aliceUser: User;
let aliceProject: Project;
/** Global ids of Alice's objects that Bob tries to reach. */
const of = { project: '', session: '', message: '', edit: '', accessToken: '', user: '' };

beforeAll(async () => {
  anonymous = new ApiClient(server().url);
  ({ user: aliceUser, project: aliceProject } = await makeUserWithProject());
  const { user: bobUser } = await makeUserWithProject();
  alice = anonymous.as(await sessionCookie(aliceUser));
  bob = anonymous.as(await sessionCookie(bobUser));

  const session = (await alice.data(StartSessionDocument, { input: { projectId: toGlobalId('Project', aliceProject.id) } })).startSession?.session;
  const sent = (await alice.data(SendMessageDocument, { input: { sessionId: session?.id ?? '', content: 'make the outro a bit longer' } })).sendMessage;
  const token = (await alice.data(CreateAccessTokenDocument, { input: { name: 'Alice CLI', scopes: ['ADMIN'] } })).createAccessToken;
  Object.assign(of, {
    project: toGlobalId('Project', aliceProject.id),
    session: session?.id,
    message: sent?.userMessage.id,
    edit: sent?.edits[0].id,
    accessToken: token?.accessToken.id,
    user: toGlobalId('User', aliceUser.id),
  });
});

describe('another user’s data is NOT_FOUND, exactly like missing data', () => {
  it.each(['project', 'session', 'message', 'edit', 'accessToken', 'user'] as const)('node(id:) of Alice’s %s', async (kind) => {
    const result = await bob.request('query($id: ID!) { node(id: $id) { id } }', { id: of[kind] });
    expect(codes(result)).toEqual(['NOT_FOUND']);
    expect(result.data).toEqual({ node: null });
    const own = await alice.request('query($id: ID!) { node(id: $id) { id } }', { id: of[kind] });
    expect(own.data).toEqual({ node: { id: of[kind] } });
  });

  it('nodes(ids:) answers each of Alice’s ids with null and NOT_FOUND', async () => {
    const ids = [of.project, of.session, of.message];
    const result = await bob.request('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(result.data).toEqual({ nodes: [null, null, null] });
    expect(codes(result)).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND']);
    const own = await alice.request('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(own.data).toEqual({ nodes: ids.map((id) => ({ id })) });
  });

  it('gives the same answer for Alice’s project as for one that never existed', async () => {
    const foreign = await bob.request(ProjectDocument, { id: of.project });
    const missingId = toGlobalId('Project', randomUUID());
    const missing = await bob.request(ProjectDocument, { id: missingId });
    expect(codes(foreign)).toEqual(['NOT_FOUND']);
    expect(foreign.errors?.[0].message.replace(of.project, 'ID')).toBe(missing.errors?.[0].message.replace(missingId, 'ID'));
    expect(foreign.status).toBe(missing.status);
  });

  it.each<[string, () => Promise<GraphQLResult<unknown>>]>([
    ['project(id:)', () => bob.request(ProjectDocument, { id: of.project })],
    ['Project.sessions', () => bob.request(ProjectSessionsDocument, { projectId: of.project })],
    ['Session.messages', () => bob.request(SessionMessagesDocument, { sessionId: of.session })],
  ])('%s', async (_label, attempt) => {
    expect(codes(await attempt())).toEqual(['NOT_FOUND']);
  });

  it.each<[string, () => Promise<GraphQLResult<unknown>>]>([
    ['renameProject', () => bob.request(RenameProjectDocument, { input: { projectId: of.project, name: 'Mine now' } })],
    ['startSession', () => bob.request(StartSessionDocument, { input: { projectId: of.project } })],
    ['restoreSession', () => bob.request(RestoreSessionDocument, { input: { sessionId: of.session } })],
    ['sendMessage', () => bob.request(SendMessageDocument, { input: { sessionId: of.session, content: 'delete the outro' } })],
    ['renameSession', () => bob.request(RenameSessionDocument, { input: { sessionId: of.session, title: 'Hijacked' } })],
    ['deleteSession', () => bob.request(DeleteSessionDocument, { input: { sessionId: of.session } })],
    ['revokeAccessToken', () => bob.request(RevokeAccessTokenDocument, { input: { accessTokenId: of.accessToken } })],
  ])('mutation %s', async (_label, attempt) => {
    expect(codes(await attempt())).toEqual(['NOT_FOUND']);
  });

  it('node(id:) answers every type as what it is', async () => {
    const ids = [of.project, of.session, of.message, of.edit, of.accessToken, of.user];
    const result = await alice.request<{ nodes: ({ __typename: string; id: string } | null)[] }, { ids: string[] }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }',
      { ids },
    );
    expect(result.data?.nodes.map((node) => node?.__typename)).toEqual(['Project', 'Session', 'Message', 'Edit', 'AccessToken', 'User']);
    expect(result.data?.nodes.map((node) => node?.id)).toEqual(ids);
  });

  it('never guesses a Node’s type: a row not read through node/nodes is a bug, not a fallback', () => {
    // A project row has no type tag; shape-based guessing could call it anything with a name.
    expect(() => nodeTypeOf({ ...aliceProject })).toThrow(/without going through requireNode/);
  });

  it('left Alice’s data untouched', async () => {
    const project = await alice.data(ProjectDocument, { id: of.project });
    expect(project.project?.name).toBe(aliceProject.name);
    expect(project.project?.currentSession?.id).toBe(of.session);
    const session = await alice.data(SessionMessagesDocument, { sessionId: of.session });
    if (session.node?.__typename !== 'Session') throw new Error('not a session');
    expect(session.node).toMatchObject({ title: 'Outro +2 s', titleSource: 'EDITS', messageCount: 2 });
    const tokens = await listAccessTokens(aliceUser.id);
    expect(tokens.every((token) => token.revokedAt === null)).toBe(true);
  });

  it('does not list Alice’s projects or sessions to Bob', async () => {
    const projects = await bob.data(ViewerProjectsDocument, {});
    expect(projects.viewer.projects.edges.map((edge) => edge.node.id)).not.toContain(of.project);
    expect(projects.viewer.projects.totalCount).toBe(1);
  });
});

describe('anonymous requests are UNAUTHENTICATED', () => {
  it.each([
    ['viewer', '{ viewer { id } }'],
    ['node', `{ node(id: "${toGlobalId('Project', randomUUID())}") { id } }`],
    ['nodes', `{ nodes(ids: ["x"]) { id } }`],
    ['project', `{ project(id: "x") { id } }`],
    ['createProject', 'mutation { createProject(input: { name: "x" }) { project { id } } }'],
    ['renameProject', 'mutation { renameProject(input: { projectId: "x", name: "y" }) { project { id } } }'],
    ['startSession', 'mutation { startSession(input: { projectId: "x" }) { session { id } } }'],
    ['restoreSession', 'mutation { restoreSession(input: { sessionId: "x" }) { session { id } } }'],
    ['sendMessage', 'mutation { sendMessage(input: { sessionId: "x", content: "hi" }) { reply { id } } }'],
    ['renameSession', 'mutation { renameSession(input: { sessionId: "x", title: "y" }) { session { id } } }'],
    ['deleteSession', 'mutation { deleteSession(input: { sessionId: "x" }) { deletedSessionId } }'],
    ['createAccessToken', 'mutation { createAccessToken(input: { name: "x", scopes: [READ] }) { token } }'],
    ['revokeAccessToken', 'mutation { revokeAccessToken(input: { accessTokenId: "x" }) { accessToken { id } } }'],
  ])('%s', async (_label, query) => {
    const result = await anonymous.request(query);
    expect(result.status).toBe(401);
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('personal access tokens', () => {
  it('authenticate as their user and record when they were last used', async () => {
    const { token } = await tokenFor(aliceUser, 'Used now');
    const data = await anonymous.as({ token }).data(ViewerDocument, {});
    expect(data.viewer).toEqual({ id: of.user, email: aliceUser.email, name: aliceUser.name });
    const used = (await listAccessTokens(aliceUser.id)).find((row) => row.name === 'Used now');
    expect(used?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('can do what the UI does: list sessions, start, restore and continue one', async () => {
    const client = anonymous.as(await tokenFor(aliceUser));
    const projectId = of.project;
    const list = await client.data(ProjectSessionsDocument, { projectId, first: 20 });
    expect(list.project?.sessions.edges.map((edge) => edge.node.id)).toContain(of.session);
    const started = await client.data(StartSessionDocument, { input: { projectId } });
    expect(started.startSession?.session.isCurrent).toBe(true);
    const restored = await client.data(RestoreSessionDocument, { input: { sessionId: of.session } });
    expect(restored.restoreSession?.session.messages.totalCount).toBe(2);
    const continued = await client.data(SendMessageDocument, { input: { sessionId: of.session, content: 'undo that' } });
    expect(continued.sendMessage?.edits.map((edit) => edit.id)).toEqual([of.edit]);
  });

  it.each([
    [
      'a revoked token',
      async () => {
        const { token } = await tokenFor(aliceUser, 'Soon revoked');
        const row = (await listAccessTokens(aliceUser.id)).find((item) => item.name === 'Soon revoked');
        await alice.data(RevokeAccessTokenDocument, { input: { accessTokenId: toGlobalId('AccessToken', row?.id ?? '') } });
        return `Bearer ${token}`;
      },
    ],
    ['an unknown token', () => Promise.resolve(`Bearer cds_${'A'.repeat(40)}`)],
    ['a malformed token', () => Promise.resolve('Bearer not-a-token')],
    ['an empty bearer', () => Promise.resolve('Bearer')],
    ['another scheme', () => Promise.resolve('Basic YWxpY2U6c2VjcmV0')],
  ])('refuse %s with 401 UNAUTHENTICATED', async (_label, authorization) => {
    const result = await anonymous.as({ authorization: await authorization() }).request(ViewerDocument, {});
    expect(result.status).toBe(401);
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
    expect(result.data).toBeUndefined();
  });

  it('do not fall back to the session cookie when the token is bad', async () => {
    const result = await alice.request(ViewerDocument, {}, { authorization: 'Bearer cds_bad' });
    expect(result.status).toBe(401);
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('the session cookie', () => {
  it('authenticates the web app user', async () => {
    const data = await alice.data(ViewerDocument, {});
    expect(data.viewer.id).toBe(of.user);
  });

  it('is ignored when it was not signed with our secret', async () => {
    const forged = await encode({ token: { sub: aliceUser.id }, secret: 'someone else’s secret' });
    const result = await anonymous.as({ cookie: `next-auth.session-token=${forged}` }).request(ViewerDocument, {});
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
  });

  it('is read under the name next-auth sets (the __Secure- one when served over https) and from chunks', async () => {
    const { cookie } = await sessionCookie(aliceUser);
    const jwt = cookie.split('=')[1];
    const secureCookie = { cookie: `__Secure-next-auth.session-token=${jwt}` };
    expect(codes(await anonymous.as(secureCookie).request(ViewerDocument, {}))).toEqual(['UNAUTHENTICATED']);
    const configured = process.env.NEXTAUTH_URL;
    process.env.NEXTAUTH_URL = 'https://codirector.example';
    try {
      expect((await anonymous.as(secureCookie).data(ViewerDocument, {})).viewer.id).toBe(of.user);
    } finally {
      if (configured === undefined) delete process.env.NEXTAUTH_URL;
      else process.env.NEXTAUTH_URL = configured;
    }
    const middle = Math.floor(jwt.length / 2);
    const chunked = `next-auth.session-token.0=${jwt.slice(0, middle)}; next-auth.session-token.1=${jwt.slice(middle)}`;
    expect((await anonymous.as({ cookie: chunked }).data(ViewerDocument, {})).viewer.id).toBe(of.user);
  });
});

describe('sessions of other users on a shared id space', () => {
  it('treats a session id of Alice’s as unknown to Bob even inside a connection cursor', async () => {
    const own = await createSession({ projectId: aliceProject.id, createdById: aliceUser.id });
    await appendMessage(own, { role: 'user', content: 'hello' });
    const page = await alice.data(SessionMessagesDocument, { sessionId: toGlobalId('Session', own.id), first: 1 });
    if (page.node?.__typename !== 'Session') throw new Error('not a session');
    const cursor = page.node.messages.pageInfo.endCursor ?? '';
    const result = await bob.request(SessionMessagesDocument, { sessionId: toGlobalId('Session', own.id), first: 1, after: cursor });
    expect(codes(result)).toEqual(['NOT_FOUND']);
  });
});
