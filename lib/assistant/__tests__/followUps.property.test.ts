import fc from 'fast-check';
import type { Clip, ClipKind, Timeline } from '../types';
import { clip, Project } from './fixtures';
import { operationsOf, replyMismatch } from './replyClips';

/** Clips a timeline is drawn from: several scenes (so groups and ambiguity happen), cards and music. */
const POOL: [string, ClipKind][] = [
  ['Intro', 'intro'],
  ['Beach scene', 'scene'],
  ['City scene', 'scene'],
  ['Tram ride', 'scene'],
  ['Interview', 'scene'],
  ['Drone shot', 'scene'],
  ['Title card', 'title'],
  ['Chapter 2', 'title'],
  ['Outro', 'outro'],
  ['Background music', 'audio'],
];

const timelineArbitrary: fc.Arbitrary<Timeline> = fc.uniqueArray(fc.nat({ max: POOL.length - 1 }), { minLength: 2, maxLength: POOL.length }).chain((picks) =>
  fc.tuple(
    ...picks.map((pick) =>
      fc
        .record({
          seconds: fc.integer({ min: 2, max: 40 }),
          fadeIn: fc.constantFrom(0, 0, 1000),
          speed: fc.constantFrom(1, 1, 1, 2, 0.5),
          muted: fc.boolean(),
        })
        .map(({ seconds, fadeIn, speed, muted }): Clip => {
          const [name, kind] = POOL[pick];
          return clip(`clip-${pick}`, name, kind, seconds, { fadeInMs: fadeIn, speed, muted });
        }),
    ),
  ),
);

const REFERENCES = [
  'the first clip',
  'the second clip',
  'the last clip',
  'clip 3',
  'both scenes',
  'all the scenes',
  'every scene',
  'the first two clips',
  'the last three',
  'everything except the intro',
  'the clips after the title card',
  'the intro and the outro',
  'the opening',
  'the closing shot',
  'it',
  'them',
  'the scene',
  'the beach scene',
  'every title card',
  'all clips except the music',
  'each of the first two scenes',
];

const AMOUNTS = ['1 second', '1.5s', '1,5 s', 'half a second', 'a couple of seconds', '90 frames at 30 fps', '3 seconds'];

const EDITS: ((reference: string, amount: string) => string)[] = [
  (reference) => `make ${reference} a bit longer`,
  (reference, amount) => `shorten ${reference} by ${amount}`,
  (reference, amount) => `lengthen ${reference} by ${amount}`,
  (reference, amount) => `set ${reference} to ${amount}`,
  (reference) => `shorten ${reference} by 10%`,
  (reference) => `shorten ${reference} by a third`,
  (reference) => `make ${reference} twice as long`,
  (reference) => `fade out ${reference}`,
  (reference, amount) => `fade in ${reference} over ${amount}`,
  (reference) => `mute ${reference}`,
  (reference) => `unmute ${reference}`,
  (reference) => `speed up ${reference}`,
  (reference) => `slow down ${reference}`,
  (reference) => `set the volume of ${reference} to 40%`,
  (reference) => `delete ${reference}`,
  (reference) => `duplicate ${reference}`,
  (reference) => `move ${reference} to the end`,
  (reference) => `could you trim ${reference} a little?`,
];

const FOLLOW_UPS = [
  'again',
  'once more',
  'more',
  'a little less',
  'even shorter',
  'longer still',
  'twice as long',
  'the intro too',
  'the others too',
  'mute',
  'and the second clip as well',
  'same for the last clip',
  'actually make it 6 seconds',
  'no, I meant the second clip',
  'make that 1 second instead',
  'not that one, the other scene',
  'the second one',
  'the beach one',
  'undo',
  'redo',
  'forget that',
  'undo the fade',
  'restore the outro',
  'undo everything in this session',
];

const editArbitrary = fc
  .tuple(fc.constantFrom(...EDITS), fc.constantFrom(...REFERENCES), fc.constantFrom(...AMOUNTS))
  .map(([edit, reference, amount]) => edit(reference, amount));

