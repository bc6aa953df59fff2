import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assistantTurns, messageBox, newUserWithProject, send } from './support/app';
import { newContext, useBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { prepareOwnDatabase, startOwnServer, type OwnDatabase, type OwnServer } from './support/ownServer';

describe("the panel shows the live connection's real state", () => {
  const browser = useBrowser();
  let database: OwnDatabase;
  let server: OwnServer | undefined;
  before(async () => {
    database = await prepareOwnDatabase();
  });
  after(async () => {
    if (server && server.process.exitCode === null) {
      server.process.kill('SIGTERM');
      await server.exited;
    }
    await database.drop();
  });

  test('server stopped: "Offline" with a banner within 5 s; started again: "Connected", the draft kept', async () => {
    server = await startOwnServer(database);
    const port = Number(new URL(server.url).port);
    const context = await newContext(browser(), { baseURL: server.url, timezoneId: 'UTC' });
    const page = await context.newPage();
    await newUserWithProject(page, 'connection');
    const status = page.getByTestId('connection-state');
    // The status shows once the page's JavaScript runs; on a busy CI machine (two test files and
    // three servers on two cores) a fresh server's first hydration has taken over 15 s.
    await status.waitFor({ timeout: 60_000 });
    await eventually(async () => assert.equal(await status.textContent(), 'Connected'), 30_000);
    assert.equal(await page.getByText('You’re offline.').count(), 0);

    await messageBox(page).fill('make the intro a bit longer');
    // SIGKILL, as a crash or a lost network would. (A SIGTERM'd server still accepts the browser's
    // reconnecting event stream while it drains, and then waits on that stream without exiting.)
    server.process.kill('SIGKILL');
    await server.exited;
    const stoppedAt = Date.now();
    await eventually(async () => assert.equal(await status.textContent(), 'Offline'), 5_000);
    assert.ok(Date.now() - stoppedAt <= 5_000);
    await page.getByRole('status').getByText('You’re offline.').waitFor();

    server = await startOwnServer(database, {}, port);
    await eventually(async () => assert.equal(await status.textContent(), 'Connected'), 30_000);
    assert.equal(await page.getByText('You’re offline.').count(), 0);
    assert.equal(await messageBox(page).inputValue(), 'make the intro a bit longer');

    await messageBox(page).press('Enter');
    await eventually(async () => assert.equal(await assistantTurns(page).count(), 1), 30_000);
    assert.equal(await send(page, 'undo that'), 'Undid: made “Intro” 2.0 s longer. “Intro” is back to 4.0 s.');
    await context.close();
  });
});
