import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { conversation, conversationTexts, newUserWithProject, send } from './support/app';
import { newPage, useBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { saveScreenshot } from './support/screenshots';

/**
 * The panel's context meter, Compact and the "Earlier in this session" note, with the built-in
 * interpreter: the meter moves as the conversation grows and drops after compacting, and the
 * compacted session (on this device and on another one, live) opens with its summary note.
 */
function meter(page: Page) {
  return page.getByRole('meter', { name: 'Context' });
}

async function meterValue(page: Page): Promise<number> {
  return Number(await meter(page).getAttribute('aria-valuenow'));
}

describe('the context of a session', () => {
  const browser = useBrowser();

  test('the meter moves as the conversation grows; Compact folds older turns into a summary note on every device', async () => {
    const page = await newPage(browser());
    await newUserWithProject(page, 'context');
    await send(page, 'make the outro a bit longer');

    await meter(page).waitFor();
    assert.equal(await meter(page).getAttribute('aria-valuemax'), '8000');
    assert.match((await meter(page).getAttribute('aria-valuetext')) ?? '', /^\d+% full, [\d,]+ of 8,000 tokens$/);
    const compact = page.getByRole('button', { name: 'Compact' });
    // One turn: nothing older to fold yet.
    assert.equal(await compact.isDisabled(), true);
    const afterOne = await meterValue(page);

    await send(page, 'mute the music');
    await send(page, 'rename the intro to Hello Lisbon');
    await eventually(async () => assert.ok((await meterValue(page)) > afterOne, 'the meter moves up'));
    const beforeCompacting = await meterValue(page);
    assert.equal(await page.getByRole('button', { name: 'Earlier in this session' }).count(), 0);

    // Another device of the same user, on the same session.
    const other = await newPage(browser(), { storageState: await page.context().storageState() });
    await other.goto(page.url());
    await meter(other).waitFor();

    await compact.click();
    for (const device of [page, other]) {
      const toggle = device.getByRole('button', { name: 'Earlier in this session' });
      await toggle.waitFor({ timeout: 10_000 });
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      assert.equal(await device.getByRole('region', { name: 'Earlier in this session' }).count(), 0, 'collapsed by default');
      await eventually(async () => assert.ok((await meterValue(device)) < beforeCompacting, 'the meter drops after compacting'));
    }
    assert.equal(await compact.isDisabled(), true);
    // The conversation itself is all still there.
    assert.equal((await conversationTexts(page)).length, 6);

    // Keyboard: the disclosure opens and closes with Enter and Space.
    const toggle = page.getByRole('button', { name: 'Earlier in this session' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const note = page.getByRole('region', { name: 'Earlier in this session' });
    assert.match((await note.textContent()) ?? '', /"make the outro a bit longer"[\s\S]*"mute the music"/);
    assert.doesNotMatch((await note.textContent()) ?? '', /rename the intro/);
    await saveScreenshot(page, 'context-compacted-note-open');
    await page.keyboard.press('Space');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(await note.count(), 0);

    // A reload keeps the summary (it is stored with the session), collapsed again.
    await page.reload();
    assert.equal(await page.getByRole('button', { name: 'Earlier in this session' }).getAttribute('aria-expanded'), 'false');
    assert.equal(await conversation(page).locator('li[data-role="user"]').count(), 3);
    await other.context().close();
    await page.context().close();
  });
});
