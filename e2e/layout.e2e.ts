import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { DEMO, conversation, historyButton, historyDrawer, messageBox, openHistory, openProject, signIn } from './support/app';
import { PHONE, newContext, useBrowser } from './support/browser';
import { saveScreenshot } from './support/screenshots';
import { LONG_PROJECT_NAME, LONG_SESSION_TITLE, userWithStressProject } from './support/stress';

const SIZES = [
  { label: 'desktop', viewport: { width: 1440, height: 900 } },
  { label: 'laptop', viewport: { width: 1024, height: 768 } },
  { label: 'phone', viewport: PHONE },
] as const;

/** Waits for the drawer's slide-in to end, so boxes are measured where they settle. */
async function openHistorySettled(page: Page): Promise<void> {
  await openHistory(page);
  await historyDrawer(page).evaluate((drawer) => Promise.all(drawer.getAnimations().map((animation) => animation.finished)));
}

/** Nothing, however long, makes the page scroll sideways. */
async function assertNoSidewaysScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(scrollWidth <= innerWidth, `${where}: the page is ${scrollWidth} px wide in a ${innerWidth} px window`);
}

async function assertInViewport(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  assert.ok(box, `${what} is not rendered`);
  const viewport = page.viewportSize();
  assert.ok(viewport);
  assert.ok(
    box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width + 0.5 && box.y + box.height <= viewport.height + 0.5,
    `${what} is outside the ${viewport.width}×${viewport.height} viewport: ${JSON.stringify(box)}`,
  );
}

/** The panel's toolbar (New Session, Session History) and its composer (message box, Send) are on screen. */
async function assertPanelControlsVisible(page: Page, where: string): Promise<void> {
  await assertInViewport(page, page.getByRole('button', { name: 'New session' }), `${where}: New session`);
  await assertInViewport(page, historyButton(page), `${where}: Session history`);
  await assertInViewport(page, messageBox(page), `${where}: the message box`);
  await assertInViewport(page, page.getByRole('button', { name: 'Send' }), `${where}: Send`);
}

describe('layout with the longest user text, at 1440×900, 1024×768 and 390×844', () => {
  const browser = useBrowser();
  let owner: BrowserContext;
  let projectPath: string;

  before(async () => {
    owner = await newContext(browser());
    const page = await owner.newPage();
    projectPath = await userWithStressProject(page, 'layout');
    await page.close();
  });

  for (const { label, viewport } of SIZES) {
    test(`${label}: every page fits the width; the panel's toolbar and composer stay on screen`, async () => {
      const signedIn = await newContext(browser(), { viewport, storageState: await owner.storageState() });
      const page = await signedIn.newPage();

      await page.goto(projectPath);
      await page.getByRole('heading', { level: 1, name: LONG_PROJECT_NAME }).waitFor();
      await conversation(page).getByText('Look at https://example.com/').waitFor();
      assert.equal(await page.getByRole('list', { name: 'Clips' }).locator(':scope > li').count(), 40);
      assert.equal(await page.getByRole('region', { name: 'CoDirector' }).locator('p').first().textContent(), LONG_SESSION_TITLE);
      await assertNoSidewaysScroll(page, 'project page');
      await assertPanelControlsVisible(page, 'project page');
      await saveScreenshot(page, `layout-project-${label}`);

      await openHistorySettled(page);
      await assertNoSidewaysScroll(page, 'drawer open');
      await assertInViewport(page, historyDrawer(page).getByRole('button', { name: 'Close session history' }), 'drawer: Close');
      await assertInViewport(page, historyDrawer(page).getByRole('button', { name: LONG_SESSION_TITLE, exact: true }), 'drawer: the session');
      await saveScreenshot(page, `layout-project-drawer-${label}`);
      await historyDrawer(page)
        .getByRole('button', { name: `Rename “${LONG_SESSION_TITLE}”` })
        .click();
      await assertNoSidewaysScroll(page, 'rename form');
      await saveScreenshot(page, `layout-project-rename-${label}`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await historyDrawer(page).waitFor({ state: 'detached' });

      for (const [name, url, ready] of [
        ['projects', '/', 'main'],
        ['tokens', '/settings/tokens', 'main'],
        ['explorer', '/graphql', '.graphiql-container .monaco-editor'],
        ['not-found', '/projects/00000000-0000-4000-8000-000000000000', 'main'],
      ] as const) {
        await page.goto(url);
        await page.locator(ready).first().waitFor();
        await assertNoSidewaysScroll(page, name);
        await saveScreenshot(page, `layout-${name}-${label}`);
      }
      await signedIn.close();

      const signedOut = await newContext(browser(), { viewport });
      const anonymous = await signedOut.newPage();
      for (const [name, url] of [
        ['signin', '/signin'],
        ['signup', '/signup'],
      ] as const) {
        await anonymous.goto(url);
        await anonymous.locator('main').first().waitFor();
        await assertNoSidewaysScroll(anonymous, name);
        await saveScreenshot(anonymous, `layout-${name}-${label}`);
      }
      await signedOut.close();
    });
  }

  test('phone: a full-height panel, its composer at the bottom, the timeline collapsible and the drawer a full-screen sheet', async () => {
    const phone = await newContext(browser(), { viewport: PHONE, storageState: await owner.storageState() });
    const page = await phone.newPage();
    await page.goto(projectPath);
    const composerBottom = await messageBox(page).evaluate((box) => box.closest('form')!.getBoundingClientRect().bottom);
    assert.ok(PHONE.height - composerBottom < 2, `the composer ends at ${composerBottom}, not at the bottom (${PHONE.height})`);
    assert.equal(await page.evaluate(() => document.documentElement.scrollHeight), PHONE.height);

    const clips = page.getByRole('list', { name: 'Clips' });
    const hide = page.getByRole('button', { name: 'Hide the timeline' });
    await hide.click();
    await clips.waitFor({ state: 'hidden' });
    assert.equal(await page.getByRole('button', { name: 'Show the timeline' }).getAttribute('aria-expanded'), 'false');
    const logHeight = async () => (await conversation(page).boundingBox())?.height ?? 0;
    const collapsedLog = await logHeight();
    await page.getByRole('button', { name: 'Show the timeline' }).click();
    await clips.waitFor();
    assert.ok(collapsedLog > (await logHeight()), 'collapsing the timeline gives the conversation the room');

    await openHistorySettled(page);
    const sheet = await historyDrawer(page).boundingBox();
    assert.deepEqual(sheet, { x: 0, y: 0, width: PHONE.width, height: PHONE.height });
    const body = historyDrawer(page).getByRole('list', { name: 'Sessions, newest first' }).locator('..');
    assert.equal(await body.evaluate((element) => getComputedStyle(element).overflowY), 'auto');
    await phone.close();
  });

  // Copied by hand into docs/ for the README when the look changes.
  test('README screenshots: the demo project with the drawer open, and on a phone', async () => {
    for (const [name, viewport, drawer] of [
      ['readme-project-history', { width: 1440, height: 900 }, true],
      ['readme-project-phone', PHONE, false],
    ] as const) {
      const context = await newContext(browser(), { viewport, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await signIn(page, DEMO.email, DEMO.password);
      await openProject(page, DEMO.project);
      if (drawer) await openHistorySettled(page);
      // No hover tooltip in the picture.
      await page.mouse.move(0, viewport.height - 1);
      await saveScreenshot(page, name);
      await context.close();
    }
  });
});
