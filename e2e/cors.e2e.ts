import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO } from './support/app';
import { newContext, useBrowser } from './support/browser';
import { graphql, prepareOwnDatabase, signInCookie, startOwnServer, type OwnDatabase, type OwnServer } from './support/ownServer';

/**
 * CORS as a browser enforces it (docs/security.md, "CORS"): pages served from two other local
 * origins call the API with the user's cookie. The server lists one of them in CORS_ORIGINS.
 * All three are on 127.0.0.1 with other ports: other origins of the same site, so Chromium
 * attaches the SameSite=Lax cookie to both pages' requests and only CORS tells them apart.
 */

/** A blank page on an origin of its own, for scripts to run in. */
async function startPageServer(): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>Another app</title><h1>Another app</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Outcome {
  status?: number;
  email?: string | null;
  remaining?: string | null;
  contentType?: string | null;
  failure?: string;
}

/** What a script on `page` gets from the API: the answer it may read, or the error fetch rejects with. */
function callApi(page: Page, apiUrl: string, route: 'graphql' | 'stream', projectId = ''): Promise<Outcome> {
  return page.evaluate(
    async ({ apiUrl, route, projectId }) => {
      const controller = new AbortController();
      try {
        const response = await fetch(`${apiUrl}/api/graphql${route === 'stream' ? '/stream' : ''}`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'content-type': 'application/json', accept: route === 'stream' ? 'text/event-stream' : 'application/json' },
          body: JSON.stringify({ query: route === 'stream' ? `subscription { projectEvents(projectId: "${projectId}") { id } }` : '{ viewer { email } }' }),
          signal: controller.signal,
        });
        const outcome = {
          status: response.status,
          remaining: response.headers.get('x-ratelimit-remaining'),
          contentType: response.headers.get('content-type'),
        };
        if (route === 'stream') return outcome;
        const body = (await response.json()) as { data?: { viewer: { email: string } | null } };
        return { ...outcome, email: body.data?.viewer?.email ?? null };
      } catch (error) {
        return { failure: String(error) };
      } finally {
        controller.abort();
      }
    },
    { apiUrl, route, projectId },
  );
}

describe('CORS in the browser', () => {
  const browser = useBrowser();
  let database: OwnDatabase;
  let api: OwnServer;
  let listed: Awaited<ReturnType<typeof startPageServer>>;
  let unlisted: Awaited<ReturnType<typeof startPageServer>>;

  before(async () => {
    listed = await startPageServer();
    unlisted = await startPageServer();
    database = await prepareOwnDatabase();
    api = await startOwnServer(database, { CORS_ORIGINS: listed.origin });
  });

  after(async () => {
    api?.process.kill('SIGTERM');
    await api?.exited;
    await database?.drop();
    await listed?.close();
    await unlisted?.close();
  });

  test('a listed origin’s page reads the signed-in user’s answers and their rate-limit headers; another origin’s page reads nothing', async () => {
    const context = await newContext(browser(), { baseURL: api.url });
    const cookie = await signInCookie(api.url, DEMO.email, DEMO.password);
    const projects = await graphql<{ viewer: { projects: { edges: { node: { id: string } }[] } } }>(
      api.url,
      cookie,
      '{ viewer { projects(first: 1) { edges { node { id } } } } }',
    );
    const projectId = projects.data!.viewer.projects.edges[0].node.id;
    const [name, value] = cookie.split(/=(.*)/s);
    await context.addCookies([{ name, value, url: api.url, httpOnly: true, sameSite: 'Lax' }]);
    const page = await context.newPage();

    await page.goto(listed.origin);
    const fromListed = await callApi(page, api.url, 'graphql');
    assert.equal(fromListed.failure, undefined);
    assert.equal(fromListed.status, 200);
    assert.equal(fromListed.email, DEMO.email);
    assert.match(fromListed.remaining ?? '', /^\d+$/);
    const stream = await callApi(page, api.url, 'stream', projectId);
    assert.equal(stream.failure, undefined);
    // The cookie reached the stream route and was accepted from this origin: the stream opened.
    assert.deepEqual([stream.status, stream.contentType?.split(';')[0]], [200, 'text/event-stream']);

    await page.goto(unlisted.origin);
    for (const route of ['graphql', 'stream'] as const) {
      const fromUnlisted = await callApi(page, api.url, route, projectId);
      assert.match(fromUnlisted.failure ?? `read a ${fromUnlisted.status} answer`, /TypeError: Failed to fetch/, route);
    }
    await context.close();
  });
});
