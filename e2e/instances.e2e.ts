import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { conversationTexts, historyEntries, LIVE_EVENTS_URL, newSession, newUserWithProject, openHistory, send } from './support/app';
import { BASE_URL, newPage, PHONE, useBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { graphql } from './support/ownServer';

/**
 * Two app instances on one Postgres database, as behind a load balancer (e2e/run.mjs starts the
 * second one when the suite runs on a Postgres server). Live events cross from one to the other.
 */
const SECOND_BASE_URL = process.env.E2E_SECOND_BASE_URL;
const onTwoInstances = { skip: SECOND_BASE_URL ? false : 'needs a second instance (runs on Postgres)' };

async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** A GraphQL call that must succeed. */
async function graphqlData<Data>(baseUrl: string, cookie: string, query: string, variables: Record<string, unknown> = {}): Promise<Data> {
  const result = await graphql<Data>(baseUrl, cookie, query, variables);
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return result.data!;
}

describe('two app instances on one database', () => {
  const browser = useBrowser();

  test('an instruction sent through one instance reaches a subscriber on the other within a second, in order', onTwoInstances, async () => {
    const page = await newPage(browser());
    await newUserWithProject(page, 'instances');
    const projectUuid = new URL(page.url()).pathname.split('/').pop()!;
    const cookie = await cookieHeader(page);

    const abort = new AbortController();
    const stream = await fetch(`${SECOND_BASE_URL}/api/projects/${projectUuid}/events`, { headers: { cookie }, signal: abort.signal });
    assert.equal(stream.status, 200);
    const reader = stream.body!.getReader();
    const received: { type: string; at: number }[] = [];
    const reading = (async () => {
      const decoder = new TextDecoder();
      for (let text = ''; ;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
        for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n')) {
          const type = /^event: (.+)$/m.exec(text.slice(0, end))?.[1];
          if (type) received.push({ type, at: Date.now() });
          text = text.slice(end + 2);
        }
      }
    })().catch(() => undefined);

    const { viewer } = await graphqlData<{ viewer: { projects: { edges: { node: { id: string } }[] } } }>(
      BASE_URL,
      cookie,
      '{ viewer { projects(first: 1) { edges { node { id } } } } }',
    );
    const projectId = viewer.projects.edges[0].node.id;
    const { startSession } = await graphqlData<{ startSession: { session: { id: string } } }>(
      BASE_URL,
      cookie,
      'mutation($id: ID!) { startSession(input: { projectId: $id }) { session { id } } }',
      { id: projectId },
    );
    const sent: number[] = [];
    for (const content of ['make the intro a bit longer', 'mute the main scene']) {
      await graphqlData(
        BASE_URL,
        cookie,
        'mutation($id: ID!, $content: String!) { sendMessage(input: { sessionId: $id, content: $content }) { reply { content } } }',
        {
          id: startSession.session.id,
          content,
        },
      );
      sent.push(Date.now());
    }

    await eventually(() => assert.equal(received.filter((event) => event.type === 'instruction.answered').length, 2));
    const answered = received.filter((event) => event.type === 'instruction.answered');
    answered.forEach((event, index) => assert.ok(event.at - sent[index] < 1000, `event ${index + 1} took ${event.at - sent[index]} ms`));
    assert.equal(received[0].type, 'session.started');
    abort.abort();
    await reading;
    await page.context().close();
  });

  test('a laptop on one instance and a phone on the other share one conversation and one history', onTwoInstances, async () => {
    const laptop = await newPage(browser());
    await newUserWithProject(laptop, 'two-instances');
    const phone = await newPage(browser(), { viewport: PHONE, storageState: await laptop.context().storageState() });
    const projectPath = new URL(laptop.url()).pathname;
    await Promise.all([phone.waitForResponse((response) => LIVE_EVENTS_URL.test(response.url())), phone.goto(`${SECOND_BASE_URL}${projectPath}`)]);

    await send(laptop, 'make the outro a bit longer');
    await eventually(async () =>
      assert.deepEqual(await conversationTexts(phone), ['make the outro a bit longer', 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.']),
    );

    await newSession(phone);
    await eventually(async () => assert.deepEqual(await conversationTexts(laptop), []));

    await openHistory(laptop);
    await openHistory(phone);
    const titles = async (page: Page) => (await historyEntries(page)).map((entry) => entry.title);
    await eventually(async () => assert.deepEqual(await titles(phone), await titles(laptop)));
    assert.equal((await titles(laptop)).length, 2);
    await laptop.context().close();
    await phone.context().close();
  });
});
