import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { assistantTurns, clipLength, conversation, conversationTexts, historyDrawer, newUserWithProject, openHistory, send } from './support/app';
import { PHONE, newPage, useBrowser } from './support/browser';
import { eventually } from './support/eventually';
import { graphqlAsPage } from './support/stress';

/** How far the conversation is from its end, in pixels. */
async function distanceFromEnd(page: Page): Promise<number> {
  return conversation(page).evaluate((log) => log.scrollHeight - log.scrollTop - log.clientHeight);
}

async function currentSessionId(page: Page): Promise<string> {
  const { viewer } = await graphqlAsPage<{
    viewer: { projects: { edges: { node: { sessions: { edges: { node: { id: string; isCurrent: boolean } }[] } } }[] } };
  }>(page, '{ viewer { projects(first: 1) { edges { node { sessions(first: 5) { edges { node { id isCurrent } } } } } } } }');
  const current = viewer.projects.edges[0].node.sessions.edges.find((edge) => edge.node.isCurrent);
  assert.ok(current, 'no current session');
  return current.node.id;
}

describe('the CoDirector panel as a person uses it', () => {
  const browser = useBrowser();

  test("an empty session suggests instructions from the project's own clips; a click sends one", async () => {
    const page = await newPage(browser());
    await newUserWithProject(page, 'suggest');
    const suggestions = conversation(page).getByRole('group', { name: 'Try one of these' }).getByRole('button');
    assert.deepEqual(await suggestions.allTextContents(), [
      'Make the Outro 2 seconds longer',
      'Add a fade in to the Intro',
      'Swap clip 2 and clip 3',
      'Mute the Opening shot',
    ]);
    await suggestions.first().click();
    await eventually(async () =>
      assert.deepEqual(await conversationTexts(page), ['Make the Outro 2 seconds longer', 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.']),
    );
    assert.equal(await clipLength(page, 'Outro'), '7.0 s');
    await page.context().close();
  });

  test('the clips an instruction changed are marked on the timeline; the newest edit has an Undo that is sent as "undo"', async () => {
    const page = await newPage(browser());
    await newUserWithProject(page, 'undochip');
    await send(page, 'make the outro a bit longer');
    const changed = page.getByRole('list', { name: 'Clips' }).locator(':scope > li[data-changed]');
    await eventually(async () =>
      assert.deepEqual(await changed.evaluateAll((items) => items.map((item) => item.getAttribute('title'))), ['Outro · outro · 7.0 s']),
    );
    // Marked by more than colour: an outline and a "Changed" label.
    assert.equal(await changed.getByText('Changed').count(), 1);
    await send(page, 'mute the main scene');

    // Only the newest edit still in effect offers Undo: that is what "undo" takes back.
    const undoButtons = conversation(page).getByRole('button', { name: /^Undo: / });
    assert.equal(await undoButtons.count(), 1);
    assert.equal(await undoButtons.first().getAttribute('aria-label'), 'Undo: Muted “Main scene”');
    await undoButtons.first().click();
    await eventually(async () => assert.equal(await assistantTurns(page).count(), 3));
    const texts = await conversationTexts(page);
    assert.equal(texts[4], 'undo');
    assert.match(texts[5], /^Undid: muted “Main scene”/i);
    await assistantTurns(page).nth(1).getByText('Undone').waitFor();
    assert.equal(await undoButtons.count(), 1);
    assert.match((await undoButtons.first().getAttribute('aria-label')) ?? '', /^Undo: Made “Outro” 2\.0 s longer/);
    assert.equal(await clipLength(page, 'Outro'), '7.0 s');
    // Clip marks fade after a few seconds.
    await eventually(async () => assert.equal(await changed.count(), 0), 8_000);
    await page.context().close();
  });

  test('the conversation opens at its end, follows new messages at the end, and offers "New messages" when scrolled up', async () => {
    const page = await newPage(browser(), { viewport: PHONE });
    await newUserWithProject(page, 'scrolling');
    await send(page, 'make the outro a bit longer');
    const sessionId = await currentSessionId(page);
    const sayElsewhere = (content: string) =>
      graphqlAsPage(page, 'mutation($id: ID!, $content: String!) { sendMessage(input: { sessionId: $id, content: $content }) { reply { content } } }', {
        id: sessionId,
        content,
      });
    for (let index = 0; index < 6; index += 1) await sayElsewhere(index % 2 === 0 ? 'undo' : 'redo');

    // Opening (and restoring) lands at the end with no scroll animation.
    await page.reload();
    await page.getByTestId('connection-state').getByText('Connected').waitFor();
    assert.equal(await conversation(page).evaluate((log) => getComputedStyle(log).scrollBehavior), 'auto');
    assert.ok((await distanceFromEnd(page)) <= 1, 'the conversation opens at its end');
    const turnsBefore = await assistantTurns(page).count();

    // At the end, a message from another device scrolls into view.
    await sayElsewhere('make the intro a bit longer');
    await eventually(async () => assert.equal(await assistantTurns(page).count(), turnsBefore + 1));
    await eventually(async () => assert.ok((await distanceFromEnd(page)) <= 1));
    assert.equal(await page.getByRole('button', { name: 'New messages' }).count(), 0);

    // Scrolled up, the reader stays where they are and gets a "New messages" button.
    await conversation(page).hover();
    await page.mouse.wheel(0, -5000);
    await eventually(async () => assert.equal(await conversation(page).evaluate((log) => log.scrollTop), 0));
    await sayElsewhere('make the intro a bit shorter');
    const pill = page.getByRole('button', { name: 'New messages' });
    await pill.waitFor();
    assert.equal(await conversation(page).evaluate((log) => log.scrollTop), 0);
    await pill.click();
    await eventually(async () => assert.ok((await distanceFromEnd(page)) <= 1));
    await pill.waitFor({ state: 'detached' });
    await page.context().close();
  });

  test('reduced motion turns animations off; every icon-only button has a name and a tooltip', async () => {
    const page = await newPage(browser(), { reducedMotion: 'reduce' });
    await newUserWithProject(page, 'motion');
    await send(page, 'make the outro a bit longer');
    await openHistory(page);
    assert.ok(parseFloat(await historyDrawer(page).evaluate((drawer) => getComputedStyle(drawer).animationDuration)) <= 0.001);

    const iconButtons = await page
      .locator('.icon-button')
      .evaluateAll((buttons) =>
        buttons.map((button) => ({ name: button.getAttribute('aria-label'), tooltip: button.getAttribute('data-tooltip') ?? button.getAttribute('title') })),
      );
    assert.ok(iconButtons.length >= 5);
    for (const button of iconButtons) {
      assert.ok(button.name, `an icon button without a name: ${JSON.stringify(button)}`);
      assert.ok(button.tooltip, `“${button.name}” has no tooltip`);
    }
    // The tooltip shows on keyboard focus too, not only on hover.
    await page.keyboard.press('Escape');
    const toggle = page.getByRole('button', { name: 'Session history', exact: true });
    await toggle.focus();
    assert.equal(await toggle.evaluate((button) => getComputedStyle(button, '::after').content), '"Session history"');
    assert.equal(await toggle.evaluate((button) => getComputedStyle(button, '::after').opacity), '1');
    await page.context().close();
  });

  test("polish: the ruler's last label stays inside, kind badges line up, clip names have tooltips", async () => {
    const page = await newPage(browser());
    await newUserWithProject(page, 'polish');
    const track = page.getByRole('region', { name: 'Timeline clips, scrollable' }).locator(':scope > div');
    const labels = await track.evaluate((element) => {
      const ruler = element.firstElementChild!;
      const right = ruler.getBoundingClientRect().right;
      return Array.from(ruler.querySelectorAll('span > span'), (label) => ({ text: label.textContent, overflow: label.getBoundingClientRect().right - right }));
    });
    assert.equal(labels.at(-1)?.text, '0:30');
    for (const label of labels) assert.ok(label.overflow <= 0.5, `ruler label ${label.text} sticks out by ${label.overflow} px`);

    const clips = page.getByRole('list', { name: 'Clips' }).locator(':scope > li');
    const badges = await clips.evaluateAll((items) =>
      items.map((item) => {
        const kind = (item.getAttribute('title') ?? '').split(' · ')[1];
        const badge = Array.from(item.querySelectorAll('span')).find((span) => span.textContent === kind)!;
        return { title: item.getAttribute('title'), offset: badge.getBoundingClientRect().top - item.getBoundingClientRect().top };
      }),
    );
    assert.deepEqual(
      badges.map((badge) => badge.title),
      ['Intro · intro · 4.0 s', 'Opening shot · scene · 8.0 s', 'Main scene · scene · 15.0 s', 'Outro · outro · 5.0 s'],
    );
    assert.equal(new Set(badges.map((badge) => Math.round(badge.offset))).size, 1, `kind badges at different heights: ${JSON.stringify(badges)}`);
    await page.context().close();
  });
});
