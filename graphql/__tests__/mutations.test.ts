import { randomUUID } from 'node:crypto';
import { listSessions } from '@/db/sessions';
import type { Project, User } from '@/db/schema';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';
import {
  AccessTokensDocument,
  CreateAccessTokenDocument,
  CreateProjectDocument,
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
} from '../__generated__/client/graphql';
import { toGlobalId } from '../ids';
import { ApiClient, codes, sessionCookie, setUpApiServer } from './support/api';

setUpTestDatabase();

const server = setUpApiServer();
let api: ApiClient;
let user: User;
let project: Project;
let projectId: string;

beforeAll(async () => {
  ({ user, project } = await makeUserWithProject());
  projectId = toGlobalId('Project', project.id);
  api = new ApiClient(server().url, await sessionCookie(user));
});

/** A well-formed global id that names nothing. */
const missing = (type: 'Project' | 'Session' | 'AccessToken') => toGlobalId(type, randomUUID());

async function startFreshSession(): Promise<string> {
  const data = await api.data(StartSessionDocument, { input: { projectId } });
  return data.startSession?.session.id ?? '';
}

async function send(sessionId: string, content: string, clientMessageId?: string) {
  const data = await api.data(SendMessageDocument, { input: { sessionId, content, clientMessageId } });
  if (!data.sendMessage) throw new Error('no payload');
  return data.sendMessage;
}

describe('createProject', () => {
  it('creates a project with the starter timeline and echoes clientMutationId', async () => {
    const data = await api.data(CreateProjectDocument, { input: { name: '  Road trip  ', clientMutationId: 'm-1' } });
    expect(data.createProject?.clientMutationId).toBe('m-1');
    expect(data.createProject?.project.name).toBe('Road trip');
    expect(data.createProject?.project.timeline.clips.map((clip) => [clip.kind, clip.position])).toEqual([
      ['INTRO', 0],
      ['SCENE', 1],
      ['SCENE', 2],
      ['OUTRO', 3],
    ]);
    expect(data.createProject?.project.timeline.totalDurationMs).toBe(32_000);
  });

  it.each([
    ['an empty name', '', 'name'],
    ['a name over 120 characters', 'x'.repeat(121), 'name'],
    ['a name with a line break', 'two\nlines', 'name'],
  ])('refuses %s with BAD_USER_INPUT', async (_label, name, field) => {
    const result = await api.request(CreateProjectDocument, { input: { name } });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].extensions?.field).toBe(field);
    expect(result.data?.createProject).toBeNull();
  });

  it('refuses input that does not match the schema with BAD_USER_INPUT', async () => {
    const result = await api.request('mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } } }', {
      input: { title: 'wrong field' },
    });
    expect(new Set(codes(result))).toEqual(new Set(['BAD_USER_INPUT']));
  });
});

describe('renameProject', () => {
  it('renames the project', async () => {
    const data = await api.data(RenameProjectDocument, { input: { projectId, name: 'Lisbon, final cut' } });
    expect(data.renameProject?.project).toMatchObject({ id: projectId, name: 'Lisbon, final cut' });
  });

  it.each([
    ['a malformed id', { projectId: 'nonsense', name: 'New' }, 'BAD_USER_INPUT', 'projectId'],
    ['a session id', { projectId: toGlobalId('Session', randomUUID()), name: 'New' }, 'BAD_USER_INPUT', 'projectId'],
    ['an unknown project', { projectId: missing('Project'), name: 'New' }, 'NOT_FOUND', undefined],
    ['a malformed id and an empty name', { projectId: 'PROJECT', name: '   ' }, 'BAD_USER_INPUT', 'projectId'],
  ])('refuses %s with %s', async (_label, input, code, field) => {
    const result = await api.request(RenameProjectDocument, { input });
    expect(codes(result)).toEqual([code]);
    expect(result.errors?.[0].extensions?.field).toBe(field);
  });

  it('refuses an empty name for a real project', async () => {
    const result = await api.request(RenameProjectDocument, { input: { projectId, name: '   ' } });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].extensions?.field).toBe('name');
  });
});

