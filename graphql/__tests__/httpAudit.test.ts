import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serverAudits, type AuditResult } from 'graphql-http';
import { setUpTestDatabase } from '@/testing/database';
import { makeUser } from '@/testing/factories';
import { introspectionEnabled } from '../server';
import { setUpApiServer, tokenFor } from './support/api';

/*
 * The GraphQL-over-HTTP spec's own audit suite (graphql-http's serverAudits) against the real
 * route handler over HTTP, as a third-party client with a token would call it. Every MUST
 * passes; the SHOULD/MAY audits that do not are listed here with the reason, and docs/api.md's
 * "GraphQL over HTTP" paragraph explains each (this test checks it names them).
 */

/** The audits that do not pass, by id, and why we leave them so. */
const REMAINING: Record<string, string> = {
  // GET needs a CSRF-safe header (Apollo's CSRF prevention); the audits' GETs send none.
  '5A70': 'MAY accept application/x-www-form-urlencoded formatted GET requests',
  D6D5: 'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json',
  '6A70': 'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json',
  // A request error is 400 whatever the client accepts (Apollo); the spec prefers 200 for the legacy application/json.
  '572B': 'SHOULD use 200 status code on document parsing failure when accepting application/json',
  FDE2: 'SHOULD use 200 status code on document validation failure when accepting application/json',
  '7B9B': 'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
};

setUpTestDatabase();

const server = setUpApiServer();
let results: AuditResult[];

beforeAll(async () => {
  const { token } = await tokenFor(await makeUser('Auditor'));
  const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    return fetch(input, { ...init, headers });
  };
  results = [];
  // One at a time: the audits share one user's rate-limit budget and this machine's two cores.
  for (const audit of serverAudits({ url: server().url, fetchFn })) results.push(await audit.fn());
});

const failing = () => results.filter((result) => result.status !== 'ok');

describe('the graphql-http server audit', () => {
  it('runs with introspection enabled, as the audit expects', async () => {
    expect(introspectionEnabled()).toBe(true);
    const response = await fetch(server().url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
    });
    expect(await response.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('passes every MUST', () => {
    const musts = results.filter((result) => result.name.startsWith('MUST'));
    expect(musts.length).toBeGreaterThan(10);
    expect(musts.filter((result) => result.status !== 'ok').map((result) => `${result.id} ${result.name}`)).toEqual([]);
  });

  it('leaves only the SHOULD and MAY audits we chose not to follow', () => {
    const remaining = Object.fromEntries(failing().map((result) => [result.id, result.name]));
    expect(remaining).toEqual(REMAINING);
    // None of them is an error: the suite itself ranks them as recommendations.
    expect(failing().filter((result) => result.status === 'error')).toEqual([]);
  });

  it("runs the GET audits' requests once they carry a CSRF-safe header", async () => {
    const query = encodeURIComponent('query Type($name: String!) { __type(name: $name) { name } }');
    const variables = encodeURIComponent(JSON.stringify({ name: 'Session' }));
    const get = (headers: Record<string, string>) => fetch(`${server().url}?query=${query}&variables=${variables}`, { headers });
    expect((await get({})).status).toBe(400);
    const allowed = await get({ 'apollo-require-preflight': 'true' });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ data: { __type: { name: 'Session' } } });
  });

  it('each remaining one is explained in docs/api.md', () => {
    const readme = readFileSync(path.resolve(__dirname, '../../docs/api.md'), 'utf8');
    const start = readme.indexOf('**GraphQL over HTTP.**');
    expect(start).toBeGreaterThan(0);
    const section = readme.slice(start, readme.indexOf('\n\n', start));
    for (const id of Object.keys(REMAINING)) expect([id, section.includes(`\`${id}\``)]).toEqual([id, true]);
  });
});
