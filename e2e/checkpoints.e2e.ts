import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  clipLength,
  conversation,
  conversationTexts,
  historyEntries,
  historyItems,
  newSession,
  newUserWithProject,
  openHistory,
  send,
  userTurns,
} from './support/app';
import { newPage, useBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { saveScreenshot } from './support/screenshots';

/** Checkpoints and forks in the panel (issue #17): restore the timeline to an instruction, branch a session from one. */
describe('checkpoints and forks', () => {
  const browser = useBrowser();

  test('restore the timeline to an early instruction: preview, apply, then "undo that" brings the later state back', async () => {
    const page = await newPage(browser());
    await newUserWithProject(page, 'checkpoint');
    await send(page, 'make the outro a bit longer');
    await send(page, 'make the intro a bit longer');
    await newSession(page);
    await send(page, 'make the outro 3 seconds longer');
    assert.equal(await clipLength(page, 'Outro'), '10.0 s');
    assert.equal(await clipLength(page, 'Intro'), '6.0 s');

    // Back to the first session: the later edits come from both sessions.
    await openHistory(page);
    await historyItems(page).nth(1).getByRole('button', { name: 'Outro +2 s; Intro +2 s', exact: true }).click();
    await page.getByRole('dialog', { name: 'Session history' }).waitFor({ state: 'detached' });
    await eventually(async () => assert.equal((await conversationTexts(page))[0], 'make the outro a bit longer'));

    await userTurns(page).first().getByRole('button', { name: 'Restore timeline to here' }).click();
    const preview = conversation(page).getByRole('dialog', { name: 'Restore the timeline to right after this instruction?' });
    await preview.waitFor();
    assert.deepEqual(await preview.getByRole('list', { name: 'What changes' }).locator('li').allTextContents(), [
      '“Intro” 6.0 s → 4.0 s',
      '“Outro” 10.0 s → 7.0 s',
    ]);
    assert.match((await preview.locator('p').textContent()) ?? '', /from “Outro \+2 s; Intro \+2 s”, “Outro \+3 s”/);
    assert.equal(await clipLength(page, 'Outro'), '10.0 s'); // the preview changes nothing
    await saveScreenshot(page, 'checkpoints-restore-preview');
    await preview.getByRole('button', { name: 'Apply' }).click();
    await eventually(async () => assert.equal(await clipLength(page, 'Outro'), '7.0 s'));
    assert.equal(await clipLength(page, 'Intro'), '4.0 s');
    const texts = await conversationTexts(page);
    assert.match(texts[texts.length - 2], /^Restore the timeline to /);

    await send(page, 'undo that');
    assert.equal(await clipLength(page, 'Outro'), '10.0 s');
    assert.equal(await clipLength(page, 'Intro'), '6.0 s');
    await page.context().close();
  });

  test('branch a session from an instruction: the branch has the conversation up to it, is current, and is marked in the drawer', async () => {
    const page = await newPage(browser());
    await newUserWithProject(page, 'branch');
    await send(page, 'make the outro a bit longer');
    await send(page, 'make the intro a bit longer');
    const original = await conversationTexts(page);

    await userTurns(page).first().getByRole('button', { name: 'Branch from here' }).click();
    const form = conversation(page).getByRole('dialog', { name: 'Branch a new session from here' });
    assert.equal(await form.getByLabel('Also restore the timeline to this point').isChecked(), true);
    await form.getByRole('button', { name: 'Branch' }).click();
    await eventually(async () => assert.deepEqual(await conversationTexts(page), original.slice(0, 2)));
    await page
      .getByRole('region', { name: 'CoDirector' })
      .getByText(/^Branched from “Outro \+2 s; Intro \+2 s” on /)
      .waitFor();
    // The branch is titled after what its own copy of the conversation did.
    await page.getByRole('region', { name: 'CoDirector' }).getByText('Outro +2 s', { exact: true }).waitFor();
    assert.equal(await clipLength(page, 'Intro'), '4.0 s');
    assert.equal(await clipLength(page, 'Outro'), '7.0 s');

    // "undo that" in the branch means the branch's last copied edit.
    assert.equal(await send(page, 'undo that'), 'Undid: made “Outro” 2.0 s longer. “Outro” is back to 5.0 s.');

    await openHistory(page);
    const items = historyItems(page);
    assert.equal(await items.count(), 2);
    await items
      .first()
      .getByText(/^Branched from “Outro \+2 s; Intro \+2 s” on /)
      .waitFor();
    assert.deepEqual(
      (await historyEntries(page)).map((entry) => entry.title),
      ['Outro +2 s, then undone', 'Outro +2 s; Intro +2 s'],
    );
    await saveScreenshot(page, 'checkpoints-branch-drawer');
    assert.equal(await items.nth(1).locator('[data-branch-marker]').count(), 0);
    await page.context().close();
  });
});