describe('startSession', () => {
  it('returns the same empty session when pressed twice, and makes it current', async () => {
    const first = await api.data(StartSessionDocument, { input: { projectId, clientMutationId: 'click-1' } });
    const second = await api.data(StartSessionDocument, { input: { projectId } });
    expect(first.startSession?.clientMutationId).toBe('click-1');
    expect(second.startSession?.session.id).toBe(first.startSession?.session.id);
    expect(second.startSession?.session).toMatchObject({ messageCount: 0, title: null, isCurrent: true });
    const current = await api.data(ProjectDocument, { id: projectId });
    expect(current.project?.currentSession?.id).toBe(first.startSession?.session.id);
  });

  it('starts a new session once the current one has messages', async () => {
    const used = await startFreshSession();
    await send(used, 'make the intro a bit longer');
    const fresh = await startFreshSession();
    expect(fresh).not.toBe(used);
  });

  it('creates exactly one session when started 10 times at once', async () => {
    const { user: otherUser, project: other } = await makeUserWithProject();
    const owner = api.as(await sessionCookie(otherUser));
    const otherId = toGlobalId('Project', other.id);
    const results = await Promise.all(Array.from({ length: 10 }, () => owner.data(StartSessionDocument, { input: { projectId: otherId } })));
    expect(new Set(results.map((result) => result.startSession?.session.id)).size).toBe(1);
    expect((await listSessions(other.id, { first: 20 })).rows).toHaveLength(1);
  });

  it.each([
    ['a malformed id', 'not-an-id', 'BAD_USER_INPUT'],
    ['a session id', toGlobalId('Session', randomUUID()), 'BAD_USER_INPUT'],
    ['an unknown project', toGlobalId('Project', randomUUID()), 'NOT_FOUND'],
  ])('refuses %s with %s', async (_label, badId, code) => {
    const result = await api.request(StartSessionDocument, { input: { projectId: badId } });
    expect(codes(result)).toEqual([code]);
  });
});

