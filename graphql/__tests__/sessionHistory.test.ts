import { latestProjectEventId, listProjectEventsAfter } from '@/db/events';
import { appendMessage } from '@/db/messages';
import { createSession } from '@/db/sessions';
import type { Project, Session, User } from '@/db/schema';
import { setUpTestDatabase } from '@/testing/database';
import { makeListedSession, makeProject, makeUserWithProject } from '@/testing/factories';
import { toGlobalId } from '../ids';
import { ApiClient, codes, sessionCookie, setUpApiServer } from './support/api';
import { ownerOfListedSessions } from './support/owners';

setUpTestDatabase();

const server = setUpApiServer();
let api: ApiClient;
let user: User;
let project: Project;
/** 30 sessions, newest first; pairs share a timestamp so the id decides. */
let newestFirst: Session[];

const LIST = `query List($projectId: ID!, $first: Int, $after: String, $last: Int, $before: String, $archived: Boolean) {
  project(id: $projectId) {
    sessions(first: $first, after: $after, last: $last, before: $before, archived: $archived) {
      totalCount
      edges { cursor node { id title pinned archived } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }
}`;

type ListPage = {
  totalCount: number;
  edges: { cursor: string; node: { id: string; title: string; pinned: boolean; archived: boolean } }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
};

async function list(variables: { first?: number; after?: string | null; last?: number; before?: string | null; archived?: boolean } = {}) {
  const data = await api.data<{ project: { sessions: ListPage } }, object>(LIST, { projectId: toGlobalId('Project', project.id), ...variables });
  return data.project.sessions;
}

const gid = (session: Session) => toGlobalId('Session', session.id);
const idsOf = (page: ListPage) => page.edges.map((edge) => edge.node.id);

async function flag(mutation: 'pinSession' | 'unpinSession' | 'archiveSession' | 'unarchiveSession', session: Session) {
  const data = await api.data<Record<string, { session: { id: string; pinned: boolean; archived: boolean } }>, object>(
    `mutation($id: ID!) { ${mutation}(input: { sessionId: $id }) { session { id pinned archived } } }`,
    { id: gid(session) },
  );
  return data[mutation].session;
}

beforeAll(async () => {
  ({ user, project, api, newestFirst } = await ownerOfListedSessions(server(), 30));
});

