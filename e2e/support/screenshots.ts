import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';

const SCREENSHOTS_DIR = path.join('e2e', 'screenshots');

/** Saves a screenshot of the viewport (or the whole page) for review into the git-ignored e2e/screenshots. */
export async function saveScreenshot(page: Page, name: string, { fullPage = false } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), animations: 'disabled', fullPage });
}
