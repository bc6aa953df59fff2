import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { historyDrawer, historyItems, newUserWithProject, openHistory, send } from './support/app';
import { PHONE, newContext, useBrowser } from './support/browser';

/** axe-core's WCAG 2.x A and AA rules and its best practices: every violation fails, whatever its impact. */
async function assertNoAxeViolations(page: Page, state: string): Promise<void> {
  let found = await axeViolations(page);
  // A refresh that began after the title settled (a live event's, late on a busy machine) can take it away
  // for a moment once more: the page is checked again when it is back. A page without a title still fails.
  if (found.length === 1 && found[0].startsWith('serious document-title')) found = await axeViolations(page);
  assert.deepEqual(found, [], `axe found violations on ${state}:\n${found.join('\n')}`);
}

async function axeViolations(page: Page): Promise<string[]> {
  await titleSettled(page);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.map(
    (violation) =>
      `${violation.impact} ${violation.id}: ${violation.help}\n` +
      violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(' ')} ${node.failureSummary?.split('\n').slice(1, 2).join(' ') ?? ''}`)
        .join('\n'),
  );
}

/**
 * Next.js streams a dynamic page's metadata after its body: after a navigation or a refresh the
 * <title> arrives a moment after the content, and a refresh a live event causes (one that arrives
 * before the page's own action has rendered what it did) takes it away for a moment again. Waits until the
 * page has had a title for a second without a gap; a page that never gets one fails here.
 */
async function titleSettled(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { titledSince?: number | null }).titledSince = null;
  });
  await page.waitForFunction(
    () => {
      const watch = window as unknown as { titledSince?: number | null };
      if (document.title.trim() === '') watch.titledSince = null;
      else watch.titledSince ??= performance.now();
      return watch.titledSince != null && performance.now() - watch.titledSince >= 1_000;
    },
    undefined,
    { timeout: 15_000, polling: 50 },
  );
}

describe('accessibility (axe-core) of every page and state', () => {
  const browser = useBrowser();
  let owner: BrowserContext;
  let projectPath: string;

  before(async () => {
    owner = await newContext(browser());
    const page = await owner.newPage();
    await newUserWithProject(page, 'axe');
    projectPath = new URL(page.url()).pathname;
    await send(page, 'make the outro a bit longer');
    await page.close();
  });

  test('signed out: sign-in and sign-up', async () => {
    const context = await newContext(browser());
    const page = await context.newPage();
    await page.goto('/signin');
    await assertNoAxeViolations(page, 'sign-in');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await assertNoAxeViolations(page, 'sign-in with errors');
    await page.goto('/signup');
    await assertNoAxeViolations(page, 'sign-up');
    await context.close();
  });

  for (const [label, viewport] of [
    ['desktop', { width: 1440, height: 900 }],
    ['phone', PHONE],
  ] as const) {
    test(`${label}: projects, the project page, the drawer and its forms, tokens, the explorer, 404`, async () => {
      const context = await newContext(browser(), { viewport, storageState: await owner.storageState() });
      const page = await context.newPage();
      await page.goto('/');
      await assertNoAxeViolations(page, 'projects');

      await page.goto(projectPath);
      await page.getByTestId('connection-state').getByText('Connected').waitFor();
      await assertNoAxeViolations(page, 'project page');

      await openHistory(page);
      await assertNoAxeViolations(page, 'drawer open');
      await historyItems(page)
        .first()
        .getByRole('button', { name: /^Rename/ })
        .click();
      await historyDrawer(page).getByLabel('Session title').waitFor();
      await assertNoAxeViolations(page, 'rename form');
      await page.keyboard.press('Escape');
      await historyItems(page)
        .first()
        .getByRole('button', { name: /^Delete/ })
        .click();
      await assertNoAxeViolations(page, 'delete confirmation');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Escape');
      await historyDrawer(page).waitFor({ state: 'detached' });

      await page.getByRole('button', { name: 'New session' }).click();
      await page.getByText('Try one of these').waitFor();
      await assertNoAxeViolations(page, 'empty session with suggestions');

      await page.goto('/settings/tokens');
      await assertNoAxeViolations(page, 'tokens');
      await page.getByLabel('Token name').fill('Axe');
      await page.getByRole('button', { name: 'Create token' }).click();
      await page.getByRole('textbox', { name: 'New token' }).waitFor();
      await assertNoAxeViolations(page, 'tokens with a new secret');

      await page.goto('/graphql');
      await page.locator('.graphiql-container').waitFor();
      await assertNoAxeViolations(page, 'the API explorer');

      await page.goto('/projects/00000000-0000-4000-8000-000000000000');
      await assertNoAxeViolations(page, 'not found');
      await context.close();
    });
  }
});