const instructionArbitrary: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: editArbitrary },
  { weight: 3, arbitrary: fc.constantFrom(...FOLLOW_UPS) },
  { weight: 1, arbitrary: fc.tuple(editArbitrary, editArbitrary).map(([first, second]) => `${first} and ${second}`) },
  { weight: 1, arbitrary: fc.tuple(editArbitrary, editArbitrary).map(([first, second]) => `${first}, then ${second}`) },
);

const conversationArbitrary = fc.record({
  timeline: timelineArbitrary,
  instructions: fc.array(instructionArbitrary, { minLength: 1, maxLength: 8 }),
});

test('every clip a reply names as changed was changed, and every changed clip is named', () => {
  fc.assert(
    fc.property(conversationArbitrary, ({ timeline, instructions }) => {
      const project = new Project(timeline);
      const session = project.startSession();
      for (const instruction of instructions) {
        const before = project.timeline;
        const result = session.send(instruction);
        if (result.actions.length === 0) continue;
        expect({ instruction, reply: result.reply, ...replyMismatch(result, session.edits, before, project.timeline) }).toEqual({
          instruction,
          reply: result.reply,
          namedButUnchanged: [],
          changedButUnnamed: [],
        });
      }
    }),
    { numRuns: 250 },
  );
});

test('one undo restores the exact prior timeline after a multi-clip or compound instruction, and redo brings it back', () => {
  let checked = 0;
  fc.assert(
    fc.property(conversationArbitrary, ({ timeline, instructions }) => {
      const project = new Project(timeline);
      const session = project.startSession();
      for (const instruction of instructions) {
        const before = project.timeline;
        const result = session.send(instruction);
        const [action] = result.actions;
        if (result.actions.length !== 1 || action.type !== 'apply') continue;
        const touched = new Set(operationsOf(result, session.edits).map((op) => (op.type === 'update' || op.type === 'move' ? op.clipId : op.clip.id)));
        if (touched.size < 2 && action.edit.intent.action !== 'compound') continue;
        checked += 1;
        const after = project.timeline;
        expect(session.send('undo').actions).toEqual([{ type: 'revert', editId: expect.any(String) as unknown }]);
        expect(project.timeline).toEqual(before);
        session.send('redo');
        expect(project.timeline).toEqual(after);
      }
    }),
    { numRuns: 250 },
  );
  // The generators must reach the case this test is about.
  expect(checked).toBeGreaterThan(50);
});

/** Phrasings that replace the last edit: its amount, its unit or its clip. */
const CORRECTIONS = [
  'make that 3 seconds',
  'actually make it 6 seconds',
  'make that 1 second instead',
  'no, 2 seconds',
  'percent, not seconds',
  'seconds, not percent',
  'no, I meant the second clip',
  'no, the last clip',
  'the first clip, not that one',
  'not that one, the other scene',
  'no, the outro, not the intro',
  'make that 50%',
];

test('a correction is one revision of the last edit: one undo brings back the exact timeline from before the edit it revised', () => {
  let revised = 0;
  fc.assert(
    fc.property(conversationArbitrary, editArbitrary, fc.constantFrom(...CORRECTIONS), ({ timeline, instructions }, edit, correction) => {
      const project = new Project(timeline);
      const session = project.startSession();
      for (const instruction of instructions) session.send(instruction);
      const beforeEdit = project.timeline;
      const made = session.send(edit);
      if (made.actions.length !== 1 || made.actions[0].type !== 'apply') return;
      const original = session.edits.at(-1)!;
      const corrected = session.send(correction);
      // "actually make it 6 seconds" after a fade is a new request, not a correction of it.
      const [revertOriginal, ...instead] = corrected.actions;
      if (revertOriginal?.type !== 'revert' || revertOriginal.editId !== original.id) return;
      expect({ correction, instead: instead.map((action) => action.type) }).toEqual({ correction, instead: ['apply'] });
      revised += 1;
      expect(session.send('undo').actions).toHaveLength(1);
      expect(project.timeline).toEqual(beforeEdit);
    }),
    { numRuns: 300 },
  );
  // The generators must reach the case this test is about.
  expect(revised).toBeGreaterThan(30);
});
