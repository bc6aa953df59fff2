import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  assistantTurns,
  clipLength,
  conversation,
  conversationTexts,
  historyDrawer,
  historyEntries,
  historyItems,
  isServerAction,
  LIVE_EVENTS_URL,
  messageBox,
  newSession,
  newUserWithProject,
  openHistory,
  readTimeline,
  send,
  userTurns,
} from './support/app';
import { newPage, PHONE, useBrowser } from './support/browser';
import { eventually } from './support/eventually';

const NOTHING_TO_UNDO = "There's nothing in this session to undo.";

async function sessionPanelTitle(page: Page): Promise<string> {
  return (await page.getByRole('region', { name: 'CoDirector' }).locator('p').first().textContent()) ?? '';
}

describe('talking to CoDirector', () => {
  const browser = useBrowser();

  test('New Session empties the panel, keeps the timeline, and starts without the old context', async () => {
    const page = await newPage(browser());
    await newUserWithProject(page, 'newsession');
    assert.equal(await send(page, 'make the outro a bit longer'), 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.');
    assert.equal(await sessionPanelTitle(page), 'Outro +2 s');
    const timeline = await readTimeline(page);

    await newSession(page);
    assert.equal(await sessionPanelTitle(page), 'New session');
    await conversation(page).getByText('A fresh session').waitFor();
    assert.deepEqual(await readTimeline(page), timeline);

    assert.equal(await send(page, 'undo that'), NOTHING_TO_UNDO);
    assert.equal(await clipLength(page, 'Outro'), '7.0 s');
    assert.deepEqual(await conversationTexts(page), ['undo that', NOTHING_TO_UNDO]);
    await page.context().close();
  });

  test('pressing New Session twice, or on an empty session, makes one session', async () => {
    const page = await newPage(browser());
    await newUserWithProject(page, 'twice');
    await openHistory(page);
    await page.getByText('No sessions yet.').waitFor();
    await page.keyboard.press('Escape');

    await newSession(page);
    await newSession(page);
    await openHistory(page);
    assert.deepEqual(
      (await historyEntries(page)).map((entry) => entry.title),
      ['New session'],
    );
    await page.keyboard.press('Escape');

    await send(page, 'make the intro a bit shorter');
    await newSession(page);
    await newSession(page);
    await openHistory(page);
    assert.deepEqual(
      (await historyEntries(page)).map((entry) => entry.title),
      ['New session', 'Intro −2 s'],
    );
    await page.context().close();
  });

  test('restoring an older session loads its conversation, and "undo that last change" undoes its last edit', async () => {
    const page = await newPage(browser());
    await newUserWithProject(page, 'restore');
    await send(page, 'make the outro a bit longer');
    await newSession(page);
    await send(page, 'make the intro a bit longer');
    assert.equal(await clipLength(page, 'Intro'), '6.0 s');

    await openHistory(page);
    const items = historyItems(page);
    assert.deepEqual(
      (await historyEntries(page)).map((entry) => entry.title),
      ['Intro +2 s', 'Outro +2 s'],
    );
    assert.equal(await items.first().getByRole('button', { name: 'Intro +2 s', exact: true }).getAttribute('aria-current'), 'true');
    // Both were made today, in the browser's time zone: one "Today" group, each row with its time (lib/dates.ts shortDate).
    assert.deepEqual(await historyDrawer(page).locator('li[aria-hidden="true"]').allTextContents(), ['Today']);
    assert.match((await historyEntries(page))[0].date, /^\d{2}:\d{2}$/);

    await items.nth(1).getByRole('button', { name: 'Outro +2 s', exact: true }).click();
    await page.getByRole('dialog', { name: 'Session history' }).waitFor({ state: 'detached' });
    await eventually(async () => assert.deepEqual(await conversationTexts(page), ['make the outro a bit longer', 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.']));
    assert.equal(await sessionPanelTitle(page), 'Outro +2 s');

    assert.equal(await send(page, 'actually, undo that last change'), 'Undid: made “Outro” 2.0 s longer. “Outro” is back to 5.0 s.');
    assert.equal(await clipLength(page, 'Outro'), '5.0 s');
    assert.equal(await clipLength(page, 'Intro'), '6.0 s');
    await assistantTurns(page).first().getByText('Undone').waitFor();

    // The current session is kept on the server: another browser lands in it too.
    const elsewhere = await newPage(browser(), { storageState: await page.context().storageState() });
    await elsewhere.goto(page.url());
    assert.equal(await assistantTurns(elsewhere).count(), 2);
    assert.equal(await sessionPanelTitle(elsewhere), 'Outro +2 s, then undone');
    await elsewhere.context().close();
    await page.context().close();
  });

  test('a message sent on one device shows on the other, without a reload', async () => {
    const laptop = await newPage(browser());
    await newUserWithProject(laptop, 'devices');
    const phone = await newPage(browser(), { viewport: PHONE, storageState: await laptop.context().storageState() });
    // The page subscribes to the project's live events once its script runs.
    await Promise.all([phone.waitForResponse((response) => LIVE_EVENTS_URL.test(response.url())), phone.goto(laptop.url())]);

    await send(laptop, 'make the outro a bit longer');
    await eventually(async () =>
      assert.deepEqual(await conversationTexts(phone), ['make the outro a bit longer', 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.']),
    );
    assert.equal(await clipLength(phone, 'Outro'), '7.0 s');

    assert.equal(await send(phone, 'actually, undo that last change'), 'Undid: made “Outro” 2.0 s longer. “Outro” is back to 5.0 s.');
    await eventually(async () => assert.equal((await conversationTexts(laptop)).length, 4));
    assert.equal(await clipLength(laptop, 'Outro'), '5.0 s');
    await laptop.context().close();
    await phone.context().close();
  });

  test('the message shows at once, the input waits, Shift+Enter makes a new line', async () => {
    const page = await newPage(browser());
    await newUserWithProject(page, 'optimistic');
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/projects/*', async (route) => {
      if (isServerAction(route)) await held;
      await route.fallback();
    });

    await messageBox(page).fill('make the outro');
    await messageBox(page).press('Shift+Enter');
    await messageBox(page).pressSequentially('a bit longer');
    assert.equal(await messageBox(page).inputValue(), 'make the outro\na bit longer');
    await messageBox(page).press('Enter');

    const pending = userTurns(page).first();
    await pending.getByText('Sending…').waitFor();
    assert.equal(await pending.locator('p').first().textContent(), 'make the outro\na bit longer');
    assert.equal(await messageBox(page).isDisabled(), true);
    assert.equal(await messageBox(page).inputValue(), '');

    release();
    await eventually(async () => assert.equal(await assistantTurns(page).count(), 1));
    await eventually(async () => assert.equal(await messageBox(page).isEnabled(), true));
    assert.equal(await conversation(page).locator('[data-status="sending"]').count(), 0);
    assert.equal(await clipLength(page, 'Outro'), '7.0 s');
    // Focus returns to the message box for the next instruction.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'codirector-input');
    await page.context().close();
  });

  test('a send whose answer is lost is marked failed; Retry with the same id applies it exactly once', async () => {
    const page = await newPage(browser());
    // No live updates on this device: only the Retry can bring the lost answer in.
    await page.route(LIVE_EVENTS_URL, (route) => route.abort());
    await newUserWithProject(page, 'retry');
    let dropNextAnswer = true;
    await page.route('**/projects/*', async (route) => {
      if (!isServerAction(route) || !dropNextAnswer) return route.fallback();
      dropNextAnswer = false;
      // The server stores the instruction, but the browser never hears back.
      await route.fetch();
      await route.abort('connectionreset');
    });

    await messageBox(page).fill('make the outro a bit longer');
    await messageBox(page).press('Enter');
    const failed = userTurns(page).first();
    await failed.getByText(/Not sent\./).waitFor();
    assert.equal(await failed.getAttribute('data-status'), 'failed');

    await failed.getByRole('button', { name: 'Retry' }).click();
    await eventually(async () => assert.equal(await assistantTurns(page).count(), 1));
    await eventually(async () => assert.equal(await conversation(page).locator('[data-status="failed"]').count(), 0));
    assert.deepEqual(await conversationTexts(page), ['make the outro a bit longer', 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.']);
    assert.equal(await clipLength(page, 'Outro'), '7.0 s');

    await page.reload();
    assert.equal(await userTurns(page).count(), 1);
    assert.equal(await clipLength(page, 'Outro'), '7.0 s');
    await page.context().close();
  });
});
