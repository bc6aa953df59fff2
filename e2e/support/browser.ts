import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A fresh browser profile (no cookies) whose pages fail loudly on uncaught errors. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: BASE_URL, viewport: DESKTOP, ...options });
  context.setDefaultTimeout(15_000);
  context.on('page', watchForErrors);
  return context;
}

export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await newContext(browser, options);
  return context.newPage();
}

/** Uncaught exceptions in the page fail the test that is running. */
function watchForErrors(page: Page): void {
  page.on('pageerror', (error) => {
    pageErrors.push(`${page.url()}: ${error.message}`);
  });
}

export const pageErrors: string[] = [];

/**
 * One Chromium for the enclosing describe block: launched before its tests, closed after them,
 * and the block fails if any page threw an uncaught error. Call it inside `describe`.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    assert.deepEqual(pageErrors, []);
  });
  return () => {
    if (!browser) throw new Error('useBrowser(): the browser is not launched yet (use it inside a test)');
    return browser;
  };
}
