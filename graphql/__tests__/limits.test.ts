import { getDb } from '@/db/client';
import { sessions } from '@/db/schema';
import type { User } from '@/db/schema';
import { setUpTestDatabase } from '@/testing/database';
import { makeProject, makeUser } from '@/testing/factories';
import { toGlobalId } from '../ids';
import { QUERY_LIMITS } from '../limits';
import { ApiClient, codes, sessionCookie, setUpApiServer } from './support/api';
import { countStatements } from '@/testing/statements';

setUpTestDatabase();

const server = setUpApiServer();
let api: ApiClient;

/** A user with `projectCount` projects of `sessionCount` sessions each, and a client signed in as them. */
async function userWithProjects(projectCount: number, sessionCount: number): Promise<{ user: User; client: ApiClient }> {
  const user = await makeUser();
  for (let index = 0; index < projectCount; index += 1) {
    const project = await makeProject(user.id, `Project ${index}`);
    await getDb()
      .insert(sessions)
      .values(Array.from({ length: sessionCount }, (_, n) => ({ projectId: project.id, createdById: user.id, title: `Session ${n}`, messageCount: 2 })));
  }
  return { user, client: new ApiClient(server().url, await sessionCookie(user)) };
}

async function statementsFor(client: ApiClient, query: string): Promise<number> {
  return countStatements(async () => {
    const result = await client.request(query);
    expect(result.errors).toBeUndefined();
  });
}

describe('no N+1 queries', () => {
  const projectsWithSessions = '{ viewer { projects(first: 20) { edges { node { sessions(first: 20) { edges { node { title } } } } } } } }';

  it('reads 20 projects with 20 sessions each in 3 statements: viewer, projects, all sessions pages', async () => {
    const { client } = await userWithProjects(20, 25);
    const result = await client.data<{ viewer: { projects: { edges: { node: { sessions: { edges: unknown[] } } }[] } } }, undefined>(projectsWithSessions);
    expect(result.viewer.projects.edges).toHaveLength(20);
    expect(result.viewer.projects.edges.every((edge) => edge.node.sessions.edges.length === 20)).toBe(true);
    // The rate-limit count costs nothing here: in memory on PGlite; on Postgres the user's
    // first request of the hour (the one above) wrote it, and later hits are written in batches.
    expect(await statementsFor(client, projectsWithSessions)).toBe(3);
  });

  it('costs the same number of statements for 2 projects as for 20, with every nested field selected', async () => {
    const everything = `{ viewer { projects(first: 20) { totalCount edges { node {
      timeline { totalDurationMs clips { id kind } } currentSession { id }
      sessions(first: 20) { totalCount edges { node { title isCurrent project { name } edits { id }
        messages(first: 5) { totalCount edges { node { content edits { id } } } } } } } } } } } }`;
    const small = await userWithProjects(2, 3);
    const large = await userWithProjects(20, 22);
    const smallCount = await statementsFor(small.client, everything);
    const largeCount = await statementsFor(large.client, everything);
    expect(largeCount).toBe(smallCount);
  });
});

describe('abuse limits refuse a query before it runs, with QUERY_TOO_COMPLEX', () => {
  beforeAll(async () => {
    ({ client: api } = await userWithProjects(1, 1));
  });

  const nest = (depth: number): string => (depth === 0 ? 'id' : `project { currentSession { ${nest(depth - 1)} } }`);

  it(`refuses queries deeper than ${QUERY_LIMITS.depth} levels`, async () => {
    // viewer > projects > edges > node > sessions > edges > node is 7 levels, each nest adds 2, and `id` 1.
    const deep = `{ viewer { projects { edges { node { sessions { edges { node { ${nest(3)} } } } } } } } }`;
    const result = await api.request(deep);
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(result.errors?.[0].message).toContain(`depth limit of ${QUERY_LIMITS.depth}`);

    const deepest = `{ viewer { projects { edges { node { sessions { edges { node { ${nest(2)} } } } } } } } }`;
    expect((await api.request(deepest)).errors).toBeUndefined();
  });

  it(`refuses more than ${QUERY_LIMITS.aliases} aliases`, async () => {
    const aliases = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: viewer { id }`).join(' ')} }`;
    const result = await api.request(aliases(QUERY_LIMITS.aliases + 1));
    expect(codes(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect((await api.request(aliases(QUERY_LIMITS.aliases))).errors).toBeUndefined();
  });

  it(`refuses more than ${QUERY_LIMITS.directives} directives`, async () => {
    const result = await api.request(`{ viewer { ${'id @include(if: true) '.repeat(QUERY_LIMITS.directives + 1)} } }`);
    expect(codes(result)).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it(`refuses a query that could return more than ${QUERY_LIMITS.nodes} nodes, multiplying first/last`, async () => {
    const nested = (projects: number, sessionsEach: number) =>
      `{ viewer { projects(first: ${projects}) { edges { node { sessions(first: ${sessionsEach}) { edges { node { id } } } } } } } }`;
    const result = await api.request(nested(100, 100));
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(result.errors?.[0].message).toContain('10100 nodes');
    expect((await api.request(nested(50, 100))).errors).toBeUndefined();
  });

  it('counts page sizes given as variables, defaults and fragments spread many times', async () => {
    const viaVariables = await api.request(
      'query($n: Int!, $m: Int = 100) { viewer { projects(first: $n) { edges { node { sessions(last: $m) { edges { node { id } } } } } } } }',
      { n: 100 },
    );
    expect(codes(viaVariables)).toEqual(['QUERY_TOO_COMPLEX']);

    const spreads = `query { viewer { projects(first: 40) { edges { node { ...S ...S ...S } } } } }
      fragment S on Project { sessions(first: 100) { edges { node { id } } } }`;
    expect(codes(await api.request(spreads))).toEqual(['QUERY_TOO_COMPLEX']);

    const defaults = '{ viewer { projects(first: 100) { edges { node { sessions { edges { node { messages { edges { node { id } } } } } } } } } } }';
    expect(codes(await api.request(defaults))).toEqual(['QUERY_TOO_COMPLEX']);
  });

  it('refuses nodes(ids:) with more than 100 ids with BAD_USER_INPUT', async () => {
    const ids = Array.from({ length: 101 }, () => toGlobalId('Project', '00000000-0000-4000-8000-000000000000'));
    const result = await api.request('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].extensions?.field).toBe('ids');
  });

  it(`refuses documents of more than ${QUERY_LIMITS.tokens} tokens while parsing`, async () => {
    const result = await api.request(`{ viewer { ${'id '.repeat(QUERY_LIMITS.tokens)} } }`);
    expect(result.status).toBe(400);
    expect(codes(result)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });
});
