import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  DEMO,
  conversation,
  conversationTexts,
  historyButton,
  historyDrawer,
  historyEntries,
  historyItems,
  newSession,
  newUserWithProject,
  openHistory,
  openProject,
  send,
  signIn,
  signUp,
  uniqueEmail,
} from './support/app';
import { fullDate, TIME_ZONE_COOKIE } from '../lib/dates';
import { DESKTOP, newPage, PHONE, useBrowser } from './support/browser';
import { eventually } from './support/eventually';

/** The titles of projectWithThreeSessions's sessions: what each one did. */
const OUTRO = 'Outro +2 s';
const MUTED = 'Main scene muted';
const FADE = 'Intro fade-in 1 s';

/** Three sessions, newest first: "Add a fade in to the intro", "Mute the main scene", "make the outro a bit longer" (titled FADE, MUTED, OUTRO). */
async function projectWithThreeSessions(page: Page, label: string): Promise<void> {
  await newUserWithProject(page, label);
  await send(page, 'make the outro a bit longer');
  await newSession(page);
  await send(page, 'Mute the main scene');
  await newSession(page);
  await send(page, 'Add a fade in to the intro');
}

async function titles(page: Page): Promise<string[]> {
  return (await historyEntries(page)).map((entry) => entry.title);
}

/** Presses Tab until the focused element has this accessible label (aria-label or text). */
async function tabTo(page: Page, label: string): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await focusedLabel(page);
    if (focused === label) return;
  }
  throw new Error(`Tab never reached “${label}”.`);
}

/** The focused element's accessible label: aria-label, its <label>, or its text. */
async function focusedLabel(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    const label = element instanceof HTMLTextAreaElement || element instanceof HTMLInputElement ? element.labels?.[0] : null;
    return element?.getAttribute('aria-label') ?? label?.textContent?.trim() ?? element?.textContent?.trim() ?? '';
  });
}

async function focusIsInDrawer(page: Page): Promise<boolean> {
  return page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null);
}

async function focusRingStyle(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element) return 'none';
    const own = getComputedStyle(element).outlineStyle;
    return own !== 'none' ? own : getComputedStyle(element, '::after').outlineStyle;
  });
}

