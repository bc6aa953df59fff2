import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { newUserWithProject, readTimeline, send, timelineTotal } from './support/app';
import { newPage, useBrowser } from './support/browser';

/** "Intro 4.0 s" per clip, in order: enough to see every change a step makes. */
async function lengths(page: Page): Promise<string[]> {
  return (await readTimeline(page)).map((clip) => `${clip.name} ${clip.length}`);
}

/**
 * A new project has Intro (4 s), Opening shot (8 s), Main scene (15 s) and Outro (5 s). One
 * conversation in the panel walks every kind of follow-up the built-in assistant understands.
 */
describe('following up in the CoDirector panel', () => {
  const browser = useBrowser();

  test('groups, "too", "less", corrections, plain reverts, hedges, compounds, questions, "which one?" and units', async () => {
    const page = await newPage(browser());
    await newUserWithProject(page, 'followups');
    const original = await lengths(page);
    assert.deepEqual(original, ['Intro 4.0 s', 'Opening shot 8.0 s', 'Main scene 15.0 s', 'Outro 5.0 s']);

    // Groups: one edit per clip of the group, named per clip.
    assert.equal(
      await send(page, 'lengthen both scenes'),
      'Made “Opening shot” and “Main scene” 2.0 s longer: “Opening shot” 8.0 s → 10.0 s, “Main scene” 15.0 s → 17.0 s.',
    );
    // "Too": the latest edit again, on the intro.
    assert.equal(await send(page, 'the intro too'), 'Made “Intro” 2.0 s longer: 4.0 s → 6.0 s.');
    // "Less": half of it back, on the same clip.
    assert.equal(await send(page, 'a little less'), 'Made “Intro” 1.0 s shorter: 6.0 s → 5.0 s.');
    // A correction replaces the latest edit in one step.
    assert.equal(await send(page, 'actually make it 3 seconds'), 'Undid: made “Intro” 1.0 s shorter. Instead, set “Intro” to 3.0 s: 6.0 s → 3.0 s.');
    assert.deepEqual(await lengths(page), ['Intro 3.0 s', 'Opening shot 10.0 s', 'Main scene 17.0 s', 'Outro 5.0 s']);
    // Reverting in plain words.
    assert.equal(await send(page, 'forget that'), 'Undid: set “Intro” to 3.0 s. “Intro” is back to 6.0 s.');
    // Hedged, with "the closing shot" for the last clip.
    assert.equal(await send(page, 'could we stretch the closing shot slightly?'), 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.');
    // Compound: both parts, in order, as one edit.
    assert.equal(await send(page, 'fade out the outro, then mute the main scene'), 'Added a 1.0 s fade-out to “Outro”. Muted “Main scene”.');
    // A question changes nothing.
    assert.equal(await send(page, 'how long is the video?'), 'The timeline is 40.0 s long, in 4 clips.');
    assert.equal(await timelineTotal(page), '40.0 s');
    // Ambiguity: asked, then answered by the next message.
    assert.equal(await send(page, 'trim the scene'), 'Which clip do you mean? There are 2 scene clips: “Opening shot”, “Main scene”.');
    assert.equal(await send(page, 'the second one'), 'Made “Main scene” 2.0 s shorter: 17.0 s → 15.0 s.');
    // Units: a decimal comma.
    assert.equal(await send(page, 'lengthen the intro by 1,5 s'), 'Made “Intro” 1.5 s longer: 6.0 s → 7.5 s.');
    assert.deepEqual(await lengths(page), ['Intro 7.5 s', 'Opening shot 10.0 s', 'Main scene 15.0 s', 'Outro 7.0 s']);

    // "Undo the fade" finds the compound edit that made it, and reverts all of it.
    assert.equal(await send(page, 'undo the fade'), 'Undid: added a 1.0 s fade-out to “Outro”; muted “Main scene”.');
    assert.equal(
      await send(page, 'undo everything in this session'),
      'Undid 5 changes: made “Intro” 1.5 s longer; made “Main scene” 2.0 s shorter; made “Outro” 2.0 s longer; ' +
        'made “Intro” 2.0 s longer; made “Opening shot” and “Main scene” 2.0 s longer. “Intro” is back to 4.0 s. ' +
        '“Opening shot” is back to 8.0 s. “Main scene” is back to 15.0 s. “Outro” is back to 5.0 s.',
    );
    assert.deepEqual(await lengths(page), original);
    await page.context().close();
  });
});