describe('pinning and archiving sessions', () => {
  it('lists pinned sessions first, then the rest newest first, and pages across the boundary without a skip or repeat', async () => {
    // Three older sessions (one of a same-timestamp pair) get pinned.
    const pinned = [newestFirst[25], newestFirst[12], newestFirst[13]];
    for (const session of pinned) expect(await flag('pinSession', session)).toMatchObject({ pinned: true, archived: false });
    const expected = [...newestFirst.filter((session) => pinned.includes(session)), ...newestFirst.filter((session) => !pinned.includes(session))].map(gid);

    // Pages of 2 put page boundaries inside the pinned group and right at its end.
    const walked: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ListPage = await list({ first: 2, after });
      walked.push(...idsOf(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(walked).toEqual(expected);

    // And backward.
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const page: ListPage = await list({ last: 4, before });
      backward.unshift(...idsOf(page));
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(backward).toEqual(expected);

    // A cursor issued before a pin still continues from its place.
    const first = await list({ first: 5 });
    await flag('pinSession', newestFirst[20]);
    const next = await list({ first: 5, after: first.pageInfo.endCursor });
    expect(idsOf(next)).not.toContain(gid(newestFirst[20]));
    expect(new Set([...idsOf(first), ...idsOf(next)]).size).toBe(10);

    for (const session of [...pinned, newestFirst[20]]) expect(await flag('unpinSession', session)).toMatchObject({ pinned: false });
    expect(idsOf(await list({ first: 30 }))).toEqual(newestFirst.map(gid));
  });

  it('hides archived sessions from the default list and lists them under archived: true; restoring one unarchives it', async () => {
    const archived = [newestFirst[0], newestFirst[7]];
    for (const session of archived) expect(await flag('archiveSession', session)).toMatchObject({ archived: true });

    const listed = await list({ first: 100 });
    expect(listed.totalCount).toBe(28);
    expect(idsOf(listed)).toEqual(newestFirst.filter((session) => !archived.includes(session)).map(gid));

    const archivedList = await list({ archived: true });
    expect(archivedList.totalCount).toBe(2);
    expect(idsOf(archivedList)).toEqual(archived.map(gid));
    expect(archivedList.edges.every((edge) => edge.node.archived)).toBe(true);

    const restored = await api.data<{ restoreSession: { session: { archived: boolean } } }, object>(
      'mutation($id: ID!) { restoreSession(input: { sessionId: $id }) { session { archived } } }',
      { id: gid(archived[1]) },
    );
    expect(restored.restoreSession.session.archived).toBe(false);
    expect(idsOf(await list({ archived: true }))).toEqual([gid(archived[0])]);

    expect(await flag('unarchiveSession', archived[0])).toMatchObject({ archived: false });
    expect((await list({ first: 100 })).totalCount).toBe(30);
  });

  it("records an event for each change, for the user's other devices, and none when nothing changed", async () => {
    const since = await latestProjectEventId(project.id);
    await flag('pinSession', newestFirst[3]);
    await flag('pinSession', newestFirst[3]);
    await flag('archiveSession', newestFirst[3]);
    await flag('unarchiveSession', newestFirst[3]);
    await flag('unpinSession', newestFirst[3]);
    const events = await listProjectEventsAfter(project.id, since);
    expect(events.map((event) => [event.type, event.sessionId])).toEqual(
      ['session.pinned', 'session.archived', 'session.unarchived', 'session.unpinned'].map((type) => [type, newestFirst[3].id]),
    );
  });

  it("is NOT_FOUND for another user's session and UNAUTHENTICATED for nobody", async () => {
    const other = await makeUserWithProject();
    const bob = api.as(await sessionCookie(other.user));
    const result = await bob.request(`mutation($id: ID!) { pinSession(input: { sessionId: $id }) { session { id } } }`, { id: gid(newestFirst[0]) });
    expect(codes(result)).toEqual(['NOT_FOUND']);
    const anonymous = await api.as(null).request(`mutation($id: ID!) { archiveSession(input: { sessionId: $id }) { session { id } } }`, {
      id: gid(newestFirst[0]),
    });
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('empty sessions', () => {
  it('are not listed nor counted, except the current one, and are removed when left', async () => {
    const before = await list({ first: 100 });
    // An empty session that is not current (e.g. left behind by an old client) is not listed.
    const empty = await createSession({ projectId: project.id, createdById: user.id, createdAt: new Date(Date.UTC(2027, 0, 1)) });
    const afterEmpty = await list({ first: 100 });
    expect(idsOf(afterEmpty)).toEqual(idsOf(before));
    expect(afterEmpty.totalCount).toBe(before.totalCount);

    // startSession makes an empty session current (reusing that one): now it is listed, first.
    const started = await api.data<{ startSession: { session: { id: string } } }, object>(
      'mutation($id: ID!) { startSession(input: { projectId: $id }) { session { id } } }',
      { id: toGlobalId('Project', project.id) },
    );
    expect(started.startSession.session.id).toBe(gid(empty));
    const withCurrent = await list({ first: 100 });
    expect(idsOf(withCurrent)).toEqual([gid(empty), ...idsOf(before)]);
    expect(withCurrent.totalCount).toBe(before.totalCount + 1);

    // Left empty (another session restored), it is removed: gone from the list, the count and the API, and other devices are told.
    const since = await latestProjectEventId(project.id);
    const restored = await api.data<{ restoreSession: { previousSession: { id: string } | null } }, object>(
      'mutation($id: ID!) { restoreSession(input: { sessionId: $id }) { previousSession { id } } }',
      { id: gid(newestFirst[1]) },
    );
    expect(restored.restoreSession.previousSession).toBeNull();
    const afterLeaving = await list({ first: 100 });
    expect(idsOf(afterLeaving)).toEqual(idsOf(before));
    expect(afterLeaving.totalCount).toBe(before.totalCount);
    expect(afterLeaving.totalCount).toBe(afterLeaving.edges.length);
    expect(codes(await api.request('query($id: ID!) { node(id: $id) { id } }', { id: gid(empty) }))).toEqual(['NOT_FOUND']);
    expect((await listProjectEventsAfter(project.id, since)).map((event) => [event.type, event.sessionId])).toEqual([
      ['session.deleted', empty.id],
      ['session.restored', newestFirst[1].id],
    ]);

    // A session with a conversation is never removed when left.
    await api.data('mutation($id: ID!) { restoreSession(input: { sessionId: $id }) { session { id } } }', { id: gid(newestFirst[2]) });
    expect(idsOf(await list({ first: 100 }))).toEqual(idsOf(before));

    // Archived empty sessions are not listed under archived either.
    const archivedEmpty = await createSession({ projectId: project.id, createdById: user.id });
    await flag('archiveSession', archivedEmpty);
    const archivedList = await list({ archived: true });
    expect(idsOf(archivedList)).not.toContain(gid(archivedEmpty));
    expect(archivedList.totalCount).toBe(archivedList.edges.length);
  });
});

describe('searching sessions', () => {
  let searched: Project;
  let titleMatch: Session;
  let thirdMessageMatch: Session;
  /** The 45 sessions that mention the beach, newest first. */
  let beach: Session[];

  const SEARCH = `query Search($projectId: ID!, $query: String, $first: Int, $after: String) {
    project(id: $projectId) {
      sessions(query: $query, first: $first, after: $after) {
        totalCount
        edges { cursor snippet node { id title } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }`;
  type SearchPage = {
    totalCount: number;
    edges: { cursor: string; snippet: string | null; node: { id: string; title: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  const search = async (variables: { query?: string; first?: number; after?: string | null }) =>
    (await api.data<{ project: { sessions: SearchPage } }, object>(SEARCH, { projectId: toGlobalId('Project', searched.id), ...variables })).project.sessions;

  beforeAll(async () => {
    searched = await makeProject(user.id, 'Searched');
    const base = Date.UTC(2026, 2, 1);
    titleMatch = await makeListedSession(
      { projectId: searched.id, createdById: user.id, title: 'Airport clip two seconds longer', createdAt: new Date(base) },
      'make it longer',
    );
    thirdMessageMatch = await createSession({ projectId: searched.id, createdById: user.id, title: 'Sound pass', createdAt: new Date(base + 60_000) });
    await appendMessage(thirdMessageMatch, { role: 'user', content: 'mute the music' });
    await appendMessage(thirdMessageMatch, { role: 'assistant', content: 'Muted “Music”.' });
    await appendMessage(thirdMessageMatch, { role: 'user', content: 'now fade out the airport clip' });
    beach = [];
    for (let index = 0; index < 45; index += 1) {
      beach.unshift(
        await makeListedSession(
          { projectId: searched.id, createdById: user.id, title: `Take ${index}`, createdAt: new Date(base + 120_000 + Math.floor(index / 3) * 60_000) },
          `shorten the beach scene by ${index} frames`,
        ),
      );
    }
    beach.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
  });

  it('ranks a title match above a match in a third message, with the matching snippet highlighted', async () => {
    const result = await search({ query: 'airport' });
    expect(result.edges.map((edge) => edge.node.id)).toEqual([gid(titleMatch), gid(thirdMessageMatch)]);
    expect(result.totalCount).toBe(2);
    expect(result.edges[0].snippet).toBe('<mark>Airport</mark> clip two seconds longer');
    expect(result.edges[1].snippet).toBe('now fade out the <mark>airport</mark> clip');
  });

  it('walks 45 matches as 20, 20 and 5, newest first among equals, with no repeats', async () => {
    const first = await search({ query: 'beach' });
    const second = await search({ query: 'beach', first: 20, after: first.pageInfo.endCursor });
    const third = await search({ query: 'beach', first: 20, after: second.pageInfo.endCursor });
    expect([first.edges.length, second.edges.length, third.edges.length]).toEqual([20, 20, 5]);
    expect([first.pageInfo.hasNextPage, second.pageInfo.hasNextPage, third.pageInfo.hasNextPage]).toEqual([true, true, false]);
    const walked = [...first.edges, ...second.edges, ...third.edges].map((edge) => edge.node.id);
    expect(new Set(walked).size).toBe(45);
    expect(walked).toEqual(beach.map(gid));
    expect(first.totalCount).toBe(45);
    expect(first.edges[0].snippet).toContain('<mark>beach</mark>');
  });

  const SEARCH_BOTH_WAYS = `query Search($projectId: ID!, $query: String, $first: Int, $after: String, $last: Int, $before: String) {
    project(id: $projectId) {
      sessions(query: $query, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        edges { cursor node { id } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  }`;
  type BothWaysPage = {
    totalCount: number;
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
  const searchBothWays = async (variables: { query: string; first?: number; after?: string | null; last?: number; before?: string | null }) =>
    (await api.data<{ project: { sessions: BothWaysPage } }, object>(SEARCH_BOTH_WAYS, { projectId: toGlobalId('Project', searched.id), ...variables })).project
      .sessions;

  it('walks the 45 matches backward as 20, 20 and 5 from the end, in the same order as forward, with no repeats or gaps', async () => {
    const pages: BothWaysPage[] = [];
    let before: string | null = null;
    for (;;) {
      const page: BothWaysPage = await searchBothWays({ query: 'beach', last: 20, before });
      pages.push(page);
      if (!page.pageInfo.hasPreviousPage) break;
      before = page.pageInfo.startCursor;
    }
    expect(pages.map((page) => page.edges.length)).toEqual([20, 20, 5]);
    expect(pages.map((page) => page.pageInfo.hasPreviousPage)).toEqual([true, true, false]);
    // Each page after the first was read before a cursor: rows lie after it.
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([false, true, true]);
    const walked = pages.reverse().flatMap((page) => page.edges.map((edge) => edge.node.id));
    expect(walked).toEqual(beach.map(gid));
    expect(pages[0].totalCount).toBe(45);
  });

  it('turns around anywhere: back from a forward page, and between two cursors', async () => {
    const first = await searchBothWays({ query: 'beach', first: 20 });
    const second = await searchBothWays({ query: 'beach', first: 20, after: first.pageInfo.endCursor });
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    const back = await searchBothWays({ query: 'beach', last: 7, before: second.pageInfo.startCursor });
    expect(back.edges.map((edge) => edge.node.id)).toEqual(beach.slice(13, 20).map(gid));
    expect(back.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });

    // Between the 5th and the 12th result: the 6th to the 11th, from either end.
    const between = { query: 'beach', after: first.edges[4].cursor, before: first.edges[11].cursor };
    expect((await searchBothWays({ ...between, first: 100 })).edges.map((edge) => edge.node.id)).toEqual(beach.slice(5, 11).map(gid));
    expect((await searchBothWays({ ...between, last: 3 })).edges.map((edge) => edge.node.id)).toEqual(beach.slice(8, 11).map(gid));

    // Before the very first result there is nothing, and that is said.
    const none = await searchBothWays({ query: 'beach', last: 5, before: first.edges[0].cursor });
    expect(none.edges).toEqual([]);
    expect(none.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
  });

  it('refuses first with last, and a backward cursor of another search, naming the argument', async () => {
    const both = await api.request(SEARCH_BOTH_WAYS, { projectId: toGlobalId('Project', searched.id), query: 'beach', first: 5, last: 5 });
    expect(codes(both)).toEqual(['BAD_USER_INPUT']);
    expect(both.errors?.[0].extensions?.field).toBe('last');
    const other = await searchBothWays({ query: 'airport', first: 1 });
    const foreign = await api.request(SEARCH_BOTH_WAYS, {
      projectId: toGlobalId('Project', searched.id),
      query: 'beach',
      last: 5,
      before: other.pageInfo.endCursor,
    });
    expect(codes(foreign)).toEqual(['BAD_USER_INPUT']);
    expect(foreign.errors?.[0].extensions?.field).toBe('before');
  });

  it('refuses a cursor of another search or of the plain list', async () => {
    const plain = await list({ first: 1 });
    const other = await search({ query: 'airport', first: 1 });
    for (const after of [plain.pageInfo.endCursor, other.pageInfo.endCursor]) {
      const result = await api.request(SEARCH, { projectId: toGlobalId('Project', searched.id), query: 'beach', after });
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].extensions?.field).toBe('after');
    }
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['201 characters', 'a'.repeat(201)],
    ['with a NUL character (Postgres cannot store one)', 'beach\u0000'],
    ['with a C1 control character', 'beach\u009b'],
  ])('refuses a query that is %s, with BAD_USER_INPUT naming `query`', async (_label, query) => {
    const result = await api.request(SEARCH, { projectId: toGlobalId('Project', searched.id), query });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].extensions?.field).toBe('query');
  });

  it('treats search syntax as words, never as an error', async () => {
    for (const query of ["'", '"unclosed', 'a & b | !c', '-', 'or']) {
      const result = await api.request(SEARCH, { projectId: toGlobalId('Project', searched.id), query });
      expect(result.errors).toBeUndefined();
    }
  });
});
