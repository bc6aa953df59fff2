import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { conversationTexts, historyButton, historyDrawer, historyItems, newUserWithProject } from './support/app';
import { newPage, useBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { graphqlAsPage } from './support/stress';

const SESSIONS = 23;

/** The focused element's accessible label: aria-label, or its text. */
async function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    return element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
  });
}

async function focusIsInDrawer(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null);
}

/** A project with SESSIONS sessions, each lengthening the outro, titled "Session 1" (oldest) to "Session 23" (newest, current), made through the API. */
async function projectWithManySessions(page: Page): Promise<void> {
  await newUserWithProject(page, 'drawerkeys');
  const { viewer } = await graphqlAsPage<{ viewer: { projects: { edges: { node: { id: string } }[] } } }>(
    page,
    '{ viewer { projects(first: 1) { edges { node { id } } } } }',
  );
  const projectId = viewer.projects.edges[0].node.id;
  for (let index = 1; index <= SESSIONS; index += 1) {
    const { startSession } = await graphqlAsPage<{ startSession: { session: { id: string } } }>(
      page,
      'mutation($id: ID!) { startSession(input: { projectId: $id }) { session { id } } }',
      { id: projectId },
    );
    await graphqlAsPage(page, 'mutation($id: ID!) { sendMessage(input: { sessionId: $id, content: "make the outro a bit longer" }) { reply { content } } }', {
      id: startSession.session.id,
    });
    await graphqlAsPage(page, 'mutation($id: ID!, $title: String!) { renameSession(input: { sessionId: $id, title: $title }) { session { id } } }', {
      id: startSession.session.id,
      title: `Session ${index}`,
    });
  }
  await page.reload();
}

/** Presses Tab (from the page's start) until the Session History button has focus. */
async function tabToHistoryButton(page: Page): Promise<void> {
  await page.locator('body').click({ position: { x: 1, y: 300 } });
  for (let presses = 0; presses < 30; presses += 1) {
    await page.keyboard.press('Tab');
    if ((await focusedLabel(page)) === 'Session history') return;
  }
  throw new Error('Tab never reached the Session history button.');
}

describe('the session history drawer with the keyboard only', () => {
  const browser = useBrowser();

  test('one tab stop for the list, arrows and Home/End move, Show More in two presses, Enter restores, Escape returns focus', async () => {
    const page = await newPage(browser());
    await projectWithManySessions(page);
    await tabToHistoryButton(page);

    // Enter opens it on the current session; Tab goes past the whole list to Show More.
    let presses = 0;
    const press = async (key: string) => {
      presses += 1;
      await page.keyboard.press(key);
    };
    await press('Enter');
    await historyDrawer(page).waitFor();
    assert.equal(await focusedLabel(page), `Session ${SESSIONS}`);
    await press('Tab');
    assert.equal(await focusedLabel(page), 'Show More');
    assert.ok(presses <= 5, `${presses} presses to Show More`);

    // Show More loads the next page and moves focus to its first session.
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await historyItems(page).count(), SESSIONS));
    await eventually(async () => assert.equal(await focusedLabel(page), 'Session 3'));

    await page.keyboard.press('End');
    assert.equal(await focusedLabel(page), 'Session 1');
    await page.keyboard.press('Home');
    assert.equal(await focusedLabel(page), `Session ${SESSIONS}`);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedLabel(page), `Session ${SESSIONS - 2}`);
    await page.keyboard.press('ArrowUp');
    assert.equal(await focusedLabel(page), `Session ${SESSIONS - 1}`);

    // Right arrow reaches the row's Rename and Delete; F2 and Delete work from the title.
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedLabel(page), `Rename “Session ${SESSIONS - 1}”`);
    await page.keyboard.press('ArrowRight');
    assert.equal(await focusedLabel(page), `Delete “Session ${SESSIONS - 1}”`);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('F2');
    await historyDrawer(page).getByLabel('Session title').waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await focusedLabel(page), `Session ${SESSIONS - 1}`);
    await page.keyboard.press('Delete');
    await historyDrawer(page)
      .getByRole('group', { name: /^Delete/ })
      .waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await focusedLabel(page), `Session ${SESSIONS - 1}`);

    // Tab never leaves the open drawer, forwards or backwards.
    for (const key of [...Array<string>(8).fill('Tab'), ...Array<string>(8).fill('Shift+Tab')]) {
      await page.keyboard.press(key);
      assert.equal(await focusIsInDrawer(page), true, `focus left the drawer after ${key}`);
    }

    // Back to the list's tab stop, which remembers its row; Enter restores that session.
    for (let presses = 0; presses < 10 && (await focusedLabel(page)) !== `Session ${SESSIONS - 1}`; presses += 1) await page.keyboard.press('Tab');
    assert.equal(await focusedLabel(page), `Session ${SESSIONS - 1}`);
    await page.keyboard.press('Enter');
    await historyDrawer(page).waitFor({ state: 'detached' });
    await eventually(async () => {
      const [instruction, reply] = await conversationTexts(page);
      assert.equal(instruction, 'make the outro a bit longer');
      assert.match(reply, /^Made “Outro” 2\.0 s longer/);
    });
    assert.equal(await focusedLabel(page), 'Session history');

    // Escape closes it and gives focus back to the toggle.
    await page.keyboard.press('Enter');
    await historyDrawer(page).waitFor();
    assert.equal(await focusedLabel(page), `Session ${SESSIONS - 1}`);
    await page.keyboard.press('Escape');
    await historyDrawer(page).waitFor({ state: 'detached' });
    assert.equal(await focusedLabel(page), 'Session history');
    assert.equal(await historyButton(page).getAttribute('aria-expanded'), 'false');
    await page.context().close();
  });

  test('a click outside closes the drawer', async () => {
    const page = await newPage(browser());
    await newUserWithProject(page, 'drawerclick');
    await historyButton(page).click();
    await historyDrawer(page).waitFor();
    await page.getByRole('heading', { name: 'Timeline' }).click();
    await historyDrawer(page).waitFor({ state: 'detached' });
    await page.context().close();
  });
});
