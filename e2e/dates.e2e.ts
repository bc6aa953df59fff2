import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fullDate, shortDate, type DateSettings } from '../lib/dates';
import { DEMO, historyEntries, newUserWithProject, openHistory, openProject, send, signIn } from './support/app';
import { newPage, useBrowser } from './support/browser';

/** The browser's locale and zone, chosen far from the server's UTC (a negative offset) and from en-US. */
const VIEWER: DateSettings = { locale: 'en-GB', timeZone: 'America/Los_Angeles' };
const CONTEXT = { locale: VIEWER.locale, timezoneId: VIEWER.timeZone };

describe("dates in the viewer's locale and time zone", () => {
  const browser = useBrowser();

  test("a session from today shows its time; the tooltip is the full date, in the browser's zone", async () => {
    const page = await newPage(browser(), CONTEXT);
    await newUserWithProject(page, 'dates-today');
    await send(page, 'make the outro a bit longer');
    await openHistory(page);
    const [entry] = await historyEntries(page);
    const at = new Date(entry.dateTime);
    assert.match(entry.date, /^\d{2}:\d{2}$/);
    assert.equal(entry.date, shortDate(at, new Date(), VIEWER));
    assert.equal(entry.fullDate, fullDate(at, VIEWER));
    assert.match(entry.fullDate, /^[A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2}$/);
    await page.context().close();
  });

  test('sessions from earlier days show "Yesterday" or their date, never a time', async () => {
    const page = await newPage(browser(), CONTEXT);
    await signIn(page, DEMO.email, DEMO.password);
    await openProject(page, DEMO.project);
    await openHistory(page);
    const now = new Date();
    // The seed's sessions are all more than a day old (scripts/demo-sessions.ts).
    const earlier = (await historyEntries(page)).filter((entry) => now.getTime() - Date.parse(entry.dateTime) > 24 * 3_600_000);
    assert.ok(earlier.length > 0);
    for (const entry of earlier) {
      const at = new Date(entry.dateTime);
      assert.equal(entry.date, shortDate(at, now, VIEWER), entry.dateTime);
      assert.match(entry.date, /^(Yesterday|\d{1,2} [A-Z][a-z]{2}( \d{4})?)$/);
      assert.equal(entry.fullDate, fullDate(at, VIEWER));
    }
    await page.context().close();
  });
});
