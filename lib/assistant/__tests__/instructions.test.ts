import { invertOperations } from '@/lib/timeline/operations';
import { CAPABILITIES, DID_NOT_UNDERSTAND, EMPTY_TIMELINE } from '../replies';
import type { AssistantAction, EditIntent, Operation, Timeline } from '../types';
import { BEACH, CITY, clip, FIXTURE, insert, INTERVIEW, INTRO, move, MUSIC, OUTRO, Project, remove, TITLE_CARD, update } from './fixtures';

interface InstructionCase {
  instruction: string;
  /** Earlier instructions in the same session, played first. */
  given?: string[];
  timeline?: Timeline;
  reply: string;
  /** The single edit the instruction should apply; omitted when nothing may change. */
  edit?: { description: string; intent: EditIntent; operations: Operation[] };
  /** Undo and redo actions, for history cases. */
  actions?: AssistantAction[];
}

function check({ instruction, given = [], timeline = FIXTURE, reply, edit, actions }: InstructionCase): void {
  const session = new Project(timeline).startSession();
  for (const earlier of given) session.send(earlier);
  const result = session.send(instruction);
  expect(result.reply).toBe(reply);
  const expected: AssistantAction[] = edit ? [{ type: 'apply', edit: { ...edit, inverse: invertOperations(edit.operations) } }] : (actions ?? []);
  expect(result.actions).toEqual(expected);
}

function title(instruction: string, given: string[] = []): string {
  return [...given, instruction].map((text) => JSON.stringify(text)).join(' → ');
}

function run(cases: InstructionCase[]): void {
  test.each(cases.map((testCase) => [title(testCase.instruction, testCase.given), testCase] as const))('%s', (_, testCase) => check(testCase));
}

const lengthenOutro = {
  description: 'Made “Outro” 2.0 s longer',
  intent: { action: 'lengthen', amount: 2000, targetClipIds: ['outro'] },
  operations: [update('outro', { durationMs: 5000 }, { durationMs: 7000 })],
};

