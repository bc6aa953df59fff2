import { appendMessage } from '@/db/messages';
import { createSession } from '@/db/sessions';
import type { Project, Session, User } from '@/db/schema';
import { setUpTestDatabase } from '@/testing/database';
import { makeListedSession, makeProject } from '@/testing/factories';
import { ProjectSessionsDocument, SessionMessagesDocument, ViewerProjectsDocument } from '../__generated__/client/graphql';
import { toGlobalId } from '../ids';
import { codes, setUpApiServer, type ApiClient } from './support/api';
import { ownerOfListedSessions } from './support/owners';
import { countStatements } from '@/testing/statements';

setUpTestDatabase();

const server = setUpApiServer();
let api: ApiClient;
let user: User;
let project: Project;
/** The 45 sessions, newest first. */
let newestFirst: Session[];

beforeAll(async () => {
  ({ user, project, api, newestFirst } = await ownerOfListedSessions(server(), 45));
});

const ids = (sessions: Session[]) => sessions.map((session) => toGlobalId('Session', session.id));

async function sessionsPage(variables: { first?: number; after?: string; last?: number; before?: string }) {
  const data = await api.data(ProjectSessionsDocument, { projectId: toGlobalId('Project', project.id), ...variables });
  if (!data.project) throw new Error('project missing');
  return data.project.sessions;
}

describe('Project.sessions', () => {
  it('pages 45 sessions as 20, 20 and 5, newest first, with pageInfo and totalCount', async () => {
    const first = await sessionsPage({});
    expect(first.edges.map((edge) => edge.node.id)).toEqual(ids(newestFirst.slice(0, 20)));
    expect(first.totalCount).toBe(45);
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0].cursor,
      endCursor: first.edges[19].cursor,
    });

    const second = await sessionsPage({ first: 20, after: first.pageInfo.endCursor ?? undefined });
    expect(second.edges.map((edge) => edge.node.id)).toEqual(ids(newestFirst.slice(20, 40)));
    expect(second.pageInfo.hasNextPage).toBe(true);
    expect(second.pageInfo.hasPreviousPage).toBe(true);

    const third = await sessionsPage({ first: 20, after: second.pageInfo.endCursor ?? undefined });
    expect(third.edges.map((edge) => edge.node.id)).toEqual(ids(newestFirst.slice(40)));
    expect(third.pageInfo.hasNextPage).toBe(false);
    expect(third.pageInfo.hasPreviousPage).toBe(true);
    expect(third.totalCount).toBe(45);
  });

  it('walks backward with last/before', async () => {
    const oldest = await sessionsPage({ last: 20 });
    expect(oldest.edges.map((edge) => edge.node.id)).toEqual(ids(newestFirst.slice(25)));
    expect(oldest.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });

    const middle = await sessionsPage({ last: 20, before: oldest.pageInfo.startCursor ?? undefined });
    expect(middle.edges.map((edge) => edge.node.id)).toEqual(ids(newestFirst.slice(5, 25)));
    expect(middle.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });

    const newest = await sessionsPage({ last: 20, before: middle.pageInfo.startCursor ?? undefined });
    expect(newest.edges.map((edge) => edge.node.id)).toEqual(ids(newestFirst.slice(0, 5)));
    expect(newest.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it('neither repeats nor shifts a page when a session is created while paging', async () => {
    const first = await sessionsPage({ first: 20 });
    const added = await makeListedSession({ projectId: project.id, createdById: user.id, title: 'Started meanwhile' });
    const second = await sessionsPage({ first: 20, after: first.pageInfo.endCursor ?? undefined });
    const third = await sessionsPage({ first: 20, after: second.pageInfo.endCursor ?? undefined });
    const seen = [...first.edges, ...second.edges, ...third.edges].map((edge) => edge.node.id);
    expect(seen).toEqual(ids(newestFirst));
    expect(third.totalCount).toBe(46);

    const fresh = await sessionsPage({ first: 1 });
    expect(fresh.edges.map((edge) => edge.node.id)).toEqual([toGlobalId('Session', added.id)]);
    newestFirst = [added, ...newestFirst];
  });

  it('answers first: 0 with no edges and whether there are any', async () => {
    const empty = await sessionsPage({ first: 0 });
    expect(empty.edges).toEqual([]);
    expect(empty.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
  });

  it.each([
    ['first: 101', { first: 101 }, 'first'],
    ['first: -1', { first: -1 }, 'first'],
    ['last: 101', { last: 101 }, 'last'],
    ['first with last', { first: 5, last: 5 }, 'last'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_label, variables, field) => {
    const result = await api.request(ProjectSessionsDocument, { projectId: toGlobalId('Project', project.id), ...variables });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].extensions?.field).toBe(field);
    expect(result.errors?.[0].message).toContain(`\`${field}\``);
  });

  it('refuses malformed, forged and foreign cursors with BAD_USER_INPUT naming the argument', async () => {
    const first = await sessionsPage({ first: 2 });
    const cursor = first.pageInfo.endCursor ?? '';
    const [payload, signature] = cursor.split('.');
    const forgedPayload = Buffer.from(JSON.stringify(['Project.sessions', project.id, '2020-01-01T00:00:00.000Z', newestFirst[0].id])).toString('base64url');
    const otherProject = await makeProject(user.id, 'Other');
    const otherData = await api.data(ProjectSessionsDocument, { projectId: toGlobalId('Project', otherProject.id), first: 1 });
    const projectsCursor = (await api.data(ViewerProjectsDocument, { first: 1 })).viewer.projects.pageInfo.endCursor ?? '';
    await makeListedSession({ projectId: otherProject.id, createdById: user.id });
    const otherList = await api.data(ProjectSessionsDocument, { projectId: toGlobalId('Project', otherProject.id), first: 1 });
    const otherListCursor = otherList.project?.sessions.pageInfo.endCursor;
    expect(otherData.project?.sessions.edges).toEqual([]);

    const cases: [string, 'after' | 'before'][] = [
      ['not a cursor', 'after'],
      ['', 'after'],
      [`${payload}.${signature}x`, 'after'],
      [`${forgedPayload}.${signature}`, 'before'],
      [projectsCursor, 'after'],
      [otherListCursor ?? '', 'before'],
    ];
    for (const [bad, argument] of cases) {
      const result = await api.request(ProjectSessionsDocument, {
        projectId: toGlobalId('Project', project.id),
        ...(argument === 'after' ? { first: 5, after: bad } : { last: 5, before: bad }),
      });
      expect({ bad, codes: codes(result), field: result.errors?.[0].extensions?.field }).toEqual({ bad, codes: ['BAD_USER_INPUT'], field: argument });
    }
  });
});

