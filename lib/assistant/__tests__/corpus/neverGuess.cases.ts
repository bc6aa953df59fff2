import { DID_NOT_UNDERSTAND } from '../../replies';
import type { CorpusCase, CorpusFamily } from './corpus';

/**
 * Zero wrong edits: when two readings remain the reply asks, naming them; when something is
 * outside what the assistant does, it says so and lists what it can do. Nothing changes.
 */
const TWO_READINGS: CorpusCase[] = [
  {
    on: 'lookalikes',
    say: 'mute the tran ride',
    reply: 'Which clip do you mean? “tran ride” is close to 2 clips: “Tram ride”, “Train ride”.',
  },
  {
    on: 'lookalikes',
    say: 'shortne the tran ride',
    reply: 'Which clip do you mean? “tran ride” is close to 2 clips: “Tram ride”, “Train ride”.',
  },
  {
    on: 'lookalikes',
    say: 'mute the harbur',
    reply: 'Which clip do you mean? “harbur” is close to 2 clips: “Harbour”, “Harbor”.',
  },
  {
    on: 'lookalikes',
    say: 'make the intro as long as the tran ride',
    reply: 'Which clip do you mean? “tran ride” is close to 2 clips: “Tram ride”, “Train ride”.',
  },
  {
    on: 'fixture',
    say: 'trim the scnee',
    reply: 'Which clip do you mean? “scnee” is close to 3 clips: “Beach scene”, “City scene”, “Interview”.',
  },
  {
    on: 'fixture',
    say: 'make the intro as long as the scene',
    reply: 'Which clip do you mean? There are 3 scene clips: “Beach scene”, “City scene”, “Interview”.',
  },
  {
    on: 'fixture',
    say: 'make the intro as long as the beach scene and the city scene',
    reply: 'As long as “Beach scene” and “City scene” put together (21.0 s)? Say “put together” to confirm, or name just one clip.',
  },
  {
    on: 'travel',
    say: 'make the intro as long as the tarm ride and the beach scene',
    reply: 'As long as “Beach scene” and “Tram ride” put together (22.0 s)? Say “put together” to confirm, or name just one clip.',
  },
  {
    on: 'fixture',
    say: 'make the intro as long as both scenes',
    reply: 'You said both, but 3 clips match: “Beach scene”, “City scene”, “Interview”. Which ones do you mean?',
  },
  {
    on: 'fixture',
    say: 'make the intro the same as the outro',
    reply: 'The same length, speed or volume as the outro? For example: “make the intro as long as the outro”.',
  },
  {
    on: 'fixture',
    say: 'match the intro to the outro',
    reply: 'Match the length, speed or volume of the outro? For example: “make the intro as long as the outro”.',
  },
  {
    on: 'starter',
    say: 'make the intro the same length',
    reply: 'As long as which clip? For example: “make the intro as long as the outro”.',
  },
  {
    on: 'fixture',
    say: 'make the outro half',
    reply: 'As long, or as fast? For example: “make the outro half as long” or “make the outro half as fast”.',
  },
  {
    on: 'fixture',
    say: 'make the intro double',
    reply: 'As long, or as fast? For example: “make the intro twice as long” or “make the intro twice as fast”.',
  },
  {
    on: 'starter',
    say: 'make the main scene a third',
    reply: 'As long, or as fast? For example: “make the main scene a third as long” or “make the main scene a third as fast”.',
  },
  {
    on: 'fixture',
    say: 'make the intro longer than the outro',
    reply: 'How much longer than the outro? For example: “make the intro 2 seconds longer than the outro”.',
  },
  {
    on: 'starter',
    say: 'make the intro 2',
    reply: '2 seconds long, or 2x the speed? For example: “make the intro 2 seconds long” or “make the intro 2x faster”.',
  },
  {
    on: 'starter',
    say: 'set the outro to 3.5',
    reply: '3.5 seconds long, or 3.5x the speed? For example: “make the outro 3.5 seconds long” or “make the outro 3.5x faster”.',
  },
  {
    on: 'fixture',
    say: 'make the title card as long as it was',
    reply: 'To give the title card back its earlier length, say “undo” (the last change) or “restore the title card” (its last change).',
  },
];

