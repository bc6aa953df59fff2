import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { conversationTexts, LIVE_EVENTS_URL, newSession, newUserWithProject, send } from './support/app';
import { newPage, useBrowser } from './support/browser';
import { eventually } from './support/eventually';

/** Counts the page's own re-renders (router.refresh() fetches the page with an `rsc` header). */
function countRefreshes(page: Page): () => number {
  let refreshes = 0;
  page.on('request', (request) => {
    if (request.method() === 'GET' && request.headers()['rsc'] === '1' && new URL(request.url()).pathname.startsWith('/projects/')) refreshes += 1;
  });
  return () => refreshes;
}

describe('one render per change', () => {
  const browser = useBrowser();

  test('the sending device renders once (its action), another open device once (the live event)', async () => {
    const laptop = await newPage(browser());
    await newUserWithProject(laptop, 'refresh');
    await send(laptop, 'make the intro a bit longer');
    const phone = await laptop.context().newPage();
    await phone.goto(laptop.url());
    // Both pages are listening before the instruction we count.
    await eventually(async () =>
      assert.equal((await phone.getByText('Connected', { exact: true }).count()) + (await laptop.getByText('Connected', { exact: true }).count()), 2),
    );

    const laptopRefreshes = countRefreshes(laptop);
    const phoneRefreshes = countRefreshes(phone);
    await send(laptop, 'mute the outro');
    await eventually(async () => assert.ok((await conversationTexts(phone)).includes('mute the outro')));
    // Past the live updates' debounce, so a late refresh would have been counted.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(laptopRefreshes(), 0, 'the sending device skips the live event of its own instruction');
    assert.equal(phoneRefreshes(), 1, 'the other device refreshes once');
    await laptop.context().close();
  });

  test('a session action renders this device once: the live event of a change the page already shows causes no second render', async () => {
    const page = await newPage(browser());
    await newUserWithProject(page, 'own-action');
    await send(page, 'make the intro a bit longer');
    await page.getByTestId('connection-state').getByText('Connected').waitFor();

    const refreshes = countRefreshes(page);
    await newSession(page);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(refreshes(), 0, 'the action rendered the new session; its session.started event is already shown');
    await page.context().close();
  });

  test('a change made between the page rendering and its live stream opening still reaches the page', async () => {
    const laptop = await newPage(browser());
    await newUserWithProject(laptop, 'late-stream');
    await send(laptop, 'make the intro a bit longer');

    // The phone renders the page, but its event stream is held back until the laptop has sent.
    const phone = await laptop.context().newPage();
    let releaseStream!: () => void;
    const streamHeld = new Promise<void>((resolve) => (releaseStream = resolve));
    await phone.route(LIVE_EVENTS_URL, async (route) => {
      await streamHeld;
      await route.continue();
    });
    await phone.goto(laptop.url());
    assert.equal(await phone.getByTestId('connection-state').getByText('Connected').count(), 0);

    await send(laptop, 'mute the outro');
    releaseStream();
    await phone.getByTestId('connection-state').getByText('Connected').waitFor();
    await eventually(async () =>
      assert.ok((await conversationTexts(phone)).includes('mute the outro'), 'the missed instruction replays when the stream opens'),
    );
    await laptop.context().close();
  });
});