describe('what a page costs', () => {
  const pageQuery = (pageInfo: string) => `query ($id: ID!, $after: String) {
    project(id: $id) { sessions(first: 20, after: $after) { edges { node { id } } pageInfo { ${pageInfo} } } }
  }`;
  const through = (pageInfo: string) => `query ($id: ID!, $after: String) {
    project(id: $id) { sessions(first: 20, after: $after) { edges { node { id } } ...Info } }
  }
  fragment Info on SessionConnection { pageInfo { ... on PageInfo { ${pageInfo} } } }`;

  async function statementsFor(query: string, after: string) {
    return countStatements(async () => {
      const result = await api.request(query, { id: toGlobalId('Project', project.id), after });
      expect(result.errors).toBeUndefined();
    });
  }

  it('looks behind the cursor only when the query selects hasPreviousPage', async () => {
    const first = await sessionsPage({});
    const after = first.pageInfo.endCursor!;
    const without = await statementsFor(pageQuery('hasNextPage endCursor'), after);
    expect(await statementsFor(pageQuery('hasNextPage hasPreviousPage endCursor'), after)).toBe(without + 1);
    expect(await statementsFor(through('hasPreviousPage'), after)).toBe(without + 1);
    expect(await statementsFor(through('endCursor'), after)).toBe(without);
  });

  it('reads page 1 and a page after a cursor in the same number of statements', async () => {
    const first = await sessionsPage({});
    const query = pageQuery('hasNextPage endCursor');
    const pageOne = query.replace(', $after: String', '').replace(', after: $after', '');
    expect(await statementsFor(query, first.pageInfo.endCursor!)).toBe(await statementsFor(pageOne, first.pageInfo.endCursor!));
  });
});

describe('other connections use the same helper', () => {
  it('pages the viewer projects newest first', async () => {
    const page = (await api.data(ViewerProjectsDocument, { first: 1 })).viewer.projects;
    expect(page.totalCount).toBe(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = (await api.data(ViewerProjectsDocument, { first: 1, after: page.pageInfo.endCursor })).viewer.projects;
    expect(next.edges.map((edge) => edge.node.id)).toEqual([toGlobalId('Project', project.id)]);
    expect(next.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('pages a session messages oldest first, with totalCount from the session', async () => {
    const session = await createSession({ projectId: project.id, createdById: user.id });
    for (let index = 1; index <= 5; index += 1) await appendMessage(session, { role: index % 2 ? 'user' : 'assistant', content: `Message ${index}` });
    const sessionId = toGlobalId('Session', session.id);
    const first = await api.data(SessionMessagesDocument, { sessionId, first: 3 });
    if (first.node?.__typename !== 'Session') throw new Error('not a session');
    expect(first.node.messages.edges.map((edge) => edge.node.content)).toEqual(['Message 1', 'Message 2', 'Message 3']);
    expect(first.node.messages.totalCount).toBe(5);
    const rest = await api.data(SessionMessagesDocument, { sessionId, first: 3, after: first.node.messages.pageInfo.endCursor });
    if (rest.node?.__typename !== 'Session') throw new Error('not a session');
    expect(rest.node.messages.edges.map((edge) => edge.node.content)).toEqual(['Message 4', 'Message 5']);
    expect(rest.node.messages.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const latest = await api.data(SessionMessagesDocument, { sessionId, last: 2 });
    if (latest.node?.__typename !== 'Session') throw new Error('not a session');
    expect(latest.node.messages.edges.map((edge) => edge.node.content)).toEqual(['Message 4', 'Message 5']);
    expect(latest.node.messages.edges.map((edge) => edge.node.role)).toEqual(['ASSISTANT', 'USER']);
  });
});