describe('lengthening, shortening and setting durations', () => {
  run([
    { instruction: 'make the outro a bit longer', reply: 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.', edit: lengthenOutro },
    {
      instruction: 'Could you please make the outro slightly longer? Thanks!',
      reply: 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.',
      edit: lengthenOutro,
    },
    {
      instruction: 'make the intro 3 seconds longer',
      reply: 'Made “Intro” 3.0 s longer: 4.0 s → 7.0 s.',
      edit: {
        description: 'Made “Intro” 3.0 s longer',
        intent: { action: 'lengthen', amount: 3000, targetClipIds: ['intro'] },
        operations: [update('intro', { durationMs: 4000 }, { durationMs: 7000 })],
      },
    },
    {
      instruction: 'can you make the intro three seconds shorter?',
      reply: 'Made “Intro” 3.0 s shorter: 4.0 s → 1.0 s.',
      edit: {
        description: 'Made “Intro” 3.0 s shorter',
        intent: { action: 'shorten', amount: 3000, targetClipIds: ['intro'] },
        operations: [update('intro', { durationMs: 4000 }, { durationMs: 1000 })],
      },
    },
    {
      instruction: 'lengthen the beach scene by 1.5 sec',
      reply: 'Made “Beach scene” 1.5 s longer: 12.0 s → 13.5 s.',
      edit: {
        description: 'Made “Beach scene” 1.5 s longer',
        intent: { action: 'lengthen', amount: 1500, targetClipIds: ['beach'] },
        operations: [update('beach', { durationMs: 12000 }, { durationMs: 13500 })],
      },
    },
    {
      instruction: 'extend the interview by one and a half seconds',
      reply: 'Made “Interview” 1.5 s longer: 20.0 s → 21.5 s.',
      edit: {
        description: 'Made “Interview” 1.5 s longer',
        intent: { action: 'lengthen', amount: 1500, targetClipIds: ['interview'] },
        operations: [update('interview', { durationMs: 20000 }, { durationMs: 21500 })],
      },
    },
    {
      instruction: 'shorten clip 2 by 500ms',
      reply: 'Made “Beach scene” 0.5 s shorter: 12.0 s → 11.5 s.',
      edit: {
        description: 'Made “Beach scene” 0.5 s shorter',
        intent: { action: 'shorten', amount: 500, targetClipIds: ['beach'] },
        operations: [update('beach', { durationMs: 12000 }, { durationMs: 11500 })],
      },
    },
    {
      instruction: 'trim the city scene',
      reply: 'Made “City scene” 2.0 s shorter: 9.0 s → 7.0 s.',
      edit: {
        description: 'Made “City scene” 2.0 s shorter',
        intent: { action: 'shorten', amount: 2000, targetClipIds: ['city'] },
        operations: [update('city', { durationMs: 9000 }, { durationMs: 7000 })],
      },
    },
    {
      instruction: 'add 2s to the intro',
      reply: 'Made “Intro” 2.0 s longer: 4.0 s → 6.0 s.',
      edit: {
        description: 'Made “Intro” 2.0 s longer',
        intent: { action: 'lengthen', amount: 2000, targetClipIds: ['intro'] },
        operations: [update('intro', { durationMs: 4000 }, { durationMs: 6000 })],
      },
    },
    {
      instruction: 'trim 500 ms off the outro',
      reply: 'Made “Outro” 0.5 s shorter: 5.0 s → 4.5 s.',
      edit: {
        description: 'Made “Outro” 0.5 s shorter',
        intent: { action: 'shorten', amount: 500, targetClipIds: ['outro'] },
        operations: [update('outro', { durationMs: 5000 }, { durationMs: 4500 })],
      },
    },
    {
      instruction: 'extend the outro by 1 minute',
      reply: 'Made “Outro” 60.0 s longer: 5.0 s → 65.0 s.',
      edit: {
        description: 'Made “Outro” 60.0 s longer',
        intent: { action: 'lengthen', amount: 60000, targetClipIds: ['outro'] },
        operations: [update('outro', { durationMs: 5000 }, { durationMs: 65000 })],
      },
    },
    {
      instruction: 'make the title card 10 seconds long',
      reply: 'Set “Title card” to 10.0 s: 3.0 s → 10.0 s.',
      edit: {
        description: 'Set “Title card” to 10.0 s',
        intent: { action: 'setDuration', amount: 10000, targetClipIds: ['title'] },
        operations: [update('title', { durationMs: 3000 }, { durationMs: 10000 })],
      },
    },
    {
      instruction: 'set the duration of the interview to 15 seconds',
      reply: 'Set “Interview” to 15.0 s: 20.0 s → 15.0 s.',
      edit: {
        description: 'Set “Interview” to 15.0 s',
        intent: { action: 'setDuration', amount: 15000, targetClipIds: ['interview'] },
        operations: [update('interview', { durationMs: 20000 }, { durationMs: 15000 })],
      },
    },
    {
      instruction: 'cut the beach scene down to 8 seconds',
      reply: 'Set “Beach scene” to 8.0 s: 12.0 s → 8.0 s.',
      edit: {
        description: 'Set “Beach scene” to 8.0 s',
        intent: { action: 'setDuration', amount: 8000, targetClipIds: ['beach'] },
        operations: [update('beach', { durationMs: 12000 }, { durationMs: 8000 })],
      },
    },
    {
      instruction: 'shorten the title card by 3 seconds',
      reply: "I can't make “Title card” 3.0 s shorter: it is only 3.0 s long, and clips can't be shorter than 0.5 s.",
    },
    {
      instruction: 'set the intro to 200ms',
      reply: "I can't set “Intro” to 0.2 s: clips can't be shorter than 0.5 s.",
    },
    { instruction: 'make the intro 4 seconds', reply: '“Intro” is already 4.0 s.' },
    {
      instruction: 'shorten every scene by 10 seconds',
      reply: "I can't make “Beach scene”, “City scene” and “Interview” 10.0 s shorter: “City scene” is only 9.0 s long, and clips can't be shorter than 0.5 s.",
    },
    { instruction: 'lengthen the intro by -2 seconds', reply: DID_NOT_UNDERSTAND },
    {
      instruction: 'make all scenes 1 second longer',
      reply:
        'Made “Beach scene”, “City scene” and “Interview” 1.0 s longer: “Beach scene” 12.0 s → 13.0 s, “City scene” 9.0 s → 10.0 s, “Interview” 20.0 s → 21.0 s.',
      edit: {
        description: 'Made “Beach scene”, “City scene” and “Interview” 1.0 s longer',
        intent: { action: 'lengthen', amount: 1000, targetClipIds: ['beach', 'city', 'interview'] },
        operations: [
          update('beach', { durationMs: 12000 }, { durationMs: 13000 }),
          update('city', { durationMs: 9000 }, { durationMs: 10000 }),
          update('interview', { durationMs: 20000 }, { durationMs: 21000 }),
        ],
      },
    },
    {
      instruction: 'shorten the first three clips by half a second',
      reply: 'Made “Intro”, “Beach scene” and “City scene” 0.5 s shorter: “Intro” 4.0 s → 3.5 s, “Beach scene” 12.0 s → 11.5 s, “City scene” 9.0 s → 8.5 s.',
      edit: {
        description: 'Made “Intro”, “Beach scene” and “City scene” 0.5 s shorter',
        intent: { action: 'shorten', amount: 500, targetClipIds: ['intro', 'beach', 'city'] },
        operations: [
          update('intro', { durationMs: 4000 }, { durationMs: 3500 }),
          update('beach', { durationMs: 12000 }, { durationMs: 11500 }),
          update('city', { durationMs: 9000 }, { durationMs: 8500 }),
        ],
      },
    },
    {
      instruction: 'shorten the intro to 0.5 seconds',
      given: ['fade in the intro'],
      reply: 'Set “Intro” to 0.5 s: 4.0 s → 0.5 s. The fade-in of “Intro” now lasts the whole 0.5 s.',
      edit: {
        description: 'Set “Intro” to 0.5 s',
        intent: { action: 'setDuration', amount: 500, targetClipIds: ['intro'] },
        operations: [update('intro', { durationMs: 4000, fadeInMs: 1000 }, { durationMs: 500, fadeInMs: 500 })],
      },
    },
  ]);
});

describe('moving and swapping', () => {
  run([
    {
      instruction: 'move the outro to the start',
      reply: 'Moved “Outro” to the start: position 6 → 1.',
      edit: {
        description: 'Moved “Outro” to the start',
        intent: { action: 'move', targetClipIds: ['outro'], params: { destination: { to: 'start' } } },
        operations: [move('outro', 5, 0)],
      },
    },
    {
      instruction: 'move the intro to the end of the video',
      reply: 'Moved “Intro” to the end: position 1 → 7.',
      edit: {
        description: 'Moved “Intro” to the end',
        intent: { action: 'move', targetClipIds: ['intro'], params: { destination: { to: 'end' } } },
        operations: [move('intro', 0, 6)],
      },
    },
    {
      instruction: 'move the intro after the beach scene',
      reply: 'Moved “Intro” after “Beach scene”: position 1 → 2.',
      edit: {
        description: 'Moved “Intro” after “Beach scene”',
        intent: { action: 'move', targetClipIds: ['intro'], params: { destination: { to: 'after', anchorClipId: 'beach' } } },
        operations: [move('intro', 0, 1)],
      },
    },
    {
      instruction: 'put the city scene before the beach scene',
      reply: 'Moved “City scene” before “Beach scene”: position 3 → 2.',
      edit: {
        description: 'Moved “City scene” before “Beach scene”',
        intent: { action: 'move', targetClipIds: ['city'], params: { destination: { to: 'before', anchorClipId: 'beach' } } },
        operations: [move('city', 2, 1)],
      },
    },
    {
      instruction: 'move the one before the outro to the beginning',
      reply: 'Moved “Title card” to the start: position 5 → 1.',
      edit: {
        description: 'Moved “Title card” to the start',
        intent: { action: 'move', targetClipIds: ['title'], params: { destination: { to: 'start' } } },
        operations: [move('title', 4, 0)],
      },
    },
    {
      instruction: 'move the outro to position 2',
      reply: 'Moved “Outro” to position 2: position 6 → 2.',
      edit: {
        description: 'Moved “Outro” to position 2',
        intent: { action: 'move', targetClipIds: ['outro'], params: { destination: { to: 'position', position: 2 } } },
        operations: [move('outro', 5, 1)],
      },
    },
    {
      instruction: 'make the outro the second clip',
      reply: 'Moved “Outro” to position 2: position 6 → 2.',
      edit: {
        description: 'Moved “Outro” to position 2',
        intent: { action: 'move', targetClipIds: ['outro'], params: { destination: { to: 'position', position: 2 } } },
        operations: [move('outro', 5, 1)],
      },
    },
    { instruction: 'move the outro after the title card', reply: '“Outro” is already after “Title card”.' },
    { instruction: 'move the intro after the intro', reply: "I can't place a clip after itself." },
    { instruction: 'move the outro to position 9', reply: 'There is no position 9: positions go from 1 to 7.' },
    { instruction: 'move all scenes to the end', reply: 'I can only move one clip at a time.' },
    {
      instruction: 'move the intro to after the city scene',
      reply: 'Moved “Intro” after “City scene”: position 1 → 3.',
      edit: {
        description: 'Moved “Intro” after “City scene”',
        intent: { action: 'move', targetClipIds: ['intro'], params: { destination: { to: 'after', anchorClipId: 'city' } } },
        operations: [move('intro', 0, 2)],
      },
    },
    {
      instruction: 'swap the intro and the outro',
      reply: 'Swapped “Intro” and “Outro”: “Intro” is now at position 6 and “Outro” at position 1.',
      edit: {
        description: 'Swapped “Intro” and “Outro”',
        intent: { action: 'swap', targetClipIds: ['intro', 'outro'] },
        operations: [move('intro', 0, 5), move('outro', 4, 0)],
      },
    },
    {
      instruction: 'switch the first two clips',
      reply: 'Swapped “Intro” and “Beach scene”: “Intro” is now at position 2 and “Beach scene” at position 1.',
      edit: {
        description: 'Swapped “Intro” and “Beach scene”',
        intent: { action: 'swap', targetClipIds: ['intro', 'beach'] },
        operations: [move('intro', 0, 1)],
      },
    },
    {
      instruction: 'swap the interview with the city scene',
      reply: 'Swapped “Interview” and “City scene”: “City scene” is now at position 4 and “Interview” at position 3.',
      edit: {
        description: 'Swapped “Interview” and “City scene”',
        intent: { action: 'swap', targetClipIds: ['interview', 'city'] },
        operations: [move('city', 2, 3)],
      },
    },
    { instruction: 'swap the intro', reply: 'Swapping needs exactly two different clips, e.g. “swap the intro and the outro”.' },
  ]);
});

describe('deleting, duplicating, splitting and renaming', () => {
  run([
    {
      instruction: 'delete the beach scene',
      reply: 'Deleted “Beach scene”.',
      edit: {
        description: 'Deleted “Beach scene”',
        intent: { action: 'delete', targetClipIds: ['beach'] },
        operations: [remove(1, BEACH)],
      },
    },
    {
      instruction: 'remove clip 3 from the timeline',
      reply: 'Deleted “City scene”.',
      edit: {
        description: 'Deleted “City scene”',
        intent: { action: 'delete', targetClipIds: ['city'] },
        operations: [remove(2, CITY)],
      },
    },
    {
      instruction: 'get rid of the last clip',
      reply: 'Deleted “Background music”.',
      edit: {
        description: 'Deleted “Background music”',
        intent: { action: 'delete', targetClipIds: ['music'] },
        operations: [remove(6, MUSIC)],
      },
    },
    {
      instruction: 'delete all the scenes',
      reply: 'Deleted “Beach scene”, “City scene” and “Interview”.',
      edit: {
        description: 'Deleted “Beach scene”, “City scene” and “Interview”',
        intent: { action: 'delete', targetClipIds: ['beach', 'city', 'interview'] },
        operations: [remove(1, BEACH), remove(1, CITY), remove(1, INTERVIEW)],
      },
    },
    {
      instruction: 'delete "Interview"',
      reply: 'Deleted “Interview”.',
      edit: {
        description: 'Deleted “Interview”',
        intent: { action: 'delete', targetClipIds: ['interview'] },
        operations: [remove(3, INTERVIEW)],
      },
    },
    {
      instruction: 'duplicate the intro',
      reply: 'Duplicated “Intro” as “Intro (copy)”, right after it.',
      edit: {
        description: 'Duplicated “Intro”',
        intent: { action: 'duplicate', targetClipIds: ['intro'] },
        operations: [insert(1, { ...INTRO, id: 'new-1', name: 'Intro (copy)' })],
      },
    },
    {
      instruction: 'make a copy of the title card',
      reply: 'Duplicated “Title card” as “Title card (copy)”, right after it.',
      edit: {
        description: 'Duplicated “Title card”',
        intent: { action: 'duplicate', targetClipIds: ['title'] },
        operations: [insert(5, { ...TITLE_CARD, id: 'new-1', name: 'Title card (copy)' })],
      },
    },
    {
      instruction: 'duplicate the intro',
      given: ['duplicate the intro'],
      reply: 'Duplicated “Intro” as “Intro (copy 2)”, right after it.',
      edit: {
        description: 'Duplicated “Intro”',
        intent: { action: 'duplicate', targetClipIds: ['intro'] },
        operations: [insert(1, { ...INTRO, id: 'new-2', name: 'Intro (copy 2)' })],
      },
    },
    {
      instruction: 'split the interview at 5 seconds',
      reply: 'Split “Interview” at 5.0 s into “Interview (part 1)” (5.0 s) and “Interview (part 2)” (15.0 s).',
      edit: {
        description: 'Split “Interview” at 5.0 s',
        intent: { action: 'split', amount: 5000, targetClipIds: ['interview'] },
        operations: [
          update('interview', { name: 'Interview', durationMs: 20000 }, { name: 'Interview (part 1)', durationMs: 5000 }),
          insert(4, { ...INTERVIEW, id: 'new-1', name: 'Interview (part 2)', durationMs: 15000 }),
        ],
      },
    },
    {
      instruction: 'cut the beach scene in half',
      reply: 'Split “Beach scene” at 6.0 s into “Beach scene (part 1)” (6.0 s) and “Beach scene (part 2)” (6.0 s).',
      edit: {
        description: 'Split “Beach scene” at 6.0 s',
        intent: { action: 'split', targetClipIds: ['beach'], params: { at: 'middle' } },
        operations: [
          update('beach', { name: 'Beach scene', durationMs: 12000 }, { name: 'Beach scene (part 1)', durationMs: 6000 }),
          insert(2, { ...BEACH, id: 'new-1', name: 'Beach scene (part 2)', durationMs: 6000 }),
        ],
      },
    },
    {
      instruction: 'split the intro at 10 seconds',
      reply: '“Intro” is 4.0 s long, so the split point has to be between 0 s and 4.0 s.',
    },
    {
      instruction: 'split the intro at 3.8 seconds',
      reply: "I can't split “Intro” at 3.8 s: both parts have to be at least 0.5 s long.",
    },
    {
      instruction: 'split the interview',
      reply: 'Where should I split it? For example: “split the interview at 5 seconds” or “split it in half”.',
    },
    {
      instruction: 'rename the intro to "Opening"',
      reply: 'Renamed “Intro” to “Opening”.',
      edit: {
        description: 'Renamed “Intro” to “Opening”',
        intent: { action: 'rename', text: 'Opening', targetClipIds: ['intro'] },
        operations: [update('intro', { name: 'Intro' }, { name: 'Opening' })],
      },
    },
    {
      instruction: 'rename the outro to Thanks Everyone',
      reply: 'Renamed “Outro” to “Thanks Everyone”.',
      edit: {
        description: 'Renamed “Outro” to “Thanks Everyone”',
        intent: { action: 'rename', text: 'Thanks Everyone', targetClipIds: ['outro'] },
        operations: [update('outro', { name: 'Outro' }, { name: 'Thanks Everyone' })],
      },
    },
    {
      instruction: 'call the title card “Chapter 1”',
      reply: 'Renamed “Title card” to “Chapter 1”.',
      edit: {
        description: 'Renamed “Title card” to “Chapter 1”',
        intent: { action: 'rename', text: 'Chapter 1', targetClipIds: ['title'] },
        operations: [update('title', { name: 'Title card' }, { name: 'Chapter 1' })],
      },
    },
    {
      instruction: 'rename the intro',
      reply: 'What should I rename it to? For example: rename the intro to "Opening".',
    },
  ]);
});

describe('fades, speed and volume', () => {
  run([
    {
      instruction: 'fade in the intro',
      reply: 'Added a 1.0 s fade-in to “Intro”.',
      edit: {
        description: 'Added a 1.0 s fade-in to “Intro”',
        intent: { action: 'fadeIn', amount: 1000, targetClipIds: ['intro'] },
        operations: [update('intro', { fadeInMs: 0 }, { fadeInMs: 1000 })],
      },
    },
    {
      instruction: 'fade out the outro over 2 seconds',
      reply: 'Added a 2.0 s fade-out to “Outro”.',
      edit: {
        description: 'Added a 2.0 s fade-out to “Outro”',
        intent: { action: 'fadeOut', amount: 2000, targetClipIds: ['outro'] },
        operations: [update('outro', { fadeOutMs: 0 }, { fadeOutMs: 2000 })],
      },
    },
    {
      instruction: 'add a 500ms fade-in to the beach scene',
      reply: 'Added a 0.5 s fade-in to “Beach scene”.',
      edit: {
        description: 'Added a 0.5 s fade-in to “Beach scene”',
        intent: { action: 'fadeIn', amount: 500, targetClipIds: ['beach'] },
        operations: [update('beach', { fadeInMs: 0 }, { fadeInMs: 500 })],
      },
    },
    {
      instruction: 'give the outro a 2 second fade out',
      reply: 'Added a 2.0 s fade-out to “Outro”.',
      edit: {
        description: 'Added a 2.0 s fade-out to “Outro”',
        intent: { action: 'fadeOut', amount: 2000, targetClipIds: ['outro'] },
        operations: [update('outro', { fadeOutMs: 0 }, { fadeOutMs: 2000 })],
      },
    },
    {
      instruction: 'fade out all clips',
      reply: 'Added a 1.0 s fade-out to “Intro”, “Beach scene”, “City scene”, “Interview”, “Title card”, “Outro” and “Background music”.',
      edit: {
        description: 'Added a 1.0 s fade-out to “Intro”, “Beach scene”, “City scene”, “Interview”, “Title card”, “Outro” and “Background music”',
        intent: {
          action: 'fadeOut',
          amount: 1000,
          targetClipIds: ['intro', 'beach', 'city', 'interview', 'title', 'outro', 'music'],
        },
        operations: FIXTURE.map((entry) => update(entry.id, { fadeOutMs: 0 }, { fadeOutMs: 1000 })),
      },
    },
    {
      instruction: 'fade out the title card over 5 seconds',
      reply: "A 5.0 s fade-out won't fit: “Title card” is only 3.0 s long.",
    },
    {
      instruction: 'fade it in over 2 s',
      given: ['fade in the intro'],
      reply: 'Added a 2.0 s fade-in to “Intro” (replacing a 1.0 s fade-in).',
      edit: {
        description: 'Added a 2.0 s fade-in to “Intro”',
        intent: { action: 'fadeIn', amount: 2000, targetClipIds: ['intro'] },
        operations: [update('intro', { fadeInMs: 1000 }, { fadeInMs: 2000 })],
      },
    },
    {
      instruction: 'remove the fade-in from the intro',
      given: ['fade in the intro'],
      reply: 'Removed the fade-in from “Intro”.',
      edit: {
        description: 'Removed the fade-in from “Intro”',
        intent: { action: 'fadeIn', amount: 0, targetClipIds: ['intro'] },
        operations: [update('intro', { fadeInMs: 1000 }, { fadeInMs: 0 })],
      },
    },
    { instruction: 'remove the fade in from the intro', reply: '“Intro” has no fade-in.' },
    {
      instruction: 'speed up the interview',
      reply: 'Sped up “Interview” to 2x: 20.0 s → 10.0 s.',
      edit: {
        description: 'Sped up “Interview” to 2x',
        intent: { action: 'speedUp', amount: 2, targetClipIds: ['interview'] },
        operations: [update('interview', { durationMs: 20000, speed: 1 }, { durationMs: 10000, speed: 2 })],
      },
    },
    {
      instruction: 'slow down the beach scene',
      reply: 'Slowed down “Beach scene” to 0.5x: 12.0 s → 24.0 s.',
      edit: {
        description: 'Slowed down “Beach scene” to 0.5x',
        intent: { action: 'slowDown', amount: 0.5, targetClipIds: ['beach'] },
        operations: [update('beach', { durationMs: 12000, speed: 1 }, { durationMs: 24000, speed: 0.5 })],
      },
    },
    {
      instruction: 'set the speed of the intro to 1.5x',
      reply: 'Set “Intro” to 1.5x speed: 4.0 s → 2.667 s.',
      edit: {
        description: 'Set “Intro” to 1.5x speed',
        intent: { action: 'setSpeed', amount: 1.5, targetClipIds: ['intro'] },
        operations: [update('intro', { durationMs: 4000, speed: 1 }, { durationMs: 2667, speed: 1.5 })],
      },
    },
    {
      instruction: 'play the interview at 4x speed',
      reply: 'Set “Interview” to 4x speed: 20.0 s → 5.0 s.',
      edit: {
        description: 'Set “Interview” to 4x speed',
        intent: { action: 'setSpeed', amount: 4, targetClipIds: ['interview'] },
        operations: [update('interview', { durationMs: 20000, speed: 1 }, { durationMs: 5000, speed: 4 })],
      },
    },
    {
      instruction: 'slow the music down by half',
      reply: 'Slowed down “Background music” to 0.5x: 60.0 s → 120.0 s.',
      edit: {
        description: 'Slowed down “Background music” to 0.5x',
        intent: { action: 'slowDown', amount: 0.5, targetClipIds: ['music'] },
        operations: [update('music', { durationMs: 60000, speed: 1 }, { durationMs: 120000, speed: 0.5 })],
      },
    },
    {
      instruction: 'make the intro play at double speed',
      reply: 'Set “Intro” to 2x speed: 4.0 s → 2.0 s.',
      edit: {
        description: 'Set “Intro” to 2x speed',
        intent: { action: 'setSpeed', amount: 2, targetClipIds: ['intro'] },
        operations: [update('intro', { durationMs: 4000, speed: 1 }, { durationMs: 2000, speed: 2 })],
      },
    },
    {
      instruction: 'speed it up 4x',
      given: ['set the intro to 1 second'],
      reply: "I can't play “Intro” at 4x: “Intro” would last only 0.25 s, and clips can't be shorter than 0.5 s.",
    },
    {
      instruction: 'speed up the intro 8x',
      reply: "I can't do that: “Intro” would play at 8x, and speed has to stay between 0.25x and 4x.",
    },
    {
      instruction: 'mute the background music',
      reply: 'Muted “Background music”.',
      edit: {
        description: 'Muted “Background music”',
        intent: { action: 'mute', targetClipIds: ['music'] },
        operations: [update('music', { muted: false }, { muted: true })],
      },
    },
    {
      instruction: 'unmute it',
      given: ['mute the music'],
      reply: 'Unmuted “Background music”.',
      edit: {
        description: 'Unmuted “Background music”',
        intent: { action: 'unmute', targetClipIds: ['music'] },
        operations: [update('music', { muted: true }, { muted: false })],
      },
    },
    { instruction: 'unmute the music', reply: "“Background music” isn't muted." },
    {
      instruction: 'set the volume of the music to 50%',
      reply: 'Set the volume of “Background music” to 50% (was 100%).',
      edit: {
        description: 'Set the volume of “Background music” to 50%',
        intent: { action: 'setVolume', amount: 50, targetClipIds: ['music'] },
        operations: [update('music', { volume: 100 }, { volume: 50 })],
      },
    },
    {
      instruction: 'turn the interview down to thirty percent',
      reply: 'Set the volume of “Interview” to 30% (was 100%).',
      edit: {
        description: 'Set the volume of “Interview” to 30%',
        intent: { action: 'setVolume', amount: 30, targetClipIds: ['interview'] },
        operations: [update('interview', { volume: 100 }, { volume: 30 })],
      },
    },
    {
      instruction: "set the music's volume to 40",
      given: ['mute the music'],
      reply: 'Set the volume of “Background music” to 40% (was 100%). “Background music” is still muted.',
      edit: {
        description: 'Set the volume of “Background music” to 40%',
        intent: { action: 'setVolume', amount: 40, targetClipIds: ['music'] },
        operations: [update('music', { volume: 100 }, { volume: 40 })],
      },
    },
    { instruction: 'set the volume of the music to 150%', reply: 'Volume has to be between 0% and 100%.' },
  ]);
});

const chapterTwo = clip('new-1', 'Chapter 2', 'title', 3);

describe('adding titles, intros and outros', () => {
  run([
    {
      instruction: 'add a title "Chapter 2" after the intro',
      reply: 'Added title “Chapter 2” after “Intro” (3.0 s, position 2).',
      edit: {
        description: 'Added title “Chapter 2” after “Intro”',
        intent: {
          action: 'addClip',
          amount: 3000,
          text: 'Chapter 2',
          targetClipIds: ['new-1'],
          params: { kind: 'title', destination: { to: 'after', anchorClipId: 'intro' } },
        },
        operations: [insert(1, chapterTwo)],
      },
    },
    {
      instruction: 'add an outro saying "Thanks for watching"',
      reply: 'Added outro “Thanks for watching” at the end (3.0 s, position 8).',
      edit: {
        description: 'Added outro “Thanks for watching” at the end',
        intent: {
          action: 'addClip',
          amount: 3000,
          text: 'Thanks for watching',
          targetClipIds: ['new-1'],
          params: { kind: 'outro', destination: { to: 'end' } },
        },
        operations: [insert(7, clip('new-1', 'Thanks for watching', 'outro', 3))],
      },
    },
    {
      instruction: 'add an intro saying Welcome to the show',
      reply: 'Added intro “Welcome to the show” at the start (3.0 s, position 1).',
      edit: {
        description: 'Added intro “Welcome to the show” at the start',
        intent: {
          action: 'addClip',
          amount: 3000,
          text: 'Welcome to the show',
          targetClipIds: ['new-1'],
          params: { kind: 'intro', destination: { to: 'start' } },
        },
        operations: [insert(0, clip('new-1', 'Welcome to the show', 'intro', 3))],
      },
    },
    {
      instruction: 'add a 5 second title “The End” before the music',
      reply: 'Added title “The End” before “Background music” (5.0 s, position 7).',
      edit: {
        description: 'Added title “The End” before “Background music”',
        intent: {
          action: 'addClip',
          amount: 5000,
          text: 'The End',
          targetClipIds: ['new-1'],
          params: { kind: 'title', destination: { to: 'before', anchorClipId: 'music' } },
        },
        operations: [insert(6, clip('new-1', 'The End', 'title', 5))],
      },
    },
    {
      instruction: 'add a title "Part 2" before the dragon',
      reply:
        "I couldn't find a clip matching “dragon”. The clips are: “Intro”, “Beach scene”, “City scene”, “Interview”, “Title card”, “Outro”, “Background music”.",
    },
    { instruction: 'add a title', reply: 'What should the title say? For example: add a title "Chapter 2" after the intro.' },
    {
      instruction: 'insert a title card saying Part Three between the city scene and the interview',
      reply: 'Added title “Part Three” after “City scene” (3.0 s, position 4).',
      edit: {
        description: 'Added title “Part Three” after “City scene”',
        intent: {
          action: 'addClip',
          amount: 3000,
          text: 'Part Three',
          targetClipIds: ['new-1'],
          params: { kind: 'title', destination: { to: 'after', anchorClipId: 'city' } },
        },
        operations: [insert(3, clip('new-1', 'Part Three', 'title', 3))],
      },
    },
    {
      instruction: 'add an intro "Welcome"',
      timeline: [],
      reply: 'Added intro “Welcome” at the start (3.0 s, position 1).',
      edit: {
        description: 'Added intro “Welcome” at the start',
        intent: {
          action: 'addClip',
          amount: 3000,
          text: 'Welcome',
          targetClipIds: ['new-1'],
          params: { kind: 'intro', destination: { to: 'start' } },
        },
        operations: [insert(0, clip('new-1', 'Welcome', 'intro', 3))],
      },
    },
  ]);
});

describe('clip references', () => {
  run([
    {
      instruction: 'make the clip after the intro shorter',
      reply: 'Made “Beach scene” 2.0 s shorter: 12.0 s → 10.0 s.',
      edit: {
        description: 'Made “Beach scene” 2.0 s shorter',
        intent: { action: 'shorten', amount: 2000, targetClipIds: ['beach'] },
        operations: [update('beach', { durationMs: 12000 }, { durationMs: 10000 })],
      },
    },
    {
      instruction: 'make the second-to-last clip longer',
      reply: 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.',
      edit: lengthenOutro,
    },
    {
      instruction: 'make the 2nd scene a bit longer',
      reply: 'Made “City scene” 2.0 s longer: 9.0 s → 11.0 s.',
      edit: {
        description: 'Made “City scene” 2.0 s longer',
        intent: { action: 'lengthen', amount: 2000, targetClipIds: ['city'] },
        operations: [update('city', { durationMs: 9000 }, { durationMs: 11000 })],
      },
    },
    {
      instruction: 'make the beach one longer',
      reply: 'Made “Beach scene” 2.0 s longer: 12.0 s → 14.0 s.',
      edit: {
        description: 'Made “Beach scene” 2.0 s longer',
        intent: { action: 'lengthen', amount: 2000, targetClipIds: ['beach'] },
        operations: [update('beach', { durationMs: 12000 }, { durationMs: 14000 })],
      },
    },
    {
      instruction: 'mute the audio',
      reply: 'Muted “Background music”.',
      edit: {
        description: 'Muted “Background music”',
        intent: { action: 'mute', targetClipIds: ['music'] },
        operations: [update('music', { muted: false }, { muted: true })],
      },
    },
    {
      instruction: 'lengthen the first clip by 2 s',
      reply: 'Made “Intro” 2.0 s longer: 4.0 s → 6.0 s.',
      edit: {
        description: 'Made “Intro” 2.0 s longer',
        intent: { action: 'lengthen', amount: 2000, targetClipIds: ['intro'] },
        operations: [update('intro', { durationMs: 4000 }, { durationMs: 6000 })],
      },
    },
    {
      instruction: 'shorten the scene',
      reply: 'Which clip do you mean? There are 3 scene clips: “Beach scene”, “City scene”, “Interview”.',
    },
    { instruction: 'trim the tenth clip', reply: 'There is no tenth clip: the timeline has 7 clips.' },
    { instruction: 'delete the last four scenes', reply: 'There are only 3 scene clips, not 4.' },
    { instruction: 'move the clip before the intro to the end', reply: 'There is no clip before “Intro”: it is the first clip.' },
    {
      instruction: 'delete the dragon',
      reply:
        "I couldn't find a clip matching “dragon”. The clips are: “Intro”, “Beach scene”, “City scene”, “Interview”, “Title card”, “Outro”, “Background music”.",
    },
    { instruction: 'make it longer', reply: "Which clip do you mean? I haven't changed any clip in this session yet." },
    {
      instruction: 'make it 1 second shorter',
      given: ['make the outro a bit longer'],
      reply: 'Made “Outro” 1.0 s shorter: 7.0 s → 6.0 s.',
      edit: {
        description: 'Made “Outro” 1.0 s shorter',
        intent: { action: 'shorten', amount: 1000, targetClipIds: ['outro'] },
        operations: [update('outro', { durationMs: 7000 }, { durationMs: 6000 })],
      },
    },
    {
      instruction: 'fade out that clip',
      given: ['fade in the intro'],
      reply: 'Added a 1.0 s fade-out to “Intro”.',
      edit: {
        description: 'Added a 1.0 s fade-out to “Intro”',
        intent: { action: 'fadeOut', amount: 1000, targetClipIds: ['intro'] },
        operations: [update('intro', { fadeOutMs: 0 }, { fadeOutMs: 1000 })],
      },
    },
    {
      instruction: 'delete the next clip',
      given: ['make the outro a bit longer'],
      reply: 'Deleted “Background music”.',
      edit: {
        description: 'Deleted “Background music”',
        intent: { action: 'delete', targetClipIds: ['music'] },
        operations: [remove(6, MUSIC)],
      },
    },
    {
      instruction: 'mute them',
      given: ['make all scenes 1 second longer'],
      reply: 'Muted “Beach scene”, “City scene” and “Interview”.',
      edit: {
        description: 'Muted “Beach scene”, “City scene” and “Interview”',
        intent: { action: 'mute', targetClipIds: ['beach', 'city', 'interview'] },
        operations: [
          update('beach', { muted: false }, { muted: true }),
          update('city', { muted: false }, { muted: true }),
          update('interview', { muted: false }, { muted: true }),
        ],
      },
    },
    {
      instruction: 'make it longer',
      given: ['delete the intro'],
      reply: 'The clip I last changed is no longer in the timeline. Which clip do you mean?',
    },
    { instruction: 'delete the intro', timeline: [], reply: EMPTY_TIMELINE },
    {
      instruction: 'fade out the intro and the outro',
      reply: 'Added a 1.0 s fade-out to “Intro” and “Outro”.',
      edit: {
        description: 'Added a 1.0 s fade-out to “Intro” and “Outro”',
        intent: { action: 'fadeOut', amount: 1000, targetClipIds: ['intro', 'outro'] },
        operations: [update('intro', { fadeOutMs: 0 }, { fadeOutMs: 1000 }), update('outro', { fadeOutMs: 0 }, { fadeOutMs: 1000 })],
      },
    },
    {
      instruction: 'mute both the music and clip 4',
      reply: 'Muted “Interview” and “Background music”.',
      edit: {
        description: 'Muted “Interview” and “Background music”',
        intent: { action: 'mute', targetClipIds: ['interview', 'music'] },
        operations: [update('interview', { muted: false }, { muted: true }), update('music', { muted: false }, { muted: true })],
      },
    },
    { instruction: 'delete clip 0', reply: 'There is no 0th clip: the timeline has 7 clips.' },
  ]);
});

describe('undo, redo and repeating', () => {
  run([
    { instruction: 'undo that', reply: "There's nothing in this session to undo." },
    {
      instruction: 'actually, undo that last change',
      given: ['make the outro a bit longer'],
      reply: 'Undid: made “Outro” 2.0 s longer. “Outro” is back to 5.0 s.',
      actions: [{ type: 'revert', editId: 'edit-1' }],
    },
    {
      instruction: 'undo the last two changes',
      given: ['make the outro a bit longer', 'fade in the intro'],
      reply: 'Undid 2 changes: added a 1.0 s fade-in to “Intro”; made “Outro” 2.0 s longer. “Outro” is back to 5.0 s.',
      actions: [
        { type: 'revert', editId: 'edit-2' },
        { type: 'revert', editId: 'edit-1' },
      ],
    },
    {
      instruction: 'undo',
      given: ['delete the beach scene'],
      reply: 'Undid: deleted “Beach scene”. “Beach scene” is back at position 2.',
      actions: [{ type: 'revert', editId: 'edit-1' }],
    },
    {
      instruction: 'undo the last 3 changes',
      given: ['make the outro a bit longer'],
      reply: 'There was only 1 change to undo. Undid: made “Outro” 2.0 s longer. “Outro” is back to 5.0 s.',
      actions: [{ type: 'revert', editId: 'edit-1' }],
    },
    {
      instruction: 'undo',
      given: ['make the outro a bit longer', 'undo'],
      reply: "There's nothing left to undo in this session: its changes are already undone.",
    },
    {
      instruction: 'undo the fade',
      reply: 'Nothing in this session made a fade that is still in effect.',
    },
    {
      instruction: 'redo',
      given: ['make the outro a bit longer', 'undo'],
      reply: 'Redid: made “Outro” 2.0 s longer. “Outro” is now 7.0 s.',
      actions: [{ type: 'reapply', editId: 'edit-1' }],
    },
    { instruction: 'redo', reply: "There's nothing to redo in this session." },
    {
      instruction: 'redo that',
      given: ['make the outro a bit longer', 'undo', 'fade in the intro'],
      reply: "There's nothing to redo: changes were made after the last undo.",
    },
    {
      instruction: 'do the same thing to the second clip',
      given: ['make the outro a bit longer', 'undo'],
      reply: 'Made “Beach scene” 2.0 s longer: 12.0 s → 14.0 s.',
      edit: {
        description: 'Made “Beach scene” 2.0 s longer',
        intent: { action: 'lengthen', amount: 2000, targetClipIds: ['beach'] },
        operations: [update('beach', { durationMs: 12000 }, { durationMs: 14000 })],
      },
    },
    {
      instruction: 'do that again',
      given: ['make the intro 1 second longer'],
      reply: 'Made “Intro” 1.0 s longer: 5.0 s → 6.0 s.',
      edit: {
        description: 'Made “Intro” 1.0 s longer',
        intent: { action: 'lengthen', amount: 1000, targetClipIds: ['intro'] },
        operations: [update('intro', { durationMs: 5000 }, { durationMs: 6000 })],
      },
    },
    {
      instruction: 'same for every scene',
      given: ['fade out the outro'],
      reply: 'Added a 1.0 s fade-out to “Beach scene”, “City scene” and “Interview”.',
      edit: {
        description: 'Added a 1.0 s fade-out to “Beach scene”, “City scene” and “Interview”',
        intent: { action: 'fadeOut', amount: 1000, targetClipIds: ['beach', 'city', 'interview'] },
        operations: [
          update('beach', { fadeOutMs: 0 }, { fadeOutMs: 1000 }),
          update('city', { fadeOutMs: 0 }, { fadeOutMs: 1000 }),
          update('interview', { fadeOutMs: 0 }, { fadeOutMs: 1000 }),
        ],
      },
    },
    {
      instruction: 'do the same to the interview',
      given: ['move the intro to the end'],
      reply: 'Moved “Interview” to the end: position 3 → 7.',
      edit: {
        description: 'Moved “Interview” to the end',
        intent: { action: 'move', targetClipIds: ['interview'], params: { destination: { to: 'end' } } },
        operations: [move('interview', 2, 6)],
      },
    },
    { instruction: 'do the same thing to the intro', reply: "There's nothing in this session to repeat yet." },
    {
      instruction: 'undo everything',
      given: ['make the outro a bit longer', 'fade in the intro'],
      reply: 'Undid 2 changes: added a 1.0 s fade-in to “Intro”; made “Outro” 2.0 s longer. “Outro” is back to 5.0 s.',
      actions: [
        { type: 'revert', editId: 'edit-2' },
        { type: 'revert', editId: 'edit-1' },
      ],
    },
    {
      instruction: 'redo the last 2 changes',
      given: ['make the outro a bit longer', 'fade in the intro', 'undo everything'],
      reply: 'Redid 2 changes: made “Outro” 2.0 s longer; added a 1.0 s fade-in to “Intro”. “Outro” is now 7.0 s.',
      actions: [
        { type: 'reapply', editId: 'edit-1' },
        { type: 'reapply', editId: 'edit-2' },
      ],
    },
    {
      instruction: 'do that again',
      given: ['add a title "Chapter 2" after the intro'],
      reply: 'Added title “Chapter 2” after “Intro” (3.0 s, position 2).',
      edit: {
        description: 'Added title “Chapter 2” after “Intro”',
        intent: {
          action: 'addClip',
          amount: 3000,
          text: 'Chapter 2',
          targetClipIds: ['new-2'],
          params: { kind: 'title', destination: { to: 'after', anchorClipId: 'intro' } },
        },
        operations: [insert(1, clip('new-2', 'Chapter 2', 'title', 3))],
      },
    },
    {
      instruction: 'do that again',
      given: ['delete the intro'],
      reply: 'The clips that change acted on are no longer in the timeline.',
    },
    {
      instruction: 'do the same thing to the outro',
      given: ['add a title "Chapter 2" after the intro'],
      reply: 'Adding a card doesn\'t apply to another clip. Say where to add one, e.g. “add a title "Chapter 3" after the interview”.',
    },
  ]);
});

const setOutroToSix = {
  description: 'Set “Outro” to 6.0 s',
  intent: { action: 'setDuration', amount: 6000, targetClipIds: ['outro'] },
  operations: [update('outro', { durationMs: 5000 }, { durationMs: 6000 })],
};

describe('other ways of saying the same edits', () => {
  run([
    {
      instruction: 'put the intro last',
      reply: 'Moved “Intro” to the end: position 1 → 7.',
      edit: {
        description: 'Moved “Intro” to the end',
        intent: { action: 'move', targetClipIds: ['intro'], params: { destination: { to: 'end' } } },
        operations: [move('intro', 0, 6)],
      },
    },
    {
      instruction: 'move the outro to the third position',
      reply: 'Moved “Outro” to position 3: position 6 → 3.',
      edit: {
        description: 'Moved “Outro” to position 3',
        intent: { action: 'move', targetClipIds: ['outro'], params: { destination: { to: 'position', position: 3 } } },
        operations: [move('outro', 5, 2)],
      },
    },
    {
      instruction: 'turn down the music to 20%',
      reply: 'Set the volume of “Background music” to 20% (was 100%).',
      edit: {
        description: 'Set the volume of “Background music” to 20%',
        intent: { action: 'setVolume', amount: 20, targetClipIds: ['music'] },
        operations: [update('music', { volume: 100 }, { volume: 20 })],
      },
    },
    {
      instruction: 'make the music 50%',
      reply: 'Set the volume of “Background music” to 50% (was 100%).',
      edit: {
        description: 'Set the volume of “Background music” to 50%',
        intent: { action: 'setVolume', amount: 50, targetClipIds: ['music'] },
        operations: [update('music', { volume: 100 }, { volume: 50 })],
      },
    },
    {
      instruction: 'change the name of the intro to "Hello"',
      reply: 'Renamed “Intro” to “Hello”.',
      edit: {
        description: 'Renamed “Intro” to “Hello”',
        intent: { action: 'rename', text: 'Hello', targetClipIds: ['intro'] },
        operations: [update('intro', { name: 'Intro' }, { name: 'Hello' })],
      },
    },
    {
      instruction: "set the outro's name to Goodbye",
      reply: 'Renamed “Outro” to “Goodbye”.',
      edit: {
        description: 'Renamed “Outro” to “Goodbye”',
        intent: { action: 'rename', text: 'Goodbye', targetClipIds: ['outro'] },
        operations: [update('outro', { name: 'Outro' }, { name: 'Goodbye' })],
      },
    },
    {
      instruction: 'cut the interview by 5 seconds',
      reply: 'Made “Interview” 5.0 s shorter: 20.0 s → 15.0 s.',
      edit: {
        description: 'Made “Interview” 5.0 s shorter',
        intent: { action: 'shorten', amount: 5000, targetClipIds: ['interview'] },
        operations: [update('interview', { durationMs: 20000 }, { durationMs: 15000 })],
      },
    },
    {
      instruction: 'cut down the interview',
      reply: 'Made “Interview” 2.0 s shorter: 20.0 s → 18.0 s.',
      edit: {
        description: 'Made “Interview” 2.0 s shorter',
        intent: { action: 'shorten', amount: 2000, targetClipIds: ['interview'] },
        operations: [update('interview', { durationMs: 20000 }, { durationMs: 18000 })],
      },
    },
    { instruction: 'change the length of the outro to 6 seconds', reply: 'Set “Outro” to 6.0 s: 5.0 s → 6.0 s.', edit: setOutroToSix },
    { instruction: "set the outro's duration to 6 s", reply: 'Set “Outro” to 6.0 s: 5.0 s → 6.0 s.', edit: setOutroToSix },
    { instruction: 'make the outro last 6 seconds', reply: 'Set “Outro” to 6.0 s: 5.0 s → 6.0 s.', edit: setOutroToSix },
    {
      instruction: 'set the fade out of the outro to 2 seconds',
      reply: 'Added a 2.0 s fade-out to “Outro”.',
      edit: {
        description: 'Added a 2.0 s fade-out to “Outro”',
        intent: { action: 'fadeOut', amount: 2000, targetClipIds: ['outro'] },
        operations: [update('outro', { fadeOutMs: 0 }, { fadeOutMs: 2000 })],
      },
    },
    {
      instruction: "set the intro's fade in to 0.5 s",
      reply: 'Added a 0.5 s fade-in to “Intro”.',
      edit: {
        description: 'Added a 0.5 s fade-in to “Intro”',
        intent: { action: 'fadeIn', amount: 500, targetClipIds: ['intro'] },
        operations: [update('intro', { fadeInMs: 0 }, { fadeInMs: 500 })],
      },
    },
    {
      instruction: 'make the interview faster',
      reply: 'Sped up “Interview” to 2x: 20.0 s → 10.0 s.',
      edit: {
        description: 'Sped up “Interview” to 2x',
        intent: { action: 'speedUp', amount: 2, targetClipIds: ['interview'] },
        operations: [update('interview', { durationMs: 20000, speed: 1 }, { durationMs: 10000, speed: 2 })],
      },
    },
    {
      instruction: 'make the interview 2x slower',
      reply: 'Slowed down “Interview” to 0.5x: 20.0 s → 40.0 s.',
      edit: {
        description: 'Slowed down “Interview” to 0.5x',
        intent: { action: 'slowDown', amount: 0.5, targetClipIds: ['interview'] },
        operations: [update('interview', { durationMs: 20000, speed: 1 }, { durationMs: 40000, speed: 0.5 })],
      },
    },
    {
      instruction: 'set the speed of the beach scene to half',
      reply: 'Set “Beach scene” to 0.5x speed: 12.0 s → 24.0 s.',
      edit: {
        description: 'Set “Beach scene” to 0.5x speed',
        intent: { action: 'setSpeed', amount: 0.5, targetClipIds: ['beach'] },
        operations: [update('beach', { durationMs: 12000, speed: 1 }, { durationMs: 24000, speed: 0.5 })],
      },
    },
    {
      instruction: "set the title card's playback speed to 2x",
      reply: 'Set “Title card” to 2x speed: 3.0 s → 1.5 s.',
      edit: {
        description: 'Set “Title card” to 2x speed',
        intent: { action: 'setSpeed', amount: 2, targetClipIds: ['title'] },
        operations: [update('title', { durationMs: 3000, speed: 1 }, { durationMs: 1500, speed: 2 })],
      },
    },
    {
      instruction: 'set the interview to 2x',
      reply: 'Set “Interview” to 2x speed: 20.0 s → 10.0 s.',
      edit: {
        description: 'Set “Interview” to 2x speed',
        intent: { action: 'setSpeed', amount: 2, targetClipIds: ['interview'] },
        operations: [update('interview', { durationMs: 20000, speed: 1 }, { durationMs: 10000, speed: 2 })],
      },
    },
    {
      instruction: 'reset the speed of the intro',
      given: ['speed up the intro'],
      reply: 'Set “Intro” to 1x speed: 2.0 s → 4.0 s.',
      edit: {
        description: 'Set “Intro” to 1x speed',
        intent: { action: 'setSpeed', amount: 1, targetClipIds: ['intro'] },
        operations: [update('intro', { durationMs: 2000, speed: 2 }, { durationMs: 4000, speed: 1 })],
      },
    },
    {
      instruction: 'scratch that',
      given: ['make the outro a bit longer'],
      reply: 'Undid: made “Outro” 2.0 s longer. “Outro” is back to 5.0 s.',
      actions: [{ type: 'revert', editId: 'edit-1' }],
    },
    {
      instruction: 'take that back',
      given: ['make the outro a bit longer'],
      reply: 'Undid: made “Outro” 2.0 s longer. “Outro” is back to 5.0 s.',
      actions: [{ type: 'revert', editId: 'edit-1' }],
    },
  ]);
});

describe('instructions it cannot map', () => {
  run([
    { instruction: 'what is the meaning of life', reply: DID_NOT_UNDERSTAND },
    { instruction: 'make it pop', reply: DID_NOT_UNDERSTAND },
    { instruction: 'add some explosions', reply: DID_NOT_UNDERSTAND },
    { instruction: '', reply: `Tell me what to change. ${CAPABILITIES}` },
    { instruction: 'thanks!', reply: "You're welcome!" },
    { instruction: 'help', reply: CAPABILITIES },
  ]);
});

test('the reply to an unknown instruction lists what the interpreter can do', () => {
  for (const verb of [
    'lengthen',
    'shorten',
    'move',
    'swap',
    'delete',
    'duplicate',
    'split',
    'rename',
    'fade',
    'speed',
    'volume',
    'mute',
    'title',
    'intro',
    'outro',
    'undo',
    'redo',
  ]) {
    expect(DID_NOT_UNDERSTAND).toContain(verb);
  }
});

test('references and fixtures stay in sync', () => {
  expect(FIXTURE.map((entry) => entry.id)).toEqual([INTRO, BEACH, CITY, INTERVIEW, TITLE_CARD, OUTRO, MUSIC].map((entry) => entry.id));
});
