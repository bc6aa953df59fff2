import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DONE, finish, startFakeChatCompletions, textChunk, type FakeChatCompletions } from '../testing/fakeChatCompletions';
import { assistantTurns, conversation, DEMO, messageBox, openProject, signIn } from './support/app';
import { newPage, useBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { prepareOwnDatabase, startOwnServer, type OwnDatabase, type OwnServer } from './support/ownServer';

/**
 * A model behind CoDirector (ASSISTANT_PROVIDER=openai against a scripted local chat-completions
 * server), in the browser: the reply's text grows on another open device, and Stop ends it.
 */
describe('a reply a model writes', () => {
  const browser = useBrowser();
  let database: OwnDatabase;
  let fake: FakeChatCompletions;
  let server: OwnServer;

  before(async () => {
    database = await prepareOwnDatabase();
    fake = await startFakeChatCompletions();
    server = await startOwnServer(database, {
      ASSISTANT_PROVIDER: 'openai',
      OPENAI_API_KEY: 'e2e-key',
      OPENAI_BASE_URL: fake.url,
      OPENAI_MODEL: 'fake-model',
      ASSISTANT_MAX_RETRIES: '0',
      // The panel's Stop must work where signed-in browsers may run only the app's own documents.
      GRAPHQL_TRUSTED_DOCUMENTS: 'only',
    });
  });
  after(async () => {
    server?.process.kill('SIGTERM');
    await server?.exited;
    await fake?.close();
    await database?.drop();
  });

  test('grows on another device as it streams, and Stop there ends it with the text so far', async () => {
    fake.script({ chunks: [...Array.from({ length: 60 }, (_, index) => textChunk(`word${index} `)), finish(), DONE], chunkDelayMs: 150 });
    const sender = await newPage(browser(), { baseURL: server.url });
    const watcher = await newPage(browser(), { baseURL: server.url });
    for (const page of [sender, watcher]) {
      await signIn(page, DEMO.email, DEMO.password);
      await openProject(page, DEMO.project);
    }

    await messageBox(sender).fill('tell me about the timeline');
    await messageBox(sender).press('Enter');

    const streaming = conversation(watcher).locator('[data-status="streaming"]');
    await eventually(async () => assert.match((await streaming.textContent()) ?? '', /word0 /));
    const early = (await streaming.locator('p').first().textContent()) ?? '';
    await eventually(async () => assert.ok(((await streaming.locator('p').first().textContent()) ?? '').length > early.length + 10, 'the text grows'));

    await streaming.getByRole('button', { name: 'Stop' }).click();
    await eventually(async () => assert.equal(await streaming.count(), 0));
    const replies = assistantTurns(watcher);
    const last = (await replies.last().textContent()) ?? '';
    assert.match(last, /word0 word1 /);
    assert.doesNotMatch(last, /word59/);
    // The sending device ends with the same stopped reply.
    await eventually(async () => assert.match((await assistantTurns(sender).last().textContent()) ?? '', /word0 word1 /), 15_000);
  });
});