const NOTHING_TO_MEASURE_BY: CorpusCase[] = [
  {
    on: 'fixture',
    say: 'make the intro longer by the same amount',
    reply: "There's no earlier change in this session to take the amount from. Say how much, e.g. “by 2 seconds” or “10% longer”.",
  },
  {
    on: 'starter',
    say: 'shorten the outro in the same proportion',
    reply: "There's no earlier change in this session to take the amount from. Say how much, e.g. “by 2 seconds” or “10% longer”.",
  },
  {
    on: 'fixture',
    given: ['mute the outro'],
    say: 'make the intro longer by the same amount',
    reply: "The last change (muted “Outro”) didn't change a length, so there is no amount to repeat. Say how much, e.g. “by 2 seconds”.",
  },
  {
    on: 'fixture',
    given: ['make the outro 2 seconds longer'],
    say: 'speed up the intro by the same amount',
    reply: "The last change (made “Outro” 2.0 s longer) didn't change a speed, so there is no amount to repeat. Say how much, e.g. “2x faster”.",
  },
  {
    on: 'fixture',
    given: ['speed up the intro'],
    say: 'make the outro shorter by the same amount',
    reply: "The last change (sped up “Intro” to 2x) didn't change a length, so there is no amount to repeat. Say how much, e.g. “by 2 seconds”.",
  },
  {
    on: 'fixture',
    given: ['make the intro and the outro 2 seconds longer'],
    say: 'make the city scene longer in the same proportion',
    reply: "The last change (made “Intro” and “Outro” 2.0 s longer) didn't change its clips in one proportion. Say a share instead, e.g. “10% longer”.",
  },
  {
    on: 'fixture',
    given: ['delete the intro'],
    say: 'mute the intro',
    reply: "I couldn't find a clip matching “intro”. The clips are: “Beach scene”, “City scene”, “Interview”, “Title card”, “Outro”, “Background music”.",
  },
  {
    on: 'starter',
    given: ['delete the outro'],
    say: 'fade out the outro',
    reply: "I couldn't find a clip matching “outro”. The clips are: “Intro”, “Opening shot”, “Main scene”.",
  },
];

const OUTSIDE_WHAT_IT_DOES: CorpusCase[] = [
  { on: 'fixture', say: 'crop the beach scene', reply: DID_NOT_UNDERSTAND },
  { on: 'fixture', say: 'loop the intro', reply: DID_NOT_UNDERSTAND },
  { on: 'fixture', say: 'add a transition between the intro and the beach scene', reply: DID_NOT_UNDERSTAND },
  { on: 'fixture', say: 'color grade the city scene', reply: DID_NOT_UNDERSTAND },
  { on: 'fixture', say: 'blur the interview', reply: DID_NOT_UNDERSTAND },
  { on: 'fixture', say: 'zoom into the beach scene', reply: DID_NOT_UNDERSTAND },
  { on: 'fixture', say: 'export the video', reply: DID_NOT_UNDERSTAND },
  { on: 'fixture', say: 'rotate the title card', reply: DID_NOT_UNDERSTAND },
  { on: 'fixture', say: 'add subtitles to the interview', reply: DID_NOT_UNDERSTAND },
  { on: 'starter', say: 'stabilize the opening shot', reply: DID_NOT_UNDERSTAND },
  {
    on: 'starter',
    say: 'flip the main scene',
    reply: 'Swapping needs exactly two different clips, e.g. “swap the intro and the outro”.',
  },
  { on: 'starter', say: 'brighten the main scene', reply: DID_NOT_UNDERSTAND },
  // Three letters or fewer are matched exactly: "otu" is no word the assistant knows.
  { on: 'fixture', say: 'fade otu the outro', reply: DID_NOT_UNDERSTAND },
  { on: 'fixture', say: 'please could you blah the frobnicator', reply: DID_NOT_UNDERSTAND },
];

export const NEVER_GUESS: CorpusFamily[] = [
  { family: 'never guess: two readings are asked about', cases: TWO_READINGS },
  { family: 'never guess: nothing to measure by', cases: NOTHING_TO_MEASURE_BY },
  { family: 'never guess: outside what the assistant does', cases: OUTSIDE_WHAT_IT_DOES },
];