describe('the session history drawer', () => {
  const browser = useBrowser();

  test('renames a session in place, refusing an empty title', async () => {
    const page = await newPage(browser());
    await projectWithThreeSessions(page, 'rename');
    await openHistory(page);
    const item = historyItems(page).nth(1);
    await item.getByRole('button', { name: `Rename “${MUTED}”` }).click();
    const input = item.getByLabel('Session title');
    assert.equal(await input.inputValue(), MUTED);

    await input.fill('  ');
    await input.press('Enter');
    await item.getByText('The title is empty.').waitFor();

    // Escape leaves the form, not the drawer.
    await input.press('Escape');
    await item.getByRole('button', { name: MUTED, exact: true }).waitFor();
    assert.equal(await historyDrawer(page).isVisible(), true);

    await item.getByRole('button', { name: `Rename “${MUTED}”` }).click();
    await item.getByLabel('Session title').fill('Sound pass');
    await item.getByLabel('Session title').press('Enter');
    await item.getByRole('button', { name: 'Sound pass', exact: true }).waitFor();
    assert.deepEqual(await titles(page), [FADE, 'Sound pass', OUTRO]);

    await page.reload();
    await openHistory(page);
    assert.deepEqual(await titles(page), [FADE, 'Sound pass', OUTRO]);
    await page.context().close();
  });

  test('deletes a session after confirming; deleting the current one empties the panel', async () => {
    const page = await newPage(browser());
    await projectWithThreeSessions(page, 'delete');
    await openHistory(page);
    await historyDrawer(page).getByText('3 sessions').waitFor();

    const oldest = historyItems(page).nth(2);
    await oldest.getByRole('button', { name: `Delete “${OUTRO}”` }).click();
    await oldest.getByText(`Delete ${OUTRO}?`).waitFor();
    await oldest.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await historyItems(page).count(), 3);

    await oldest.getByRole('button', { name: `Delete “${OUTRO}”` }).click();
    await oldest.getByRole('button', { name: 'Delete', exact: true }).click();
    await eventually(async () => assert.deepEqual(await titles(page), [FADE, MUTED]));
    await historyDrawer(page).getByText('2 sessions').waitFor();

    const current = historyItems(page).first();
    assert.equal(await current.getByRole('button', { name: FADE, exact: true }).getAttribute('aria-current'), 'true');
    await current.getByRole('button', { name: `Delete “${FADE}”` }).click();
    await current.getByRole('button', { name: 'Delete', exact: true }).click();
    await eventually(async () => assert.deepEqual(await titles(page), [MUTED]));
    await eventually(async () => assert.equal(await conversation(page).locator('li').count(), 0));

    await page.reload();
    await openHistory(page);
    assert.deepEqual(await titles(page), [MUTED]);
    await page.context().close();
  });

  test('keyboard only: New Session, open the drawer, restore a session, Escape returns focus', async () => {
    const page = await newPage(browser());
    await newUserWithProject(page, 'keyboard');
    await send(page, 'make the outro a bit longer');
    await page.locator('body').click({ position: { x: 1, y: 400 } });

    await tabTo(page, 'New session');
    assert.equal(await focusRingStyle(page), 'solid');
    await page.keyboard.press('Enter');
    await eventually(async () => assert.equal(await conversation(page).locator('li').count(), 0));
    assert.equal(await focusedLabel(page), 'New session');

    await page.keyboard.press('Tab');
    assert.equal(await focusedLabel(page), 'Session history');
    await page.keyboard.press('Enter');
    await historyDrawer(page).waitFor();
    // Focus moves into the drawer, onto the newest session: the empty one just started (a render after the drawer shows).
    await eventually(async () => assert.equal(await focusIsInDrawer(page), true));
    assert.equal(await focusedLabel(page), 'New session');
    assert.equal(await focusRingStyle(page), 'solid');

    await page.keyboard.press('Escape');
    await historyDrawer(page).waitFor({ state: 'detached' });
    assert.equal(await focusedLabel(page), 'Session history');
    assert.equal(await historyButton(page).getAttribute('aria-expanded'), 'false');

    await page.keyboard.press('Enter');
    await historyDrawer(page).waitFor();
    // The list is one tab stop: the down arrow moves to the older session.
    await eventually(async () => assert.equal(await focusedLabel(page), 'New session'));
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedLabel(page), OUTRO);
    assert.equal(await focusRingStyle(page), 'solid');
    await page.keyboard.press('Enter');
    await historyDrawer(page).waitFor({ state: 'detached' });
    await eventually(async () => assert.deepEqual(await conversationTexts(page), ['make the outro a bit longer', 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.']));
    assert.equal(await focusedLabel(page), 'Session history');

    await tabTo(page, 'Message CoDirector');
    await page.keyboard.type('undo that');
    await page.keyboard.press('Enter');
    await conversation(page).getByText('Undid: made “Outro” 2.0 s longer. “Outro” is back to 5.0 s.').waitFor();
    await page.context().close();
  });

  test('pins a session to the top from the keyboard, and archives one, finding it under the Archived filter', async () => {
    const page = await newPage(browser());
    await projectWithThreeSessions(page, 'pin-archive');
    await openHistory(page);
    await historyDrawer(page).getByText('3 sessions').waitFor();

    // Down twice to the oldest session, right three times to its Pin button.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focusedLabel(page), OUTRO);
    for (let presses = 0; presses < 3; presses += 1) await page.keyboard.press('ArrowRight');
    assert.equal(await focusedLabel(page), `Pin “${OUTRO}”`);
    // The drawer shows the pin at once; the reload below must come after the server has stored it.
    const stored = page.waitForResponse((response) => response.request().method() === 'POST' && response.request().headers()['next-action'] !== undefined);
    await page.keyboard.press('Enter');
    await stored;
    await eventually(async () => assert.deepEqual(await titles(page), [OUTRO, FADE, MUTED]));
    assert.deepEqual(await historyDrawer(page).locator('li[aria-hidden="true"]').allTextContents(), ['Pinned', 'Today']);
    await page.reload();
    await openHistory(page);
    assert.deepEqual(await titles(page), [OUTRO, FADE, MUTED]);

    await historyItems(page)
      .nth(2)
      .getByRole('button', { name: `Archive “${MUTED}”` })
      .click();
    await eventually(async () => assert.deepEqual(await titles(page), [OUTRO, FADE]));
    await historyDrawer(page).getByText('2 sessions').waitFor();

    await historyDrawer(page).getByRole('button', { name: 'Archived' }).click();
    const archived = historyDrawer(page).getByRole('list', { name: 'Archived sessions, newest first' });
    await archived.getByRole('button', { name: MUTED, exact: true }).click();
    await historyDrawer(page).waitFor({ state: 'detached' });
    await eventually(async () => assert.equal((await conversationTexts(page))[0], 'Mute the main scene'));
    // Restoring it brought it back into the list.
    await openHistory(page);
    await eventually(async () => assert.deepEqual(await titles(page), [OUTRO, FADE, MUTED]));
    await page.context().close();
  });

  test('searches titles and messages as you type and restores a result', async () => {
    const page = await newPage(browser());
    await projectWithThreeSessions(page, 'search');
    await openHistory(page);
    await historyDrawer(page).getByLabel('Search sessions').fill('muted');
    const results = historyDrawer(page).getByRole('list', { name: 'Search results' });
    // "Mute the main scene" matches by its title and by CoDirector's reply ("Muted …"), stemmed.
    await results.getByRole('button', { name: MUTED, exact: true }).waitFor();
    assert.equal(await results.locator(':scope > li[data-row]').count(), 1);
    assert.match((await results.locator('mark').first().textContent()) ?? '', /^mute/i);

    await historyDrawer(page).getByLabel('Search sessions').fill('outro');
    await results.getByRole('button', { name: OUTRO, exact: true }).waitFor();
    await results.getByRole('button', { name: OUTRO, exact: true }).click();
    await historyDrawer(page).waitFor({ state: 'detached' });
    await eventually(async () => assert.equal((await conversationTexts(page))[0], 'make the outro a bit longer'));

    await openHistory(page);
    await historyDrawer(page).getByLabel('Search sessions').fill('nothing like this');
    await historyDrawer(page).getByText('No sessions match “nothing like this”.').first().waitFor();
    await page.keyboard.press('Escape');
    assert.equal(await historyDrawer(page).getByLabel('Search sessions').inputValue(), '');
    assert.equal(await historyItems(page).count(), 3);
    await page.context().close();
  });

  test('each session has an address: restoring pushes it, Back returns to the session before, reload stays, others get a 404', async () => {
    const page = await newPage(browser());
    await projectWithThreeSessions(page, 'address');
    const projectPath = new URL(page.url()).pathname;
    const sessionAddress = new RegExp(`^${projectPath}/sessions/[0-9a-f-]{36}$`);
    const path = () => new URL(page.url()).pathname;

    await openHistory(page);
    await historyItems(page).getByRole('button', { name: OUTRO, exact: true }).click();
    await eventually(() => assert.match(path(), sessionAddress));
    const outroPath = path();
    await eventually(async () => assert.equal((await conversationTexts(page))[0], 'make the outro a bit longer'));

    await openHistory(page);
    await historyItems(page).getByRole('button', { name: MUTED, exact: true }).click();
    await eventually(() => assert.notEqual(path(), outroPath));
    assert.match(path(), sessionAddress);
    await eventually(async () => assert.equal((await conversationTexts(page))[0], 'Mute the main scene'));

    await page.goBack();
    await eventually(() => assert.equal(path(), outroPath));
    await eventually(async () => assert.equal((await conversationTexts(page))[0], 'make the outro a bit longer'));
    await page.reload();
    assert.equal(path(), outroPath);
    await eventually(async () => assert.equal((await conversationTexts(page))[0], 'make the outro a bit longer'));
    await openHistory(page);
    assert.equal(await historyItems(page).getByRole('button', { name: OUTRO, exact: true }).getAttribute('aria-current'), 'true');

    // A missing session's address, and this one for another user, are the project's 404.
    const missing = await page.goto(`${projectPath}/sessions/00000000-0000-4000-8000-000000000000`);
    assert.equal(missing?.status(), 404);
    const other = await newPage(browser());
    await signUp(other, uniqueEmail('address-other'));
    const foreign = await other.goto(outroPath);
    assert.equal(foreign?.status(), 404);
    await other.getByText('This page could not be found').waitFor();
    await other.context().close();
    await page.context().close();
  });

  test('titles say what a session did, update live on another device, and a renamed title stays', async () => {
    const laptop = await newPage(browser());
    await newUserWithProject(laptop, 'titles');
    await send(laptop, '  how long is the   outro?');
    // The panel's heading area names the current session (the drawer, inside the same region, is left out).
    const panelTitle = (page: Page, title: string) =>
      page
        .getByRole('region', { name: 'CoDirector' })
        .getByRole('paragraph')
        .filter({ hasText: new RegExp(`^${title.replace(/[+?]/g, '\\$&')}$`) })
        .first();
    await panelTitle(laptop, 'How long is the outro?').waitFor();

    const phone = await newPage(browser(), { storageState: await laptop.context().storageState() });
    await phone.goto(laptop.url());
    await panelTitle(phone, 'How long is the outro?').waitFor();
    await openHistory(phone);
    assert.deepEqual(await titles(phone), ['How long is the outro?']);

    // Edits on the laptop retitle the session; the phone's open drawer and panel follow, without a reload.
    await send(laptop, 'make the outro a bit longer');
    await eventually(async () => assert.deepEqual(await titles(phone), ['Outro +2 s']));
    await panelTitle(phone, 'Outro +2 s').waitFor();
    await send(laptop, 'actually, undo that last change');
    await send(laptop, 'do the same thing to the second clip');
    await panelTitle(laptop, 'Outro +2 s, then undone; Opening shot +2 s').waitFor();
    await eventually(async () => assert.deepEqual(await titles(phone), ['Outro +2 s, then undone; Opening shot +2 s']));

    // Renamed, it keeps the user's title whatever the session does next.
    await openHistory(laptop);
    await historyItems(laptop).first().getByRole('button', { name: 'Rename “Outro +2 s, then undone; Opening shot +2 s”' }).click();
    await historyItems(laptop).first().getByLabel('Session title').fill('Pacing pass');
    await historyItems(laptop).first().getByLabel('Session title').press('Enter');
    await eventually(async () => assert.deepEqual(await titles(phone), ['Pacing pass']));
    await eventually(async () => assert.deepEqual(await titles(laptop), ['Pacing pass']));
    await historyDrawer(laptop).getByRole('button', { name: 'Close session history' }).click();
    await historyDrawer(laptop).waitFor({ state: 'detached' });
    await send(laptop, 'mute the main scene');
    await panelTitle(laptop, 'Pacing pass').waitFor();
    await phone.reload();
    await openHistory(phone);
    assert.deepEqual(await titles(phone), ['Pacing pass']);
    await phone.context().close();
    await laptop.context().close();
  });

  test("renders days and times in the browser's zone with no second render once the zone is known; a lost zone cookie costs one refresh", async () => {
    const page = await newPage(browser(), { timezoneId: 'Asia/Tokyo', locale: 'en-US' });
    await newUserWithProject(page, 'zone');
    await send(page, 'make the outro a bit longer');
    // Page refreshes are RSC requests for the page itself: not server actions, not prefetches.
    const refreshes: string[] = [];
    page.on('request', (request) => {
      const headers = request.headers();
      if (headers.rsc === '1' && !headers['next-action'] && !headers['next-router-prefetch']) refreshes.push(request.url());
    });
    const loaded = async () => {
      await eventually(async () => assert.equal(await page.getByTestId('connection-state').textContent(), 'Connected'));
      await openHistory(page);
    };

    // Signing up set the zone cookie: the page is rendered in Tokyo time at once.
    await page.reload();
    await loaded();
    const inTokyo = async () => {
      const [entry] = await historyEntries(page);
      assert.equal(entry.fullDate, fullDate(new Date(entry.dateTime), { locale: 'en-US', timeZone: 'Asia/Tokyo' }));
    };
    await inTokyo();
    assert.deepEqual(refreshes, []);

    // Without the cookie the page is rendered in UTC, then once more in the browser's zone.
    const cookies = await page.context().cookies();
    await page.context().clearCookies();
    await page.context().addCookies(cookies.filter((cookie) => cookie.name !== TIME_ZONE_COOKIE));
    await page.reload();
    await loaded();
    await eventually(inTokyo);
    assert.equal(refreshes.length, 1);
    await page.context().close();
  });

  test("a row's full date and time is what screen readers read, once; the eye gets the short date with the full one on hover", async () => {
    const page = await newPage(browser(), { timezoneId: 'Europe/Berlin', locale: 'en-US' });
    await newUserWithProject(page, 'timestamp');
    await send(page, 'make the outro a bit longer');
    await openHistory(page);
    const [entry] = await historyEntries(page);
    assert.match(entry.date, /^\d{2}:\d{2}$/);
    assert.match(entry.fullDate, /^[A-Z][a-z]+day, [A-Z][a-z]+ \d{1,2}, \d{4}, \d{2}:\d{2}$/);

    // The accessibility tree holds the full timestamp once, and not the short date it stands for.
    const snapshot = await historyItems(page).first().ariaSnapshot();
    assert.equal(snapshot.split(entry.fullDate).length - 1, 1, snapshot);
    assert.ok(!snapshot.replace(entry.fullDate, '').includes(entry.date), snapshot);
    const time = historyItems(page).first().locator('time');
    assert.equal(await time.getAttribute('datetime'), entry.dateTime);
    assert.equal(Date.parse(entry.dateTime) > Date.now() - 10 * 60_000, true);

    // Hovering the date shows the full timestamp.
    const shown = time.locator('[aria-hidden="true"]');
    const tooltipOpacity = () => shown.evaluate((element) => getComputedStyle(element, '::after').opacity);
    assert.equal(await shown.evaluate((element) => getComputedStyle(element, '::after').content), JSON.stringify(entry.fullDate));
    await shown.hover();
    await eventually(async () => assert.equal(await tooltipOpacity(), '1'));
    await page.context().close();
  });

  test('downloads a session as Markdown from its row', async () => {
    const page = await newPage(browser());
    await projectWithThreeSessions(page, 'export');
    await openHistory(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      historyItems(page)
        .nth(2)
        .getByRole('link', { name: `Export “${OUTRO}” as Markdown` })
        .click(),
    ]);
    assert.equal(download.suggestedFilename(), 'outro-2-s.md');
    const path = await download.path();
    const text = (await import('node:fs')).readFileSync(path, 'utf8');
    assert.match(text, /^# Outro \+2 s\n/);
    assert.match(text, /- Edit: Made “Outro” 2\.0 s longer\n {2}- “Outro”: durationMs: 5000 → 7000/);
    // Human dates in the browser's zone, said in the header; no internal ids.
    const zone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
    assert.match(text, new RegExp(`^Started [A-Z][a-z]+day, .*, \\d{2}:\\d{2} · times in ${zone === 'UTC' ? 'UTC' : zone.replace(/_/g, ' ')}$`, 'm'));
    assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-|\d{4}-\d{2}-\d{2}T/);
    await page.context().close();
  });
});

