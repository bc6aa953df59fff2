import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { conversationTexts, newUserWithProject, send } from './support/app';
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

describe('one render per instruction', () => {
  const browser = useBrowser();

  test('the sending device renders once (its action), another open device once (the live event)', async () => {
    const laptop = await newPage(browser());
    await newUserWithProject(laptop, 'refresh');
    await send(laptop, 'make the intro a bit longer');
    const phone = await laptop.context().newPage();
    await phone.goto(laptop.url());
    // Both pages are listening before the instruction we count.
    await eventually(async () => assert.equal(await phone.getByText('Connected', { exact: true }).count() + (await laptop.getByText('Connected', { exact: true }).count()), 2));

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
});
