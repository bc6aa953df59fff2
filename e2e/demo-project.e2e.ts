import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PAST_SESSIONS, DEMO_TIMELINE, demoSessionTitles } from '../scripts/demo-data';
import {
  DEMO,
  assistantTurns,
  clipLength,
  conversation,
  editsOfLastReply,
  historyButton,
  historyDrawer,
  historyEntries,
  historyItems,
  isServerAction,
  openHistory,
  openProject,
  readTimeline,
  send,
  signIn,
  timelineTotal,
} from './support/app';
import { DESKTOP, PHONE, newContext, useBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { saveScreenshot } from './support/screenshots';

/** The seeded sessions' titles, newest first: what the app titles their conversations (scripts/demo-data.ts). */
const SEEDED_TITLES = demoSessionTitles().reverse();
const SEEDED_TIMELINE = DEMO_TIMELINE.map((clip) => ({ name: clip.name, kind: clip.kind, length: `${(clip.durationMs / 1000).toFixed(1)} s` }));
/** A row's short date (lib/dates.ts): the time today, "Yesterday", else the month and day (and the year before this one). */
const DATE_TIME = /^(\d{2}:\d{2}|Yesterday|[A-Z][a-z]{2} \d{1,2}(, \d{4})?)$/;

// One file, run in order: the history is checked before the seed's instructions add a session to it.
describe('the demo project', () => {
  const browser = useBrowser();
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    context = await newContext(browser());
    page = await context.newPage();
    await signIn(page, DEMO.email, DEMO.password);
  });

  test('Session History lists the 45 seeded sessions 20 at a time, newest first, with titles and dates', async () => {
    await openProject(page, DEMO.project);
    assert.deepEqual(await readTimeline(page), SEEDED_TIMELINE);
    assert.equal(await conversation(page).locator('li').count(), 0);

    await openHistory(page);
    assert.equal(await historyButton(page).getAttribute('aria-expanded'), 'true');
    await historyDrawer(page).getByText(`${DEMO_PAST_SESSIONS} sessions`).waitFor();
    let entries = await historyEntries(page);
    assert.deepEqual(
      entries.map((entry) => entry.title),
      SEEDED_TITLES.slice(0, 20),
    );
    // The newest seeded session is a day and eight hours old: date and time in the browser's zone, under a day group.
    assert.match(entries[0].date, DATE_TIME);
    assert.ok(['Yesterday', 'Previous 7 days'].includes((await historyDrawer(page).locator('li[aria-hidden="true"]').first().textContent()) ?? ''));
    assert.match(entries[0].fullDate, /^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}, \d{2}:\d{2}$/);

    // The first Show More is held in flight to see its progress.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/projects/*', async (route) => {
      if (isServerAction(route)) await held;
      await route.fallback();
    });
    const showMore = historyDrawer(page).getByRole('button', { name: 'Show More' });
    await showMore.click();
    const loading = historyDrawer(page).getByRole('button', { name: 'Loading…' });
    await loading.waitFor();
    assert.equal(await loading.getAttribute('aria-busy'), 'true');
    assert.equal(await historyItems(page).count(), 20);
    release();
    await eventually(async () => assert.equal(await historyItems(page).count(), 40));
    await page.unroute('**/projects/*');
    // Focus moves to the first session Show More added.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), SEEDED_TITLES[20]);
    await showMore.click();
    await eventually(async () => assert.equal(await historyItems(page).count(), DEMO_PAST_SESSIONS));
    assert.equal(
      await historyDrawer(page)
        .getByRole('button', { name: /Show More|Loading/ })
        .count(),
      0,
    );

    entries = await historyEntries(page);
    assert.deepEqual(
      entries.map((entry) => entry.title),
      SEEDED_TITLES,
    );
    const times = entries.map((entry) => Date.parse(entry.dateTime));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
    // Every row shows its date and time; each has its full timestamp.
    assert.ok(entries.every((entry) => DATE_TIME.test(entry.date)));
    assert.ok(entries.every((entry) => entry.fullDate.length > 0));

    await page.keyboard.press('Escape');
    await historyDrawer(page).waitFor({ state: 'detached' });
    assert.equal(await historyButton(page).getAttribute('aria-expanded'), 'false');
  });

  test('without JavaScript, the history opens and Show More pages through it as links', async () => {
    const noScript = await newContext(browser(), { javaScriptEnabled: false, storageState: await context.storageState() });
    const plain = await noScript.newPage();
    await plain.goto(new URL(page.url()).pathname);
    await plain.getByRole('link', { name: 'Session history' }).click();
    await historyDrawer(plain).waitFor();
    assert.equal(await historyItems(plain).count(), 20);

    await historyDrawer(plain).getByRole('link', { name: 'Show More' }).click();
    await plain.waitForURL((url) => url.searchParams.has('historyAfter'));
    assert.deepEqual(
      (await historyEntries(plain)).map((entry) => entry.title),
      SEEDED_TITLES.slice(20, 40),
    );
    await historyDrawer(plain).getByRole('link', { name: 'Show More' }).click();
    await plain.waitForURL((url) => url.searchParams.get('historyAfter') !== null);
    await eventually(async () => assert.equal(await historyItems(plain).count(), DEMO_PAST_SESSIONS - 40));
    assert.equal(await historyDrawer(plain).getByRole('link', { name: 'Show More' }).count(), 0);
    await historyDrawer(plain).getByRole('link', { name: 'Newest sessions' }).waitFor();
    await noScript.close();
  });

  test("the seed's three follow-ups: longer outro, undo it, the same to the second clip", async () => {
    await openProject(page, DEMO.project);

    const longer = await send(page, 'make the outro a bit longer');
    assert.equal(longer, 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.');
    assert.equal(await clipLength(page, 'Outro'), '7.0 s');
    assert.equal(await timelineTotal(page), '59.0 s');
    assert.equal((await editsOfLastReply(page)).length, 1);

    const undo = await send(page, 'actually, undo that last change');
    assert.equal(undo, 'Undid: made “Outro” 2.0 s longer. “Outro” is back to 5.0 s.');
    assert.equal(await clipLength(page, 'Outro'), '5.0 s');
    assert.equal(await timelineTotal(page), '57.0 s');
    // The first reply now marks its edit as undone.
    await assistantTurns(page).first().getByText('Undone').waitFor();

    const same = await send(page, 'do the same thing to the second clip');
    assert.equal(same, 'Made “Arrival at the airport” 2.0 s longer: 9.0 s → 11.0 s.');
    assert.deepEqual(
      await readTimeline(page),
      SEEDED_TIMELINE.map((clip) => (clip.name === 'Arrival at the airport' ? { ...clip, length: '11.0 s' } : clip)),
    );
    assert.equal(await timelineTotal(page), '59.0 s');
    assert.equal((await editsOfLastReply(page)).length, 1);

    // The conversation and the timeline are the server's: a reload shows the same.
    await page.reload();
    assert.equal(await assistantTurns(page).count(), 3);
    assert.equal(await clipLength(page, 'Arrival at the airport'), '11.0 s');
  });

  test('screenshots of the project page, desktop and phone, drawer closed and open', async () => {
    const projectPath = new URL(page.url()).pathname;
    for (const [label, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const shots = await newContext(browser(), { viewport, storageState: await context.storageState() });
      const shot = await shots.newPage();
      await shot.goto(projectPath);
      await assistantTurns(shot).first().waitFor();
      await saveScreenshot(shot, `project-${label}`, { fullPage: label === 'phone' });
      await openHistory(shot);
      await saveScreenshot(shot, `project-${label}-history`, { fullPage: label === 'phone' });
      await shots.close();
    }
  });
});
