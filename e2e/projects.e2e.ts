import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createProject, readTimeline, signUp, timelineTotal, uniqueEmail } from './support/app';
import { newPage, PHONE, useBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { saveScreenshot } from './support/screenshots';

describe('projects page', () => {
  const browser = useBrowser();

  test('a new user creates projects, sees them newest first, and renames one', async () => {
    const page = await newPage(browser());
    await signUp(page, uniqueEmail('projects'));
    await page.getByText('No projects yet.').waitFor();

    await page.getByRole('button', { name: 'Create project' }).click();
    assert.equal(new URL(page.url()).pathname, '/');

    await createProject(page, 'Road trip');
    assert.deepEqual(await readTimeline(page), [
      { name: 'Intro', kind: 'intro', length: '4.0 s' },
      { name: 'Opening shot', kind: 'scene', length: '8.0 s' },
      { name: 'Main scene', kind: 'scene', length: '15.0 s' },
      { name: 'Outro', kind: 'outro', length: '5.0 s' },
    ]);
    assert.equal(await timelineTotal(page), '32.0 s');

    await page.getByRole('link', { name: 'Projects', exact: true }).first().click();
    await createProject(page, 'Wedding highlights');
    await page.goto('/');
    const projects = page.getByRole('list', { name: 'Projects' }).getByRole('heading');
    assert.deepEqual(await projects.allTextContents(), ['Wedding highlights', 'Road trip']);

    await page.getByRole('button', { name: 'Rename Road trip' }).click();
    const nameInput = page.getByRole('list', { name: 'Projects' }).getByLabel('Project name');
    await nameInput.fill('   ');
    await nameInput.press('Enter');
    await page.getByText('The name is empty.').waitFor();
    await nameInput.fill('Road trip, final cut');
    await nameInput.press('Enter');
    await eventually(async () => assert.deepEqual(await projects.allTextContents(), ['Wedding highlights', 'Road trip, final cut']));
    await page.getByRole('button', { name: 'Rename Road trip, final cut' }).waitFor();

    await page.reload();
    assert.deepEqual(await projects.allTextContents(), ['Wedding highlights', 'Road trip, final cut']);
    await saveScreenshot(page, 'projects-desktop');
    await page.setViewportSize(PHONE);
    await saveScreenshot(page, 'projects-phone', { fullPage: true });
    await page.context().close();
  });
});