describe('sendMessage', () => {
  it('stores the instruction and reply, applies the edit, titles the session and returns the new timeline', async () => {
    const sessionId = await startFreshSession();
    const payload = await send(sessionId, 'make the outro a bit longer', 'client-1');
    expect(payload.userMessage).toMatchObject({ role: 'USER', content: 'make the outro a bit longer' });
    expect(payload.reply.role).toBe('ASSISTANT');
    expect(payload.edits).toHaveLength(1);
    expect(payload.userMessage.edits.map((edit) => edit.id)).toEqual(payload.edits.map((edit) => edit.id));
    const outro = payload.timeline.clips.find((clip) => clip.kind === 'OUTRO');
    expect(outro?.durationMs).toBe(7000);
    // Titled by its edit; its first instruction titled it until then.
    expect(payload.session).toMatchObject({ id: sessionId, title: 'Outro +2 s', titleSource: 'EDITS', messageCount: 2, isCurrent: true });
  });

  it('titles the session from its first instruction while it has no edit', async () => {
    const sessionId = await startFreshSession();
    const payload = await send(sessionId, '  how long is the   outro?', 'client-question');
    expect(payload.edits).toHaveLength(0);
    expect(payload.session).toMatchObject({ title: 'How long is the outro?', titleSource: 'INSTRUCTION' });
  });

  it('writes nothing twice when retried with the same clientMessageId', async () => {
    const sessionId = await startFreshSession();
    const first = await send(sessionId, 'make the intro a bit shorter', 'retry-me');
    const retried = await send(sessionId, 'make the intro a bit shorter', 'retry-me');
    expect(retried.userMessage.id).toBe(first.userMessage.id);
    expect(retried.reply.id).toBe(first.reply.id);
    expect(retried.edits.map((edit) => edit.id)).toEqual(first.edits.map((edit) => edit.id));
    expect(retried.session.messageCount).toBe(2);
    const messages = await api.data(SessionMessagesDocument, { sessionId, first: 10 });
    if (messages.node?.__typename !== 'Session') throw new Error('not a session');
    expect(messages.node.messages.totalCount).toBe(2);
  });

  it('refuses a clientMessageId reused for a different instruction with IDEMPOTENCY_KEY_REUSED, writing nothing', async () => {
    const sessionId = await startFreshSession();
    await send(sessionId, 'make the intro a bit shorter', 'my-client-1');
    const reused = await api.request(SendMessageDocument, { input: { sessionId, content: 'mute the outro', clientMessageId: 'my-client-1' } });
    expect(reused.status).toBe(200);
    expect(codes(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(reused.errors?.[0].extensions?.field).toBe('clientMessageId');
    const messages = await api.data(SessionMessagesDocument, { sessionId, first: 10 });
    if (messages.node?.__typename !== 'Session') throw new Error('not a session');
    expect(messages.node.messages.totalCount).toBe(2);
  });

  it('continues the conversation with this session context: undo refers to its last edit', async () => {
    const sessionId = await startFreshSession();
    const lengthen = await send(sessionId, 'make the outro a bit longer');
    const undo = await send(sessionId, 'undo that');
    expect(undo.edits.map((edit) => edit.id)).toEqual(lengthen.edits.map((edit) => edit.id));
    expect(undo.edits[0].revertedAt).not.toBeNull();
    const outroBefore = lengthen.timeline.clips.find((clip) => clip.kind === 'OUTRO')?.durationMs ?? 0;
    expect(undo.timeline.clips.find((clip) => clip.kind === 'OUTRO')?.durationMs).toBe(outroBefore - 2000);
  });

  it('lists on each instruction message the edits it touched: the undo message lists the edit it reverted', async () => {
    const sessionId = await startFreshSession();
    const lengthen = await send(sessionId, 'make the outro a bit longer');
    await send(sessionId, 'undo that');
    const result = await api.request<{ node: { messages: { edges: { node: { role: string; content: string; edits: { id: string }[] } }[] } } }, { id: string }>(
      'query($id: ID!) { node(id: $id) { ... on Session { messages(first: 10) { edges { node { role content edits { id } } } } } } }',
      { id: sessionId },
    );
    const instructions = result.data!.node.messages.edges.map((edge) => edge.node).filter((message) => message.role === 'USER');
    expect(instructions.map((message) => [message.content, message.edits.map((edit) => edit.id)])).toEqual([
      ['make the outro a bit longer', lengthen.edits.map((edit) => edit.id)],
      ['undo that', lengthen.edits.map((edit) => edit.id)],
    ]);
  });

  it.each([
    ['blank content', { content: '   ' }, 'content'],
    ['4,001 characters', { content: 'x'.repeat(4001) }, 'content'],
    ['a clientMessageId over 100 characters', { content: 'fine', clientMessageId: 'x'.repeat(101) }, 'clientMessageId'],
    ['an empty clientMessageId', { content: 'fine', clientMessageId: '' }, 'clientMessageId'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_label, input, field) => {
    const sessionId = await startFreshSession();
    const result = await api.request(SendMessageDocument, { input: { sessionId, ...input } });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].extensions?.field).toBe(field);
  });

  it('accepts exactly 4,000 characters after trimming', async () => {
    const sessionId = await startFreshSession();
    const payload = await send(sessionId, `  ${'a'.repeat(4000)}  `);
    expect(payload.userMessage.content).toHaveLength(4000);
  });

  it('answers NOT_FOUND for a deleted session', async () => {
    const sessionId = await startFreshSession();
    await api.data(DeleteSessionDocument, { input: { sessionId } });
    const result = await api.request(SendMessageDocument, { input: { sessionId, content: 'hello' } });
    expect(codes(result)).toEqual(['NOT_FOUND']);
  });
});

describe('restoreSession', () => {
  it('makes a past session current and returns it with its messages', async () => {
    const past = await startFreshSession();
    await send(past, 'make the outro a bit longer');
    const later = await startFreshSession();
    await send(later, 'mute the music');
    const data = await api.data(RestoreSessionDocument, { input: { sessionId: past, clientMutationId: 'r' } });
    expect(data.restoreSession?.clientMutationId).toBe('r');
    expect(data.restoreSession?.session).toMatchObject({ id: past, isCurrent: true, messageCount: 2 });
    expect(data.restoreSession?.session.messages.edges.map((edge) => edge.node.role)).toEqual(['USER', 'ASSISTANT']);
    const current = await api.data(ProjectDocument, { id: projectId });
    expect(current.project?.currentSession?.id).toBe(past);
    const history = await api.data(ProjectSessionsDocument, { projectId, first: 100 });
    const flags = new Map(history.project?.sessions.edges.map((edge) => [edge.node.id, edge.node.isCurrent]));
    expect(flags.get(past)).toBe(true);
    expect(flags.get(later)).toBe(false);
  });

  it.each([
    ['a malformed id', 'bad', 'BAD_USER_INPUT'],
    ['a project id', toGlobalId('Project', randomUUID()), 'BAD_USER_INPUT'],
    ['an unknown session', toGlobalId('Session', randomUUID()), 'NOT_FOUND'],
  ])('refuses %s with %s', async (_label, sessionId, code) => {
    const result = await api.request(RestoreSessionDocument, { input: { sessionId } });
    expect(codes(result)).toEqual([code]);
    expect(result.data?.restoreSession).toBeNull();
  });
});

describe('renameSession', () => {
  it('renames the session', async () => {
    const sessionId = await startFreshSession();
    const data = await api.data(RenameSessionDocument, { input: { sessionId, title: '  Color pass  ' } });
    expect(data.renameSession?.session).toMatchObject({ id: sessionId, title: 'Color pass', titleSource: 'USER' });
  });

  it('keeps the renamed title when later instructions edit', async () => {
    const sessionId = await startFreshSession();
    await send(sessionId, 'make the outro a bit longer', 'client-before-rename');
    await api.data(RenameSessionDocument, { input: { sessionId, title: 'Ending' } });
    const payload = await send(sessionId, 'undo that', 'client-after-rename');
    expect(payload.edits).toHaveLength(1);
    expect(payload.session).toMatchObject({ title: 'Ending', titleSource: 'USER' });
  });

  it.each([
    ['an empty title', { title: '' }, 'BAD_USER_INPUT'],
    ['a title over 120 characters', { title: 'y'.repeat(121) }, 'BAD_USER_INPUT'],
    ['a title with a control character', { title: 'Color\u0007pass' }, 'BAD_USER_INPUT'],
    ['a title with a line break', { title: 'Color\npass' }, 'BAD_USER_INPUT'],
    ['a title with a right-to-left override', { title: 'Color\u202epass' }, 'BAD_USER_INPUT'],
    ['a title of zero-width characters only', { title: '\u200b\u200d\ufeff' }, 'BAD_USER_INPUT'],
    ['a title with a C1 control (next line)', { title: 'Color\u0085pass' }, 'BAD_USER_INPUT'],
    ['a title with a NUL character', { title: 'Color\u0000pass' }, 'BAD_USER_INPUT'],
    ['an unknown session', { title: 'ok', sessionId: missing('Session') }, 'NOT_FOUND'],
    ['a malformed id', { title: 'ok', sessionId: 'bad' }, 'BAD_USER_INPUT'],
  ])('refuses %s with %s', async (_label, input, code) => {
    const sessionId = await startFreshSession();
    const result = await api.request(RenameSessionDocument, { input: { sessionId, ...input } });
    expect(codes(result)).toEqual([code]);
  });
});

describe('deleteSession', () => {
  it('deletes the conversation and keeps the timeline edits it made', async () => {
    const sessionId = await startFreshSession();
    const payload = await send(sessionId, 'make the intro a bit longer');
    const data = await api.data(DeleteSessionDocument, { input: { sessionId, clientMutationId: 'd' } });
    expect(data.deleteSession).toEqual({ clientMutationId: 'd', deletedSessionId: sessionId });

    const gone = await api.request(SessionMessagesDocument, { sessionId });
    expect(codes(gone)).toEqual(['NOT_FOUND']);
    const edit = await api.data(`query($id: ID!) { node(id: $id) { id ... on Edit { revertedAt } } }`, { id: payload.edits[0].id });
    expect(edit).toEqual({ node: { id: payload.edits[0].id, revertedAt: null } });
    const timeline = await api.data(ProjectDocument, { id: projectId });
    expect(timeline.project?.timeline).toEqual(payload.timeline);
  });

  it.each([
    ['an unknown session', missing('Session'), 'NOT_FOUND'],
    ['a malformed id', '###', 'BAD_USER_INPUT'],
  ])('refuses %s with %s', async (_label, sessionId, code) => {
    const result = await api.request(DeleteSessionDocument, { input: { sessionId } });
    expect(codes(result)).toEqual([code]);
  });
});

describe('access tokens', () => {
  it('creates a token shown once, lists it by prefix, and revokes it', async () => {
    const created = await api.data(CreateAccessTokenDocument, { input: { name: 'CI bot', scopes: ['WRITE'], clientMutationId: 't' } });
    const token = created.createAccessToken?.token ?? '';
    expect(token).toMatch(/^cds_[0-9A-Za-z]{40}$/);
    expect(created.createAccessToken?.accessToken).toMatchObject({ name: 'CI bot', lastUsedAt: null, revokedAt: null });
    expect(token.startsWith(created.createAccessToken?.accessToken.prefix ?? '-')).toBe(true);

    const listed = await api.data(AccessTokensDocument, {});
    expect(listed.viewer.accessTokens.map((item) => item.id)).toContain(created.createAccessToken?.accessToken.id);
    expect(JSON.stringify(listed)).not.toContain(token);

    const viaToken = await api.as({ token }).data(ViewerDocument, {});
    expect(viaToken.viewer.id).toBe(toGlobalId('User', user.id));

    const accessTokenId = created.createAccessToken?.accessToken.id ?? '';
    const revoked = await api.data(RevokeAccessTokenDocument, { input: { accessTokenId } });
    expect(revoked.revokeAccessToken?.accessToken.revokedAt).not.toBeNull();
    expect(revoked.revokeAccessToken?.accessToken.lastUsedAt).not.toBeNull();
    const again = await api.data(RevokeAccessTokenDocument, { input: { accessTokenId } });
    expect(again.revokeAccessToken?.accessToken.revokedAt).toBe(revoked.revokeAccessToken?.accessToken.revokedAt);

    const refused = await api.as({ token }).request(ViewerDocument, {});
    expect(refused.status).toBe(401);
    expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
  });

  it('lets a WRITE token neither create nor revoke tokens (FORBIDDEN, requiredScope ADMIN), and an ADMIN token do both', async () => {
    const writer = await api.data(CreateAccessTokenDocument, { input: { name: 'Script', scopes: ['WRITE'] } });
    const viaWriter = api.as({ token: writer.createAccessToken?.token ?? '' });
    for (const refused of [
      await viaWriter.request(CreateAccessTokenDocument, { input: { name: 'Persistence', scopes: ['READ'] } }),
      await viaWriter.request(RevokeAccessTokenDocument, { input: { accessTokenId: writer.createAccessToken?.accessToken.id ?? '' } }),
    ]) {
      expect(codes(refused)).toEqual(['FORBIDDEN']);
      expect(refused.errors?.[0].extensions?.requiredScope).toBe('ADMIN');
    }

    const admin = await api.data(CreateAccessTokenDocument, { input: { name: 'Admin script', scopes: ['ADMIN'] } });
    const viaAdmin = api.as({ token: admin.createAccessToken?.token ?? '' });
    const minted = await viaAdmin.data(CreateAccessTokenDocument, { input: { name: 'Reader', scopes: ['READ'] } });
    expect(minted.createAccessToken?.accessToken.scopes).toEqual(['READ']);
    const revoked = await viaAdmin.data(RevokeAccessTokenDocument, { input: { accessTokenId: admin.createAccessToken?.accessToken.id ?? '' } });
    expect(revoked.revokeAccessToken?.accessToken.revokedAt).not.toBeNull();
  });

  it.each([
    ['a blank name', { name: ' ', scopes: ['READ' as const] }, 'BAD_USER_INPUT'],
    ['a name over 120 characters', { name: 'n'.repeat(121), scopes: ['READ' as const] }, 'BAD_USER_INPUT'],
  ])('refuses to create one with %s (%s)', async (_label, input, code) => {
    const result = await api.request(CreateAccessTokenDocument, { input });
    expect(codes(result)).toEqual([code]);
    expect(result.errors?.[0].extensions?.field).toBe('name');
  });

  it.each([
    ['a malformed id', 'garbage', 'BAD_USER_INPUT'],
    ['a session id', toGlobalId('Session', randomUUID()), 'BAD_USER_INPUT'],
    ['an unknown token', missing('AccessToken'), 'NOT_FOUND'],
  ])('refuses to revoke %s with %s', async (_label, accessTokenId, code) => {
    const result = await api.request(RevokeAccessTokenDocument, { input: { accessTokenId } });
    expect(codes(result)).toEqual([code]);
  });
});
