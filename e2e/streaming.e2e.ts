import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DONE, finish, startFakeChatCompletions, textChunk, type FakeChatCompletions } from '../testing/fakeChatCompletions';
import { assistantTurns, conversation, conversationTexts, DEMO, messageBox, newSession, openProject, signIn } from './support/app';
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

  test('a reply the model service failed offers Retry on every device; Retry there completes it, exactly once', async () => {
    const sender = await newPage(browser(), { baseURL: server.url });
    const watcher = await newPage(browser(), { baseURL: server.url });
    for (const page of [sender, watcher]) {
      await signIn(page, DEMO.email, DEMO.password);
      await openProject(page, DEMO.project);
    }
    await newSession(sender);
    await eventually(async () => assert.equal(await conversation(watcher).locator('li').count(), 0), 20_000);

    fake.script({ status: 500 });
    const requestsBefore = fake.requests.length;
    await messageBox(sender).fill('make the intro pop');
    await messageBox(sender).press('Enter');
    for (const page of [sender, watcher]) {
      const failed = conversation(page).locator('li[data-role="assistant"][data-status="failed"]');
      await eventually(async () => assert.match((await failed.textContent()) ?? '', /The model service failed \(HTTP 500\)\. Nothing was changed\./), 15_000);
      await failed.getByText('This reply failed.').waitFor();
    }

    fake.script({ chunks: [textChunk('Made the intro '), textChunk('pop.'), finish(), DONE], chunkDelayMs: 100 });
    await conversation(watcher).getByRole('button', { name: 'Retry' }).click();
    for (const page of [sender, watcher]) {
      // The text streams in first; the reply then ends DONE, with no Retry left.
      await eventually(async () => assert.deepEqual(await conversationTexts(page), ['make the intro pop', 'Made the intro pop.']), 15_000);
      await eventually(async () => assert.equal(await assistantTurns(page).last().getAttribute('data-status'), 'done'));
      assert.equal(await conversation(page).getByRole('button', { name: 'Retry' }).count(), 0);
    }
    // One failed call and one retry reached the model; the reply was written once, in place.
    assert.equal(fake.requests.length, requestsBefore + 2);
    await sender.reload();
    assert.deepEqual(await conversationTexts(sender), ['make the intro pop', 'Made the intro pop.']);
  });
});
