import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Locator, Page, Route } from 'playwright-core';
import { eventually } from './eventually';

/** The seeded demo account (scripts/demo-data.ts). */
export const DEMO = { email: 'demo@codirector.dev', password: 'codirector-demo', project: 'Summer in Lisbon', sessions: 45 };
export const PASSWORD = 'correct horse battery';

export function uniqueEmail(label: string): string {
  return `${label}-${randomBytes(4).toString('hex')}@example.com`;
}

export async function signUp(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

export async function signIn(page: Page, email: string, password: string, callbackUrl = '/'): Promise<void> {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === callbackUrl.split('?')[0]);
}

/** Signs up a new user and creates a project with the starter timeline; ends on the project page. */
export async function newUserWithProject(page: Page, label: string, projectName = `${label} project`): Promise<void> {
  await signUp(page, uniqueEmail(label));
  await createProject(page, projectName);
}

export async function createProject(page: Page, name: string): Promise<void> {
  await page.getByLabel('Project name').fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

export async function openProject(page: Page, name: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name, exact: true }).click();
  await page.waitForURL(/\/projects\//);
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** Server actions are POSTs to the page that carry a Next-Action header. */
export function isServerAction(route: Route): boolean {
  const request = route.request();
  return request.method() === 'POST' && request.headers()['next-action'] !== undefined;
}

/** A project page's live event stream (it opens with `?after=` the last event the page shows). */
export const LIVE_EVENTS_URL = /\/api\/projects\/[^/]+\/events(\?|$)/;

// The CoDirector panel

export function conversation(page: Page): Locator {
  return page.getByRole('log', { name: 'Conversation' });
}

export function assistantTurns(page: Page): Locator {
  return conversation(page).locator('li[data-role="assistant"]');
}

export function userTurns(page: Page): Locator {
  return conversation(page).locator('li[data-role="user"]');
}

export async function turnTexts(turns: Locator): Promise<string[]> {
  return turns.evaluateAll((items) => items.map((item) => item.querySelector('p')?.textContent ?? ''));
}

export async function conversationTexts(page: Page): Promise<string[]> {
  return turnTexts(conversation(page).locator('li[data-role="user"], li[data-role="assistant"]'));
}

export function messageBox(page: Page): Locator {
  return page.getByLabel('Message CoDirector');
}

/** Sends an instruction with Enter and waits for CoDirector's reply; returns the reply's text. */
export async function send(page: Page, instruction: string): Promise<string> {
  const replies = assistantTurns(page);
  const before = await replies.count();
  await messageBox(page).fill(instruction);
  await messageBox(page).press('Enter');
  await eventually(async () => assert.equal(await replies.count(), before + 1));
  await eventually(async () => assert.equal(await conversation(page).locator('[data-status="sending"]').count(), 0));
  const texts = await turnTexts(replies);
  return texts[texts.length - 1];
}

/** The edits listed under the latest reply, with "(undone)" after those since undone. */
export async function editsOfLastReply(page: Page): Promise<string[]> {
  return assistantTurns(page)
    .last()
    .locator('ul[aria-label="Edits applied"] > li')
    .evaluateAll((items) => items.map((item) => item.textContent ?? ''));
}

// The timeline

export interface TimelineClip {
  name: string;
  kind: string;
  length: string;
}

export async function readTimeline(page: Page): Promise<TimelineClip[]> {
  const titles = await page
    .getByRole('list', { name: 'Clips' })
    .locator(':scope > li')
    .evaluateAll((items) => items.map((item) => item.getAttribute('title') ?? ''));
  return titles.map((title) => {
    const [name, kind, length] = title.split(' · ');
    return { name, kind, length };
  });
}

export async function clipLength(page: Page, name: string): Promise<string> {
  const clip = (await readTimeline(page)).find((candidate) => candidate.name === name);
  assert.ok(clip, `No clip named ${name} on the timeline`);
  return clip.length;
}

export async function timelineTotal(page: Page): Promise<string> {
  return (await page.getByTestId('timeline-total').textContent()) ?? '';
}

// Session history

export function historyButton(page: Page): Locator {
  return page.getByRole('button', { name: 'Session history', exact: true });
}

export function historyDrawer(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Session history' });
}

export function historyItems(page: Page): Locator {
  return historyDrawer(page).getByRole('list', { name: 'Sessions, newest first' }).locator(':scope > li[data-row]');
}

export async function openHistory(page: Page): Promise<void> {
  await historyButton(page).click();
  await historyDrawer(page).waitFor();
}

/**
 * Each row as shown: its title, the date as seen (`date`), the machine-readable instant, and the
 * full timestamp (`fullDate`: the hover tooltip, which is also what screen readers read).
 */
export async function historyEntries(page: Page): Promise<{ title: string; date: string; dateTime: string; fullDate: string }[]> {
  return historyItems(page).evaluateAll((items) =>
    items.map((item) => {
      const time = item.querySelector('time');
      const seen = time?.querySelector('[aria-hidden="true"]');
      return {
        title: item.querySelector('button')?.textContent ?? '',
        date: seen?.textContent ?? '',
        dateTime: time?.getAttribute('datetime') ?? '',
        fullDate: seen?.getAttribute('data-tooltip') ?? '',
      };
    }),
  );
}

/** Presses New Session and waits for its server action to answer and the panel to empty. */
export async function newSession(page: Page): Promise<void> {
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('/projects/')),
    page.getByRole('button', { name: 'New session' }).click(),
  ]);
  await eventually(async () => assert.equal(await conversation(page).locator('li').count(), 0));
}