/** Where a control is drawn, and whether a click at its centre reaches it (nothing drawn over it). */
async function clickableBox(page: Page, selector: string): Promise<{ height: number; hit: boolean }> {
  return page.evaluate((css) => {
    const element = document.querySelector<HTMLElement>(css);
    if (!element) throw new Error(`nothing matches ${css}`);
    const box = element.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return { height: box.height, hit: top !== null && (top === element || element.contains(top)) };
  }, selector);
}

describe('the session history drawer as a mouse meets it', () => {
  const browser = useBrowser();

  test('with a full list, at 1280×800, 1440×900 and a 390×844 phone, the search box and the Recent | Archived switch are full-size and a click reaches them', async () => {
    const signedIn = await newPage(browser());
    await signIn(signedIn, DEMO.email, DEMO.password);
    const storageState = await signedIn.context().storageState();
    for (const viewport of [DESKTOP, { width: 1440, height: 900 }, PHONE]) {
      const page = await newPage(browser(), { viewport, storageState, hasTouch: viewport === PHONE });
      await openProject(page, DEMO.project);
      await openHistory(page);
      await historyItems(page).nth(19).waitFor();
      const size = `${viewport.width}×${viewport.height}`;
      const search = await clickableBox(page, '[role="dialog"] input[type="search"]');
      assert.ok(search.height >= 28, `${size}: the search box is ${search.height} px tall`);
      assert.ok(search.hit, `${size}: something is drawn over the search box`);
      for (const name of ['Recent', 'Archived']) {
        const segment = await clickableBox(page, `[role="dialog"] [role="group"] button:nth-child(${name === 'Recent' ? 1 : 2})`);
        assert.ok(segment.height >= 24 && segment.hit, `${size}: “${name}” is ${segment.height} px tall, reached: ${segment.hit}`);
      }
      // The list scrolled to its end leaves the header where it was.
      await historyDrawer(page)
        .locator('ul')
        .evaluate((list) => list.parentElement?.scrollTo({ top: list.scrollHeight }));
      assert.ok((await clickableBox(page, '[role="dialog"] input[type="search"]')).hit, `${size}: the scrolled list covers the search box`);

      const searchBox = await historyDrawer(page).getByRole('searchbox', { name: 'Search sessions' }).boundingBox();
      await page.mouse.click(searchBox!.x + searchBox!.width / 2, searchBox!.y + searchBox!.height / 2);
      assert.equal(await focusedLabel(page), 'Search sessions');
      const archived = historyDrawer(page).getByRole('button', { name: 'Archived' });
      await archived.click();
      await eventually(async () => assert.equal(await archived.getAttribute('aria-pressed'), 'true'));
      await historyDrawer(page).getByRole('button', { name: 'Recent' }).click();
      await eventually(async () => assert.equal(await historyDrawer(page).getByRole('button', { name: 'Recent' }).getAttribute('aria-pressed'), 'true'));
      await page.context().close();
    }
    await signedIn.context().close();
  });
});
