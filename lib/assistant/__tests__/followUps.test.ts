import type { Timeline } from '../types';
import { clip, FIXTURE, LISBON, Project } from './fixtures';
import { replyMismatch } from './replyClips';

/**
 * The interpreter's table of how people follow up, one family per key (issue #15). Each row:
 * what was said before in the same session, what is said now, the reply, and which actions
 * it takes ("apply", "revert+apply" for a correction, "revert" for an undo; none for questions).
 * Rows run on the standard fixture unless `on` names another project.
 */
interface Row {
  on?: 'small' | 'lisbon' | 'empty';
  given?: string[];
  say: string;
  reply: string;
  does?: string;
}

/** Two scenes, so "both scenes" is unambiguous. */
const SMALL: Timeline = [
  clip('intro', 'Intro', 'intro', 4),
  clip('beach', 'Beach scene', 'scene', 12),
  clip('city', 'City scene', 'scene', 9),
  clip('outro', 'Outro', 'outro', 5),
];

const PROJECTS: Record<NonNullable<Row['on']> | 'fixture', Timeline> = {
  fixture: FIXTURE,
  small: SMALL,
  lisbon: LISBON,
  empty: [],
};

const TABLE: Record<string, Row[]> = {
  groups: [
    {
      on: 'small',
      say: 'lengthen both scenes',
      reply: 'Made “Beach scene” and “City scene” 2.0 s longer: “Beach scene” 12.0 s → 14.0 s, “City scene” 9.0 s → 11.0 s.',
      does: 'apply',
    },
    {
      on: 'small',
      say: 'make both scenes 1 second shorter',
      reply: 'Made “Beach scene” and “City scene” 1.0 s shorter: “Beach scene” 12.0 s → 11.0 s, “City scene” 9.0 s → 8.0 s.',
      does: 'apply',
    },
    {
      on: 'small',
      say: 'fade in both scene clips',
      reply: 'Added a 1.0 s fade-in to “Beach scene” and “City scene”.',
      does: 'apply',
    },
    { on: 'small', say: 'delete both scenes', reply: 'Deleted “Beach scene” and “City scene”.', does: 'apply' },
    {
      on: 'small',
      say: 'set both scenes to 9 seconds',
      reply: 'Set “Beach scene” to 9.0 s: 12.0 s → 9.0 s.',
      does: 'apply',
    },
    { on: 'small', say: 'mute both of the scenes', reply: 'Muted “Beach scene” and “City scene”.', does: 'apply' },
    {
      say: 'lengthen both scenes',
      reply: 'You said both, but 3 clips match: “Beach scene”, “City scene”, “Interview”. Which ones do you mean?',
    },
    {
      on: 'lisbon',
      say: 'lengthen both scenes',
      reply: 'You said both, but 4 clips match: “Arrival at the airport”, “Beach scene”, “Tram ride”, “Sunset timelapse”. Which ones do you mean?',
    },
    {
      say: 'make all the scenes a bit shorter',
      reply:
        'Made “Beach scene”, “City scene” and “Interview” 2.0 s shorter: “Beach scene” 12.0 s → 10.0 s, “City scene” 9.0 s → 7.0 s, “Interview” 20.0 s → 18.0 s.',
      does: 'apply',
    },
    {
      say: 'shorten every scene by 1 second',
      reply:
        'Made “Beach scene”, “City scene” and “Interview” 1.0 s shorter: “Beach scene” 12.0 s → 11.0 s, “City scene” 9.0 s → 8.0 s, “Interview” 20.0 s → 19.0 s.',
      does: 'apply',
    },
    { say: 'mute all the scenes', reply: 'Muted “Beach scene”, “City scene” and “Interview”.', does: 'apply' },
    { say: 'fade out every title card', reply: 'Added a 1.0 s fade-out to “Title card”.', does: 'apply' },
    {
      say: 'trim each scene by half a second',
      reply:
        'Made “Beach scene”, “City scene” and “Interview” 0.5 s shorter: “Beach scene” 12.0 s → 11.5 s, “City scene” 9.0 s → 8.5 s, “Interview” 20.0 s → 19.5 s.',
      does: 'apply',
    },
    {
      say: 'slow down all the scenes',
      reply:
        'Slowed down “Beach scene”, “City scene” and “Interview” to 0.5x: “Beach scene” 12.0 s → 24.0 s, “City scene” 9.0 s → 18.0 s, “Interview” 20.0 s → 40.0 s.',
      does: 'apply',
    },
    {
      on: 'lisbon',
      say: 'shorten all the scenes',
      reply:
        'Made “Arrival at the airport”, “Beach scene”, “Tram ride” and “Sunset timelapse” 2.0 s shorter: “Arrival at the airport” 9.0 s → 7.0 s, “Beach scene” 12.0 s → 10.0 s, “Tram ride” 10.0 s → 8.0 s, “Sunset timelapse” 14.0 s → 12.0 s.',
      does: 'apply',
    },
    {
      on: 'lisbon',
      say: 'speed up every scene',
      reply:
        'Sped up “Arrival at the airport”, “Beach scene”, “Tram ride” and “Sunset timelapse” to 2x: “Arrival at the airport” 9.0 s → 4.5 s, “Beach scene” 12.0 s → 6.0 s, “Tram ride” 10.0 s → 5.0 s, “Sunset timelapse” 14.0 s → 7.0 s.',
      does: 'apply',
    },
    {
      say: 'shorten the first two clips',
      reply: 'Made “Intro” and “Beach scene” 2.0 s shorter: “Intro” 4.0 s → 2.0 s, “Beach scene” 12.0 s → 10.0 s.',
      does: 'apply',
    },
    {
      say: 'fade in the first three clips',
      reply: 'Added a 1.0 s fade-in to “Intro”, “Beach scene” and “City scene”.',
      does: 'apply',
    },
    { say: 'mute the last two clips', reply: 'Muted “Outro” and “Background music”.', does: 'apply' },
    {
      say: 'trim the last three',
      reply:
        'Made “Title card”, “Outro” and “Background music” 2.0 s shorter: “Title card” 3.0 s → 1.0 s, “Outro” 5.0 s → 3.0 s, “Background music” 60.0 s → 58.0 s.',
      does: 'apply',
    },
    {
      say: 'lengthen the first 2 scenes by 1 second',
      reply: 'Made “Beach scene” and “City scene” 1.0 s longer: “Beach scene” 12.0 s → 13.0 s, “City scene” 9.0 s → 10.0 s.',
      does: 'apply',
    },
    { say: 'delete the last two scenes', reply: 'Deleted “City scene” and “Interview”.', does: 'apply' },
    {
      say: 'duplicate the first two clips',
      reply: 'Duplicated “Intro” and “Beach scene” as “Intro (copy)” and “Beach scene (copy)”, each right after its original.',
      does: 'apply',
    },
    {
      say: 'mute everything except the intro',
      reply: 'Muted “Beach scene”, “City scene”, “Interview”, “Title card”, “Outro” and “Background music”.',
      does: 'apply',
    },
    {
      say: 'fade out all clips except the music',
      reply: 'Added a 1.0 s fade-out to “Intro”, “Beach scene”, “City scene”, “Interview”, “Title card” and “Outro”.',
      does: 'apply',
    },
    {
      say: 'shorten all the scenes but the interview',
      reply: 'Made “Beach scene” and “City scene” 2.0 s shorter: “Beach scene” 12.0 s → 10.0 s, “City scene” 9.0 s → 7.0 s.',
      does: 'apply',
    },
    {
      say: 'mute every clip other than the outro',
      reply: 'Muted “Intro”, “Beach scene”, “City scene”, “Interview”, “Title card” and “Background music”.',
      does: 'apply',
    },
    {
      say: 'lengthen everything apart from the title card by 1s',
      reply:
        'Made “Intro”, “Beach scene”, “City scene”, “Interview”, “Outro” and “Background music” 1.0 s longer: “Intro” 4.0 s → 5.0 s, “Beach scene” 12.0 s → 13.0 s, “City scene” 9.0 s → 10.0 s, “Interview” 20.0 s → 21.0 s, “Outro” 5.0 s → 6.0 s, “Background music” 60.0 s → 61.0 s.',
      does: 'apply',
    },
    {
      say: 'shorten the clips after the title',
      reply: 'Made “Outro” and “Background music” 2.0 s shorter: “Outro” 5.0 s → 3.0 s, “Background music” 60.0 s → 58.0 s.',
      does: 'apply',
    },
    {
      say: 'mute everything after the interview',
      reply: 'Muted “Title card”, “Outro” and “Background music”.',
      does: 'apply',
    },
    {
      say: 'fade out the clips before the title card',
      reply: 'Added a 1.0 s fade-out to “Intro”, “Beach scene”, “City scene” and “Interview”.',
      does: 'apply',
    },
    {
      say: 'shorten all the scenes after the intro',
      reply:
        'Made “Beach scene”, “City scene” and “Interview” 2.0 s shorter: “Beach scene” 12.0 s → 10.0 s, “City scene” 9.0 s → 7.0 s, “Interview” 20.0 s → 18.0 s.',
      does: 'apply',
    },
    {
      say: 'trim the scenes after the beach scene by 1 second',
      reply: 'Made “City scene” and “Interview” 1.0 s shorter: “City scene” 9.0 s → 8.0 s, “Interview” 20.0 s → 19.0 s.',
      does: 'apply',
    },
    {
      say: 'make the intro and the outro 1 second longer',
      reply: 'Made “Intro” and “Outro” 1.0 s longer: “Intro” 4.0 s → 5.0 s, “Outro” 5.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      say: 'lengthen both the intro and the outro',
      reply: 'Made “Intro” and “Outro” 2.0 s longer: “Intro” 4.0 s → 6.0 s, “Outro” 5.0 s → 7.0 s.',
      does: 'apply',
    },
    {
      say: 'set all the scenes to 8 seconds',
      reply: 'Set “Beach scene”, “City scene” and “Interview” to 8.0 s: “Beach scene” 12.0 s → 8.0 s, “City scene” 9.0 s → 8.0 s, “Interview” 20.0 s → 8.0 s.',
      does: 'apply',
    },
    {
      say: 'mute the music and all the scenes',
      reply: 'Muted “Beach scene”, “City scene”, “Interview” and “Background music”.',
      does: 'apply',
    },
    {
      on: 'lisbon',
      say: 'fade in all the scenes after the title card',
      reply: 'Added a 1.0 s fade-in to “Sunset timelapse”.',
      does: 'apply',
    },
    {
      on: 'lisbon',
      say: 'shorten every scene except the tram ride by 1 second',
      reply:
        'Made “Arrival at the airport”, “Beach scene” and “Sunset timelapse” 1.0 s shorter: “Arrival at the airport” 9.0 s → 8.0 s, “Beach scene” 12.0 s → 11.0 s, “Sunset timelapse” 14.0 s → 13.0 s.',
      does: 'apply',
    },
    {
      given: ['lengthen all the scenes'],
      say: 'undo',
      reply:
        'Undid: made “Beach scene”, “City scene” and “Interview” 2.0 s longer. “Beach scene” is back to 12.0 s. “City scene” is back to 9.0 s. “Interview” is back to 20.0 s.',
      does: 'revert',
    },
    {
      given: ['mute everything except the intro'],
      say: 'undo',
      reply: 'Undid: muted “Beach scene”, “City scene”, “Interview”, “Title card”, “Outro” and “Background music”.',
      does: 'revert',
    },
    {
      say: 'speed up everything except the music',
      reply:
        'Sped up “Intro”, “Beach scene”, “City scene”, “Interview”, “Title card” and “Outro” to 2x: “Intro” 4.0 s → 2.0 s, “Beach scene” 12.0 s → 6.0 s, “City scene” 9.0 s → 4.5 s, “Interview” 20.0 s → 10.0 s, “Title card” 3.0 s → 1.5 s, “Outro” 5.0 s → 2.5 s.',
      does: 'apply',
    },
    {
      say: 'mute all the scenes except the beach scene and the city scene',
      reply: 'Muted “Interview”.',
      does: 'apply',
    },
    { say: 'mute everything except everything', reply: 'That leaves no clip to change.' },
    { say: 'shorten the clips after the music', reply: 'There is no clip after “Background music”.' },
    {
      say: 'mute the intro, the outro and the music',
      reply: 'Muted “Intro”, “Outro” and “Background music”.',
      does: 'apply',
    },
    {
      say: 'fade in the intro, the title card and the outro',
      reply: 'Added a 1.0 s fade-in to “Intro”, “Title card” and “Outro”.',
      does: 'apply',
    },
    {
      say: 'shorten every clip except the music and the interview by 1 second',
      reply:
        'Made “Intro”, “Beach scene”, “City scene”, “Title card” and “Outro” 1.0 s shorter: “Intro” 4.0 s → 3.0 s, “Beach scene” 12.0 s → 11.0 s, “City scene” 9.0 s → 8.0 s, “Title card” 3.0 s → 2.0 s, “Outro” 5.0 s → 4.0 s.',
      does: 'apply',
    },
    { say: 'delete everything after the title card', reply: 'Deleted “Outro” and “Background music”.', does: 'apply' },
    {
      say: 'lengthen each of the first two scenes by 1 second',
      reply: 'Made “Beach scene” and “City scene” 1.0 s longer: “Beach scene” 12.0 s → 13.0 s, “City scene” 9.0 s → 10.0 s.',
      does: 'apply',
    },
    {
      on: 'lisbon',
      say: 'mute all the scenes before the title card',
      reply: 'Muted “Arrival at the airport”, “Beach scene” and “Tram ride”.',
      does: 'apply',
    },
    {
      say: 'can you trim all three scenes?',
      reply:
        'Made “Beach scene”, “City scene” and “Interview” 2.0 s shorter: “Beach scene” 12.0 s → 10.0 s, “City scene” 9.0 s → 7.0 s, “Interview” 20.0 s → 18.0 s.',
      does: 'apply',
    },
    {
      say: 'shorten every single scene by a second',
      reply:
        'Made “Beach scene”, “City scene” and “Interview” 1.0 s shorter: “Beach scene” 12.0 s → 11.0 s, “City scene” 9.0 s → 8.0 s, “Interview” 20.0 s → 19.0 s.',
      does: 'apply',
    },
    {
      say: 'cut the first 2 clips down by half a second each',
      reply: 'Made “Intro” and “Beach scene” 0.5 s shorter: “Intro” 4.0 s → 3.5 s, “Beach scene” 12.0 s → 11.5 s.',
      does: 'apply',
    },
    {
      say: 'trim all 4 clips',
      reply:
        'You said 4, but 7 clips match: “Intro”, “Beach scene”, “City scene”, “Interview”, “Title card”, “Outro”, “Background music”. Which ones do you mean?',
    },
    { on: 'small', say: 'mute the two scenes', reply: 'Muted “Beach scene” and “City scene”.', does: 'apply' },
    {
      say: 'lengthen scenes 2 and 3',
      reply: 'Made “City scene” and “Interview” 2.0 s longer: “City scene” 9.0 s → 11.0 s, “Interview” 20.0 s → 22.0 s.',
      does: 'apply',
    },
    { say: 'mute clips 1 and 2', reply: 'Muted “Intro” and “Beach scene”.', does: 'apply' },
    { say: 'mute clips 2 to 4', reply: 'Muted “Beach scene”, “City scene” and “Interview”.', does: 'apply' },
    {
      say: 'fade out the last clip and the one before it',
      reply: 'Added a 1.0 s fade-out to “Outro” and “Background music”.',
      does: 'apply',
    },
    {
      say: 'give both the intro and outro a fade',
      reply: 'Fade in or fade out? For example: “fade in the intro” or “fade out the outro over 2 seconds”.',
    },
    {
      on: 'lisbon',
      say: 'shorten the scene before the title card',
      reply: 'Made “Tram ride” 2.0 s shorter: 10.0 s → 8.0 s.',
      does: 'apply',
    },
    {
      on: 'lisbon',
      say: 'lengthen the scene after the intro',
      reply: 'Made “Arrival at the airport” 2.0 s longer: 9.0 s → 11.0 s.',
      does: 'apply',
    },
  ],
  additive: [
    {
      given: ['make the outro a bit longer'],
      say: 'and the intro too',
      reply: 'Made “Intro” 2.0 s longer: 4.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'the intro too',
      reply: 'Made “Intro” 2.0 s longer: 4.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'the intro as well',
      reply: 'Made “Intro” 2.0 s longer: 4.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'also the beach scene',
      reply: 'Made “Beach scene” 2.0 s longer: 12.0 s → 14.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'same for clip 4',
      reply: 'Made “Interview” 2.0 s longer: 20.0 s → 22.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'same for the city scene',
      reply: 'Made “City scene” 2.0 s longer: 9.0 s → 11.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'and the title card',
      reply: 'Made “Title card” 2.0 s longer: 3.0 s → 5.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'what about the interview?',
      reply: 'Made “Interview” 2.0 s longer: 20.0 s → 22.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'do the intro too',
      reply: 'Made “Intro” 2.0 s longer: 4.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'same goes for the intro',
      reply: 'Made “Intro” 2.0 s longer: 4.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'and the second clip as well',
      reply: 'Made “Beach scene” 2.0 s longer: 12.0 s → 14.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'plus the city scene',
      reply: 'Made “City scene” 2.0 s longer: 9.0 s → 11.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'the beach scene too please',
      reply: 'Made “Beach scene” 2.0 s longer: 12.0 s → 14.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'and both scenes',
      reply: 'You said both, but 3 clips match: “Beach scene”, “City scene”, “Interview”. Which ones do you mean?',
    },
    {
      on: 'small',
      given: ['make the outro a bit longer'],
      say: 'and both scenes too',
      reply: 'Made “Beach scene” and “City scene” 2.0 s longer: “Beach scene” 12.0 s → 14.0 s, “City scene” 9.0 s → 11.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'ditto for the interview',
      reply: 'Made “Interview” 2.0 s longer: 20.0 s → 22.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'same with the first two clips',
      reply: 'Made “Intro” and “Beach scene” 2.0 s longer: “Intro” 4.0 s → 6.0 s, “Beach scene” 12.0 s → 14.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'and everything before the title card too',
      reply:
        'Made “Intro”, “Beach scene”, “City scene” and “Interview” 2.0 s longer: “Intro” 4.0 s → 6.0 s, “Beach scene” 12.0 s → 14.0 s, “City scene” 9.0 s → 11.0 s, “Interview” 20.0 s → 22.0 s.',
      does: 'apply',
    },
    {
      given: ['fade out the outro'],
      say: 'and the intro too',
      reply: 'Added a 1.0 s fade-out to “Intro”.',
      does: 'apply',
    },
    {
      given: ['fade out the outro'],
      say: 'the title card as well',
      reply: 'Added a 1.0 s fade-out to “Title card”.',
      does: 'apply',
    },
    {
      given: ['fade out the outro'],
      say: 'every scene too',
      reply: 'Added a 1.0 s fade-out to “Beach scene”, “City scene” and “Interview”.',
      does: 'apply',
    },
    { given: ['mute the music'], say: 'the interview too', reply: 'Muted “Interview”.', does: 'apply' },
    {
      given: ['speed up the city scene'],
      say: 'the beach scene as well',
      reply: 'Sped up “Beach scene” to 2x: 12.0 s → 6.0 s.',
      does: 'apply',
    },
    { given: ['delete the outro'], say: 'and the intro too', reply: 'Deleted “Intro”.', does: 'apply' },
    {
      given: ['move the intro to the end'],
      say: 'the beach scene too',
      reply: 'Moved “Beach scene” to the end: position 1 → 7.',
      does: 'apply',
    },
    {
      given: ['set the volume of the music to 50%'],
      say: 'the interview too',
      reply: 'Set the volume of “Interview” to 50% (was 100%).',
      does: 'apply',
    },
    { say: 'the intro too', reply: "There's nothing in this session to repeat yet." },
    {
      given: ['make the outro a bit longer'],
      say: 'the dragon too',
      reply:
        "I couldn't find a clip matching “dragon”. The clips are: “Intro”, “Beach scene”, “City scene”, “Interview”, “Title card”, “Outro”, “Background music”.",
    },
    {
      given: ['make the outro a bit longer'],
      say: 'the intro',
      reply: 'What should I do with “Intro”? For example “make it a bit longer”, or add “too” to repeat the last change on it.',
    },
    { given: ['fade out the outro'], say: 'the outro too', reply: '“Outro” already has a 1.0 s fade-out.' },
    {
      given: ['trim the intro by 1 second', 'undo'],
      say: 'the outro too',
      reply: 'Made “Outro” 1.0 s shorter: 5.0 s → 4.0 s.',
      does: 'apply',
    },
    {
      on: 'lisbon',
      given: ['mute the tram ride'],
      say: 'and the beach scene too',
      reply: 'Muted “Beach scene”.',
      does: 'apply',
    },
    {
      on: 'lisbon',
      given: ['fade in the intro'],
      say: 'also the arrival at the airport',
      reply: 'Added a 1.0 s fade-in to “Arrival at the airport”.',
      does: 'apply',
    },
    {
      given: ['shorten the intro and fade out the outro'],
      say: 'the beach scene too',
      reply: "I can't repeat that change (made “Intro” 2.0 s shorter; added a 1.0 s fade-out to “Outro”) by myself.",
    },
    {
      given: ['make the outro a bit longer'],
      say: 'same for the intro, please',
      reply: 'Made “Intro” 2.0 s longer: 4.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['trim the intro by 1 second'],
      say: 'and the last two clips too',
      reply: 'Made “Outro” and “Background music” 1.0 s shorter: “Outro” 5.0 s → 4.0 s, “Background music” 60.0 s → 59.0 s.',
      does: 'apply',
    },
    { given: ['fade in the intro'], say: 'now the outro', reply: 'Added a 1.0 s fade-in to “Outro”.', does: 'apply' },
    { given: ['mute the music'], say: 'also everything after the title card', reply: 'Muted “Outro”.', does: 'apply' },
    {
      given: ['make the outro longer'],
      say: 'ok now the intro',
      reply: 'Made “Intro” 2.0 s longer: 4.0 s → 6.0 s.',
      does: 'apply',
    },
    { given: ['fade in the intro'], say: 'fade out too', reply: 'Added a 1.0 s fade-out to “Intro”.', does: 'apply' },
    { given: ['trim the intro'], say: 'mute', reply: 'Muted “Intro”.', does: 'apply' },
    {
      given: ['mute the intro'],
      say: 'the others too',
      reply: 'Muted “Beach scene”, “City scene”, “Interview”, “Title card”, “Outro” and “Background music”.',
      does: 'apply',
    },
    {
      given: ['shorten the outro'],
      say: 'same for everything else',
      reply:
        'Made “Intro”, “Beach scene”, “City scene”, “Interview”, “Title card” and “Background music” 2.0 s shorter: “Intro” 4.0 s → 2.0 s, “Beach scene” 12.0 s → 10.0 s, “City scene” 9.0 s → 7.0 s, “Interview” 20.0 s → 18.0 s, “Title card” 3.0 s → 1.0 s, “Background music” 60.0 s → 58.0 s.',
      does: 'apply',
    },
    {
      given: ['mute the beach scene'],
      say: 'and the other scenes',
      reply: 'Muted “City scene” and “Interview”.',
      does: 'apply',
    },
  ],
  again: [
    {
      given: ['make the outro a bit longer'],
      say: 'again',
      reply: 'Made “Outro” 2.0 s longer: 7.0 s → 9.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'once more',
      reply: 'Made “Outro” 2.0 s longer: 7.0 s → 9.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'one more time',
      reply: 'Made “Outro” 2.0 s longer: 7.0 s → 9.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'do it again',
      reply: 'Made “Outro” 2.0 s longer: 7.0 s → 9.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'more',
      reply: 'Made “Outro” 2.0 s longer: 7.0 s → 9.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'a bit more',
      reply: 'Made “Outro” 2.0 s longer: 7.0 s → 9.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'even more',
      reply: 'Made “Outro” 2.0 s longer: 7.0 s → 9.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'a little less',
      reply: 'Made “Outro” 1.0 s shorter: 7.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'less',
      reply: 'Made “Outro” 1.0 s shorter: 7.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'too much',
      reply: 'Made “Outro” 1.0 s shorter: 7.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: "that's too much",
      reply: 'Made “Outro” 1.0 s shorter: 7.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'tone it down',
      reply: 'Made “Outro” 1.0 s shorter: 7.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'even longer',
      reply: 'Made “Outro” 2.0 s longer: 7.0 s → 9.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'longer still',
      reply: 'Made “Outro” 2.0 s longer: 7.0 s → 9.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'shorter',
      reply: 'Made “Outro” 2.0 s shorter: 7.0 s → 5.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'even shorter',
      reply: 'Made “Outro” 2.0 s shorter: 7.0 s → 5.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'twice as long',
      reply: 'Made “Outro” twice as long: 7.0 s → 14.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'make it twice as long',
      reply: 'Made “Outro” twice as long: 7.0 s → 14.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'half as long',
      reply: 'Made “Outro” half as long: 7.0 s → 3.5 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'make it even shorter',
      reply: 'Made “Outro” 2.0 s shorter: 7.0 s → 5.0 s.',
      does: 'apply',
    },
    {
      given: ['trim the intro by 1 second'],
      say: 'even shorter',
      reply: 'Made “Intro” 1.0 s shorter: 3.0 s → 2.0 s.',
      does: 'apply',
    },
    {
      given: ['trim the intro by 1 second'],
      say: 'a little less',
      reply: 'Made “Intro” 0.5 s longer: 3.0 s → 3.5 s.',
      does: 'apply',
    },
    {
      given: ['trim the intro by 1 second'],
      say: 'again',
      reply: 'Made “Intro” 1.0 s shorter: 3.0 s → 2.0 s.',
      does: 'apply',
    },
    {
      given: ['speed up the city scene'],
      say: 'faster',
      reply: 'Sped up “City scene” to 4x: 4.5 s → 2.25 s.',
      does: 'apply',
    },
    {
      given: ['speed up the city scene'],
      say: 'even faster',
      reply: 'Sped up “City scene” to 4x: 4.5 s → 2.25 s.',
      does: 'apply',
    },
    {
      given: ['speed up the city scene'],
      say: 'more',
      reply: 'Sped up “City scene” to 4x: 4.5 s → 2.25 s.',
      does: 'apply',
    },
    {
      given: ['speed up the city scene'],
      say: 'less',
      reply: 'Slowed down “City scene” to 1.5x: 4.5 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['speed up the city scene'],
      say: 'a bit slower',
      reply: 'Slowed down “City scene” to 1x: 4.5 s → 9.0 s.',
      does: 'apply',
    },
    {
      given: ['slow down the interview'],
      say: 'even slower',
      reply: 'Slowed down “Interview” to 0.25x: 40.0 s → 80.0 s.',
      does: 'apply',
    },
    {
      given: ['slow down the interview'],
      say: 'not so much',
      reply: 'Sped up “Interview” to 0.75x: 40.0 s → 26.667 s.',
      does: 'apply',
    },
    {
      given: ['fade out the outro'],
      say: 'more',
      reply: 'Added a 2.0 s fade-out to “Outro” (replacing a 1.0 s fade-out).',
      does: 'apply',
    },
    {
      given: ['fade out the outro over 2 seconds'],
      say: 'less',
      reply: 'Added a 1.0 s fade-out to “Outro” (replacing a 2.0 s fade-out).',
      does: 'apply',
    },
    { given: ['fade out the outro'], say: 'again', reply: '“Outro” already has a 1.0 s fade-out.' },
    {
      given: ['set the volume of the music to 60%'],
      say: 'more',
      reply: 'Set the volume of “Background music” to 20% (was 60%).',
      does: 'apply',
    },
    {
      given: ['set the volume of the music to 60%'],
      say: 'less',
      reply: 'Set the volume of “Background music” to 80% (was 60%).',
      does: 'apply',
    },
    {
      given: ['mute the music'],
      say: 'more',
      reply: "I can't do more or less of the last change (muted “Background music”). Tell me what to change.",
    },
    { say: 'more', reply: "There's no change in this session to do more or less of yet. Tell me what to change." },
    { say: 'again', reply: "There's nothing in this session to repeat yet." },
    {
      given: ['make the beach scene 10 seconds'],
      say: 'more',
      reply: 'Made “Beach scene” 2.0 s shorter: 10.0 s → 8.0 s.',
      does: 'apply',
    },
    {
      given: ['make the beach scene 10 seconds'],
      say: 'a little less',
      reply: 'Made “Beach scene” 1.0 s longer: 10.0 s → 11.0 s.',
      does: 'apply',
    },
    {
      given: ['lengthen all the scenes by 1 second'],
      say: 'again',
      reply:
        'Made “Beach scene”, “City scene” and “Interview” 1.0 s longer: “Beach scene” 13.0 s → 14.0 s, “City scene” 10.0 s → 11.0 s, “Interview” 21.0 s → 22.0 s.',
      does: 'apply',
    },
    {
      given: ['lengthen all the scenes by 1 second'],
      say: 'less',
      reply:
        'Made “Beach scene”, “City scene” and “Interview” 0.5 s shorter: “Beach scene” 13.0 s → 12.5 s, “City scene” 10.0 s → 9.5 s, “Interview” 21.0 s → 20.5 s.',
      does: 'apply',
    },
    {
      given: ['shorten the beach scene by 10%'],
      say: 'again',
      reply: 'Made “Beach scene” 10% shorter: 10.8 s → 9.72 s.',
      does: 'apply',
    },
    {
      given: ['shorten the beach scene by 10%'],
      say: 'less',
      reply: 'Made “Beach scene” 5.6% longer: 10.8 s → 11.405 s.',
      does: 'apply',
    },
    { say: 'make the intro twice as long', reply: 'Made “Intro” twice as long: 4.0 s → 8.0 s.', does: 'apply' },
    {
      say: 'make the beach scene half as long',
      reply: 'Made “Beach scene” half as long: 12.0 s → 6.0 s.',
      does: 'apply',
    },
    { say: 'make the city scene twice as fast', reply: 'Sped up “City scene” to 2x: 9.0 s → 4.5 s.', does: 'apply' },
    { say: 'double the length of the intro', reply: 'Made “Intro” twice as long: 4.0 s → 8.0 s.', does: 'apply' },
    { say: 'halve the interview', reply: 'Made “Interview” half as long: 20.0 s → 10.0 s.', does: 'apply' },
    {
      given: ['make the outro a bit longer', 'undo'],
      say: 'more',
      reply: 'The last change (made “Outro” 2.0 s longer) was undone. Tell me what to change.',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'keep going',
      reply: 'Made “Outro” 2.0 s longer: 7.0 s → 9.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'dial it back',
      reply: 'Made “Outro” 1.0 s shorter: 7.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['lengthen the intro by 1 second'],
      say: 'and again',
      reply: 'Made “Intro” 1.0 s longer: 5.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['lengthen the intro by 1 second'],
      say: 'a touch more',
      reply: 'Made “Intro” 1.0 s longer: 5.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['fade in the intro'],
      say: 'a bit less',
      reply: 'Added a 0.5 s fade-in to “Intro” (replacing a 1.0 s fade-in).',
      does: 'apply',
    },
    {
      given: ['speed up the city scene'],
      say: 'ease off',
      reply: 'Slowed down “City scene” to 1.5x: 4.5 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro longer'],
      say: 'a tiny bit less',
      reply: 'Made “Outro” 1.0 s shorter: 7.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro longer'],
      say: 'bit more',
      reply: 'Made “Outro” 2.0 s longer: 7.0 s → 9.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro longer'],
      say: 'again but for the intro',
      reply: 'Made “Intro” 2.0 s longer: 4.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro longer'],
      say: 'that is too long now',
      reply: 'Made “Outro” 2.0 s shorter: 7.0 s → 5.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro longer'],
      say: 'too long, bring it back a bit',
      reply: 'Made “Outro” 2.0 s shorter: 7.0 s → 5.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro longer'],
      say: 'way too long now',
      reply: 'Made “Outro” 2.0 s shorter: 7.0 s → 5.0 s.',
      does: 'apply',
    },
    {
      on: 'lisbon',
      given: ['fade out the sunset over two seconds'],
      say: 'longer',
      reply: 'Added a 4.0 s fade-out to “Sunset timelapse” (replacing a 2.0 s fade-out).',
      does: 'apply',
    },
    {
      given: ['mute the city scene', 'unmute the city scene'],
      say: 'mute it again',
      reply: 'Muted “City scene”.',
      does: 'apply',
    },
  ],
  corrections: [
    {
      given: ['make the outro a bit longer'],
      say: 'actually make it 6 seconds',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, set “Outro” to 6.0 s: 5.0 s → 6.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'actually, make it 8 seconds long',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, set “Outro” to 8.0 s: 5.0 s → 8.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'no, I meant the second clip',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, made “Beach scene” 2.0 s longer: 12.0 s → 14.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'no, the intro',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, made “Intro” 2.0 s longer: 4.0 s → 6.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'I meant the intro',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, made “Intro” 2.0 s longer: 4.0 s → 6.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'wrong clip, the title card',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, made “Title card” 2.0 s longer: 3.0 s → 5.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro 3 seconds longer'],
      say: 'make that 1 second instead',
      reply: 'Undid: made “Outro” 3.0 s longer. Instead, made “Outro” 1.0 s longer: 5.0 s → 6.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'make that 1 second',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, made “Outro” 1.0 s longer: 5.0 s → 6.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'actually 4 seconds',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, made “Outro” 4.0 s longer: 5.0 s → 9.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: '3 seconds instead',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, made “Outro” 3.0 s longer: 5.0 s → 8.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'no, 1 second',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, made “Outro” 1.0 s longer: 5.0 s → 6.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'sorry, I meant the beach scene',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, made “Beach scene” 2.0 s longer: 12.0 s → 14.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'oops, the city scene',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, made “City scene” 2.0 s longer: 9.0 s → 11.0 s.',
      does: 'revert+apply',
    },
    { given: ['make the outro a bit longer'], say: 'no, the other one', reply: 'There is no other clip like that.' },
    {
      given: ['shorten the beach scene'],
      say: 'not that one, the other scene',
      reply: 'Which clip do you mean? There are 2 others: “City scene”, “Interview”.',
    },
    {
      on: 'small',
      given: ['shorten the beach scene'],
      say: 'not that one, the other scene',
      reply: 'Undid: made “Beach scene” 2.0 s shorter. Instead, made “City scene” 2.0 s shorter: 9.0 s → 7.0 s.',
      does: 'revert+apply',
    },
    {
      on: 'small',
      given: ['shorten the beach scene'],
      say: 'no, the other one',
      reply: 'Undid: made “Beach scene” 2.0 s shorter. Instead, made “City scene” 2.0 s shorter: 9.0 s → 7.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['fade out the outro'],
      say: 'make that 2 seconds instead',
      reply: 'Undid: added a 1.0 s fade-out to “Outro”. Instead, added a 2.0 s fade-out to “Outro”.',
      does: 'revert+apply',
    },
    {
      given: ['fade out the outro'],
      say: 'actually, fade it in instead',
      reply: 'Undid: added a 1.0 s fade-out to “Outro”. Instead, added a 1.0 s fade-in to “Outro”.',
      does: 'revert+apply',
    },
    {
      given: ['fade out the outro'],
      say: 'no, the intro',
      reply: 'Undid: added a 1.0 s fade-out to “Outro”. Instead, added a 1.0 s fade-out to “Intro”.',
      does: 'revert+apply',
    },
    {
      given: ['speed up the city scene'],
      say: 'make that 1.5x instead',
      reply: 'Undid: sped up “City scene” to 2x. Instead, sped up “City scene” to 1.5x: 9.0 s → 6.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['speed up the city scene'],
      say: 'no, the beach scene',
      reply: 'Undid: sped up “City scene” to 2x. Instead, sped up “Beach scene” to 2x: 12.0 s → 6.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['set the volume of the music to 50%'],
      say: 'actually 30%',
      reply: 'Undid: set the volume of “Background music” to 50%. Instead, set the volume of “Background music” to 30% (was 100%).',
      does: 'revert+apply',
    },
    {
      given: ['set the volume of the music to 50%'],
      say: 'make that 80% instead',
      reply: 'Undid: set the volume of “Background music” to 50%. Instead, set the volume of “Background music” to 80% (was 100%).',
      does: 'revert+apply',
    },
    {
      given: ['mute the music'],
      say: 'no, I meant the interview',
      reply: 'Undid: muted “Background music”. Instead, muted “Interview”.',
      does: 'revert+apply',
    },
    {
      given: ['move the intro to the end'],
      say: 'no, I meant the title card',
      reply: 'Undid: moved “Intro” to the end. Instead, moved “Title card” to the end: position 5 → 7.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'no',
      reply: 'Which clip did you mean instead? For example: “no, I meant the second clip”. The last change was: made “Outro” 2.0 s longer.',
    },
    { say: 'no, I meant the intro', reply: 'What should I do with “Intro”? For example “make it a bit longer”.' },
    {
      given: ['make the outro a bit longer', 'undo'],
      say: 'actually make it 6 seconds',
      reply: 'Set “Outro” to 6.0 s: 5.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer', 'actually make it 6 seconds'],
      say: 'undo',
      reply: 'Undid: set “Outro” to 6.0 s. “Outro” is back to 5.0 s.',
      does: 'revert',
    },
    {
      given: ['make the outro a bit longer', 'actually make it 6 seconds'],
      say: 'redo',
      reply: "There's nothing to redo: changes were made after the last undo.",
    },
    {
      given: ['make the outro a bit longer', 'no, I meant the second clip'],
      say: 'undo',
      reply: 'Undid: made “Beach scene” 2.0 s longer. “Beach scene” is back to 12.0 s.',
      does: 'revert',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'actually, mute the music',
      reply: 'Muted “Background music”.',
      does: 'apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'actually, undo that last change',
      reply: 'Undid: made “Outro” 2.0 s longer. “Outro” is back to 5.0 s.',
      does: 'revert',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'actually make it 3 seconds shorter',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, made “Outro” 3.0 s shorter: 5.0 s → 2.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro 3 seconds longer'],
      say: 'sorry, make that 2 seconds',
      reply: 'Undid: made “Outro” 3.0 s longer. Instead, made “Outro” 2.0 s longer: 5.0 s → 7.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['lengthen both the intro and the outro'],
      say: 'no, I meant the scenes',
      reply:
        'Undid: made “Intro” and “Outro” 2.0 s longer. Instead, made “Beach scene”, “City scene” and “Interview” 2.0 s longer: “Beach scene” 12.0 s → 14.0 s, “City scene” 9.0 s → 11.0 s, “Interview” 20.0 s → 22.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['shorten the beach scene by 10%'],
      say: 'make that 20% instead',
      reply: 'Undid: made “Beach scene” 10% shorter. Instead, made “Beach scene” 20% shorter: 12.0 s → 9.6 s.',
      does: 'revert+apply',
    },
    {
      given: ['split the interview at 5 seconds'],
      say: 'make that 8 seconds instead',
      reply:
        'Undid: split “Interview” at 5.0 s. “Interview (part 2)” is removed. Instead, split “Interview” at 8.0 s into “Interview (part 1)” (8.0 s) and “Interview (part 2)” (12.0 s).',
      does: 'revert+apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'rather the intro',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, made “Intro” 2.0 s longer: 4.0 s → 6.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'no, I meant the dragon',
      reply:
        "I couldn't find a clip matching “dragon”. The clips are: “Intro”, “Beach scene”, “City scene”, “Interview”, “Title card”, “Outro”, “Background music”.",
    },
    {
      given: ['make the outro a bit longer'],
      say: 'wait, the intro instead',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, made “Intro” 2.0 s longer: 4.0 s → 6.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['shorten the beach scene', 'not that one, the other scene'],
      say: 'the city one',
      reply: 'Undid: made “Beach scene” 2.0 s shorter. Instead, made “City scene” 2.0 s shorter: 9.0 s → 7.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the intro 6 seconds'],
      say: 'actually, make it 7 seconds',
      reply: 'Undid: set “Intro” to 6.0 s. Instead, set “Intro” to 7.0 s: 4.0 s → 7.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['fade in the intro'],
      say: 'no, I meant fade it out',
      reply: 'Undid: added a 1.0 s fade-in to “Intro”. Instead, added a 1.0 s fade-out to “Intro”.',
      does: 'revert+apply',
    },
    {
      given: ['mute the intro and the outro'],
      say: 'no, just the outro',
      reply: 'Undid: muted “Intro” and “Outro”. Instead, muted “Outro”.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro longer'],
      say: 'not the outro, the intro',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, made “Intro” 2.0 s longer: 4.0 s → 6.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro longer'],
      say: 'no wait, the second scene',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, made “City scene” 2.0 s longer: 9.0 s → 11.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro longer'],
      say: 'hmm, make it 9 seconds instead',
      reply: 'Undid: made “Outro” 2.0 s longer. Instead, set “Outro” to 9.0 s: 5.0 s → 9.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro 3 seconds longer'],
      say: 'only 1 second',
      reply: 'Undid: made “Outro” 3.0 s longer. Instead, made “Outro” 1.0 s longer: 5.0 s → 6.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['make the outro 3 seconds longer'],
      say: 'make it 1 second not 3',
      reply: 'Undid: made “Outro” 3.0 s longer. Instead, made “Outro” 1.0 s longer: 5.0 s → 6.0 s.',
      does: 'revert+apply',
    },
    {
      given: ['mute the intro and the outro'],
      say: 'only the outro',
      reply: 'Undid: muted “Intro” and “Outro”. Instead, muted “Outro”.',
      does: 'revert+apply',
    },
    {
      on: 'lisbon',
      given: ['fade in the arrival'],
      say: 'no, the airport one',
      reply: 'That is the clip I changed: added a 1.0 s fade-in to “Arrival at the airport”. Which clip did you mean instead?',
    },
  ],
  reverts: [
    {
      given: ['trim the intro'],
      say: 'forget that',
      reply: 'Undid: made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the intro'],
      say: 'forget it',
      reply: 'Undid: made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the intro'],
      say: 'never mind',
      reply: 'Undid: made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the intro'],
      say: 'scrap that',
      reply: 'Undid: made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the intro'],
      say: 'revert that',
      reply: 'Undid: made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the intro'],
      say: 'go back to how it was',
      reply: 'Undid: made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the intro'],
      say: 'put it back',
      reply: 'Undid: made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the intro'],
      say: 'change it back',
      reply: 'Undid: made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the intro'],
      say: 'take that back',
      reply: 'Undid: made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the intro'],
      say: "I don't like that",
      reply: 'Undid: made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the intro'],
      say: "that's wrong",
      reply: 'Undid: made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the intro'],
      say: 'back to how it was before',
      reply: 'Undid: made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the intro', 'fade out the outro'],
      say: 'undo everything in this session',
      reply: 'Undid 2 changes: added a 1.0 s fade-out to “Outro”; made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert+revert',
    },
    {
      given: ['trim the intro', 'fade out the outro'],
      say: 'start over',
      reply: 'Undid 2 changes: added a 1.0 s fade-out to “Outro”; made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert+revert',
    },
    {
      given: ['trim the intro', 'fade out the outro'],
      say: 'revert everything',
      reply: 'Undid 2 changes: added a 1.0 s fade-out to “Outro”; made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert+revert',
    },
    {
      given: ['trim the intro', 'fade out the outro'],
      say: 'undo all of that',
      reply: 'Undid 2 changes: added a 1.0 s fade-out to “Outro”; made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert+revert',
    },
    {
      given: ['fade out the outro', 'trim the intro'],
      say: 'undo the fade',
      reply: 'Undid: added a 1.0 s fade-out to “Outro”.',
      does: 'revert',
    },
    {
      given: ['fade out the outro', 'trim the intro'],
      say: 'undo the fade out',
      reply: 'Undid: added a 1.0 s fade-out to “Outro”.',
      does: 'revert',
    },
    {
      given: ['fade out the outro', 'trim the intro'],
      say: 'undo the fade in',
      reply: 'Nothing in this session made a fade-in that is still in effect.',
    },
    {
      given: ['speed up the city scene', 'trim the intro'],
      say: 'undo the speed change',
      reply: 'Undid: sped up “City scene” to 2x. “City scene” is back to 9.0 s.',
      does: 'revert',
    },
    {
      given: ['mute the music', 'trim the intro'],
      say: 'undo the mute',
      reply: 'Undid: muted “Background music”.',
      does: 'revert',
    },
    {
      given: ['move the intro to the end', 'trim the outro'],
      say: 'undo the move',
      reply: 'Undid: moved “Intro” to the end.',
      does: 'revert',
    },
    {
      given: ['delete the interview', 'trim the intro'],
      say: 'undo the deletion',
      reply: 'Undid: deleted “Interview”. “Interview” is back at position 4.',
      does: 'revert',
    },
    {
      given: ['fade out the outro', 'trim the intro'],
      say: 'restore the outro',
      reply: 'Undid: added a 1.0 s fade-out to “Outro”.',
      does: 'revert',
    },
    {
      given: ['trim the intro', 'fade out the outro'],
      say: 'restore the intro to how it was',
      reply: 'Undid: made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the outro', 'fade out the intro'],
      say: 'put the outro back',
      reply: 'Undid: made “Outro” 2.0 s shorter. “Outro” is back to 5.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the outro', 'fade out the intro'],
      say: 'revert the outro',
      reply: 'Undid: made “Outro” 2.0 s shorter. “Outro” is back to 5.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the outro', 'fade out the intro'],
      say: 'undo the changes to the outro',
      reply: 'Undid: made “Outro” 2.0 s shorter. “Outro” is back to 5.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the intro', 'fade out the outro'],
      say: 'undo what you did to the intro',
      reply: 'Undid: made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      given: ['delete the interview', 'trim the intro'],
      say: 'bring back the interview',
      reply: 'Undid: deleted “Interview”. “Interview” is back at position 4.',
      does: 'revert',
    },
    {
      given: ['delete the interview', 'trim the intro'],
      say: 'restore the interview',
      reply: 'Undid: deleted “Interview”. “Interview” is back at position 4.',
      does: 'revert',
    },
    {
      given: ['add a title "Chapter 2" after the intro', 'trim the outro'],
      say: 'undo the title',
      reply: 'Undid: added title “Chapter 2” after “Intro”. “Chapter 2” is removed.',
      does: 'revert',
    },
    { say: 'forget that', reply: "There's nothing in this session to undo." },
    {
      given: ['trim the intro'],
      say: 'restore the outro',
      reply: "This session hasn't changed “Outro”, so there is nothing to restore.",
    },
    {
      given: ['trim the intro'],
      say: 'undo the fade',
      reply: 'Nothing in this session made a fade that is still in effect.',
    },
    {
      given: ['shorten the intro and fade out the outro', 'mute the music'],
      say: 'undo the fade',
      reply: 'Undid: made “Intro” 2.0 s shorter; added a 1.0 s fade-out to “Outro”. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the intro', 'undo'],
      say: 'undo the trim',
      reply: 'Nothing in this session made a trim that is still in effect.',
    },
    {
      given: ['trim the intro', 'trim the intro'],
      say: 'restore the intro',
      reply: 'Undid: made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      given: ['speed up the city scene'],
      say: 'restore the speed of the city scene',
      reply: 'Set “City scene” to 1x speed: 4.5 s → 9.0 s.',
      does: 'apply',
    },
    {
      given: ['trim the intro', 'fade out the outro', 'mute the music'],
      say: 'undo the last two changes',
      reply: 'Undid 2 changes: muted “Background music”; added a 1.0 s fade-out to “Outro”.',
      does: 'revert+revert',
    },
    {
      given: ['lengthen all the scenes', 'fade out the outro'],
      say: 'restore the beach scene',
      reply:
        'Undid: made “Beach scene”, “City scene” and “Interview” 2.0 s longer. “Beach scene” is back to 12.0 s. “City scene” is back to 9.0 s. “Interview” is back to 20.0 s.',
      does: 'revert',
    },
    {
      given: ['rename the intro to "Opening"', 'trim the outro'],
      say: 'undo the rename',
      reply: 'Undid: renamed “Intro” to “Opening”.',
      does: 'revert',
    },
    {
      given: ['split the interview in half', 'trim the outro'],
      say: 'undo the split',
      reply: 'Undid: split “Interview” at 10.0 s. “Interview (part 2)” is removed. “Interview” is back to 20.0 s.',
      does: 'revert',
    },
    {
      given: ['duplicate the intro', 'trim the outro'],
      say: 'undo the duplicate',
      reply: 'Undid: duplicated “Intro”. “Intro (copy)” is removed.',
      does: 'revert',
    },
    {
      given: ['make the outro longer'],
      say: 'actually leave it as it was',
      reply: 'Undid: made “Outro” 2.0 s longer. “Outro” is back to 5.0 s.',
      does: 'revert',
    },
    {
      given: ['fade out the outro'],
      say: 'remove the fade',
      reply: 'Undid: added a 1.0 s fade-out to “Outro”.',
      does: 'revert',
    },
    {
      given: ['fade out the outro'],
      say: 'get rid of that fade',
      reply: 'Undid: added a 1.0 s fade-out to “Outro”.',
      does: 'revert',
    },
    {
      on: 'lisbon',
      given: ['delete the title card'],
      say: 'bring it back',
      reply: 'Undid: deleted “Title card”. “Title card” is back at position 5.',
      does: 'revert',
    },
    {
      given: ['rename the city scene to "Harbour"', 'mute the intro'],
      say: 'rename the harbour back',
      reply: 'Undid: renamed “City scene” to “Harbour”.',
      does: 'revert',
    },
    {
      given: ['rename the city scene to "Harbour"', 'mute the intro'],
      say: 'rename it back',
      reply: 'Nothing in this session that is still in effect is a rename of “Intro”.',
    },
    {
      given: ['delete the opening shot'],
      say: 'oops, put it back',
      reply: 'Undid: deleted “Intro”. “Intro” is back at position 1.',
      does: 'revert',
    },
    {
      given: ['trim the intro', 'trim the outro'],
      say: 'undo twice',
      reply: 'Undid 2 changes: made “Outro” 2.0 s shorter; made “Intro” 2.0 s shorter. “Intro” is back to 4.0 s. “Outro” is back to 5.0 s.',
      does: 'revert+revert',
    },
  ],
  hedged: [
    {
      say: 'could you make the outro a little longer?',
      reply: 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.',
      does: 'apply',
    },
    {
      say: 'I feel the opening drags, trim it a little',
      reply: 'Made “Intro” 2.0 s shorter: 4.0 s → 2.0 s.',
      does: 'apply',
    },
    {
      say: 'I think the intro is too long, shorten it',
      reply: 'Made “Intro” 2.0 s shorter: 4.0 s → 2.0 s.',
      does: 'apply',
    },
    {
      say: 'the beach scene feels slow, speed it up',
      reply: 'Sped up “Beach scene” to 2x: 12.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      say: 'could we stretch the closing shot slightly?',
      reply: 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.',
      does: 'apply',
    },
    { say: "let's fade out the final clip", reply: 'Added a 1.0 s fade-out to “Background music”.', does: 'apply' },
    { say: 'please shorten the opening', reply: 'Made “Intro” 2.0 s shorter: 4.0 s → 2.0 s.', does: 'apply' },
    { say: 'maybe trim the opening a bit?', reply: 'Made “Intro” 2.0 s shorter: 4.0 s → 2.0 s.', does: 'apply' },
    { say: 'can you please mute the music', reply: 'Muted “Background music”.', does: 'apply' },
    {
      say: "I'd like to make the closing shot longer",
      reply: 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.',
      does: 'apply',
    },
    { say: 'would it be possible to fade in the opening?', reply: 'Added a 1.0 s fade-in to “Intro”.', does: 'apply' },
    {
      say: 'could you possibly speed up the city scene a little?',
      reply: 'Sped up “City scene” to 2x: 9.0 s → 4.5 s.',
      does: 'apply',
    },
    {
      say: "let's move the title card to the start",
      reply: 'Moved “Title card” to the start: position 5 → 1.',
      does: 'apply',
    },
    {
      say: 'please could you lengthen the interview by a second',
      reply: 'Made “Interview” 1.0 s longer: 20.0 s → 21.0 s.',
      does: 'apply',
    },
    {
      say: 'Hey, can you trim the final clip?',
      reply: 'Made “Background music” 2.0 s shorter: 60.0 s → 58.0 s.',
      does: 'apply',
    },
    {
      say: 'if possible, shorten the opening shot',
      reply: 'Made “Intro” 2.0 s shorter: 4.0 s → 2.0 s.',
      does: 'apply',
    },
    {
      on: 'lisbon',
      say: 'I feel the opening drags, trim it a little',
      reply: 'Made “Intro” 2.0 s shorter: 4.0 s → 2.0 s.',
      does: 'apply',
    },
    {
      on: 'lisbon',
      say: 'could we stretch the closing shot slightly?',
      reply: 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.',
      does: 'apply',
    },
    { on: 'lisbon', say: "let's fade out the final clip", reply: 'Added a 1.0 s fade-out to “Outro”.', does: 'apply' },
    {
      on: 'lisbon',
      say: 'the tram ride drags, cut it down',
      reply: 'Made “Tram ride” 2.0 s shorter: 10.0 s → 8.0 s.',
      does: 'apply',
    },
    { say: 'would you mute the interview, please?', reply: 'Muted “Interview”.', does: 'apply' },
    { say: 'I think we should fade in the opening', reply: 'Added a 1.0 s fade-in to “Intro”.', does: 'apply' },
    { say: 'let us slow down the closing shot', reply: 'Slowed down “Outro” to 0.5x: 5.0 s → 10.0 s.', does: 'apply' },
    {
      say: 'could you make the opening shot a tad shorter, thanks',
      reply: 'Made “Intro” 2.0 s shorter: 4.0 s → 2.0 s.',
      does: 'apply',
    },
    {
      say: 'ok so can we trim the final shot a bit',
      reply: 'Made “Outro” 2.0 s shorter: 5.0 s → 3.0 s.',
      does: 'apply',
    },
    {
      say: 'would you mind making the outro 1 second longer?',
      reply: 'Made “Outro” 1.0 s longer: 5.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      say: "I'd like the intro a bit longer please",
      reply: 'Made “Intro” 2.0 s longer: 4.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      say: 'go ahead and shorten the closing shot',
      reply: 'Made “Outro” 2.0 s shorter: 5.0 s → 3.0 s.',
      does: 'apply',
    },
    {
      say: 'it feels like the interview drags, shorten it by 5 seconds',
      reply: 'Made “Interview” 5.0 s shorter: 20.0 s → 15.0 s.',
      does: 'apply',
    },
    { say: 'please, please lengthen the outro', reply: 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.', does: 'apply' },
    {
      say: 'do you think you could fade out the closing shot?',
      reply: 'Added a 1.0 s fade-out to “Outro”.',
      does: 'apply',
    },
    { say: 'we could shorten the opening a bit', reply: 'Made “Intro” 2.0 s shorter: 4.0 s → 2.0 s.', does: 'apply' },
    { say: 'perhaps speed up the interview?', reply: 'Sped up “Interview” to 2x: 20.0 s → 10.0 s.', does: 'apply' },
    { say: 'I want the closing shot to be 8 seconds', reply: 'Set “Outro” to 8.0 s: 5.0 s → 8.0 s.', does: 'apply' },
    { say: 'how about trimming the opening?', reply: 'Made “Intro” 2.0 s shorter: 4.0 s → 2.0 s.', does: 'apply' },
    { say: 'would you mind muting the music?', reply: 'Muted “Background music”.', does: 'apply' },
    {
      say: 'please shorten the intro, it is too long',
      reply: 'Made “Intro” 2.0 s shorter: 4.0 s → 2.0 s.',
      does: 'apply',
    },
    { say: 'the intro is too long', reply: 'Made “Intro” 2.0 s shorter: 4.0 s → 2.0 s.', does: 'apply' },
    { say: 'the city scene is too slow', reply: 'Sped up “City scene” to 2x: 9.0 s → 4.5 s.', does: 'apply' },
    {
      on: 'lisbon',
      say: 'the tram ride drags',
      reply: 'Made “Tram ride” 2.0 s shorter: 10.0 s → 8.0 s.',
      does: 'apply',
    },
    {
      say: 'could you possibly make the closing shot a touch longer please?',
      reply: 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.',
      does: 'apply',
    },
  ],
  compound: [
    {
      say: 'shorten the intro and fade out the outro',
      reply: 'Made “Intro” 2.0 s shorter: 4.0 s → 2.0 s. Added a 1.0 s fade-out to “Outro”.',
      does: 'apply',
    },
    {
      say: 'mute the interview, then move it to the end',
      reply: 'Muted “Interview”. Moved “Interview” to the end: position 4 → 7.',
      does: 'apply',
    },
    {
      on: 'lisbon',
      say: 'mute the tram ride, then move it to the end',
      reply: 'Muted “Tram ride”. Moved “Tram ride” to the end: position 4 → 7.',
      does: 'apply',
    },
    {
      say: 'trim the intro and then fade it in',
      reply: 'Made “Intro” 2.0 s shorter: 4.0 s → 2.0 s. Added a 1.0 s fade-in to “Intro”.',
      does: 'apply',
    },
    {
      say: 'fade in the intro and fade out the outro',
      reply: 'Added a 1.0 s fade-in to “Intro”. Added a 1.0 s fade-out to “Outro”.',
      does: 'apply',
    },
    {
      say: 'mute the music and speed up the city scene',
      reply: 'Muted “Background music”. Sped up “City scene” to 2x: 9.0 s → 4.5 s.',
      does: 'apply',
    },
    {
      say: 'lengthen the outro by 1 second, then fade it out',
      reply: 'Made “Outro” 1.0 s longer: 5.0 s → 6.0 s. Added a 1.0 s fade-out to “Outro”.',
      does: 'apply',
    },
    {
      say: 'delete the title card and move the outro to the start',
      reply: 'Deleted “Title card”. Moved “Outro” to the start: position 5 → 1.',
      does: 'apply',
    },
    {
      say: 'shorten the beach scene and the city scene and fade out the outro',
      reply: 'Made “Beach scene” and “City scene” 2.0 s shorter: “Beach scene” 12.0 s → 10.0 s, “City scene” 9.0 s → 7.0 s. Added a 1.0 s fade-out to “Outro”.',
      does: 'apply',
    },
    {
      say: 'mute the intro and fade out the dragon',
      reply:
        "I couldn't find a clip matching “dragon”. The clips are: “Intro”, “Beach scene”, “City scene”, “Interview”, “Title card”, “Outro”, “Background music”. So I changed nothing, not even the earlier part.",
    },
    {
      say: 'speed up the city scene then slow down the beach scene',
      reply: 'Sped up “City scene” to 2x: 9.0 s → 4.5 s. Slowed down “Beach scene” to 0.5x: 12.0 s → 24.0 s.',
      does: 'apply',
    },
    {
      say: 'fade out the outro plus mute the music',
      reply: 'Added a 1.0 s fade-out to “Outro”. Muted “Background music”.',
      does: 'apply',
    },
    {
      say: 'rename the intro to "Opening" and move it to the end',
      reply: 'Renamed “Intro” to “Opening”. Moved “Opening” to the end: position 1 → 7.',
      does: 'apply',
    },
    {
      say: 'trim the intro, fade it in and mute the music',
      reply: 'Made “Intro” 2.0 s shorter: 4.0 s → 2.0 s. Added a 1.0 s fade-in to “Intro”. Muted “Background music”.',
      does: 'apply',
    },
    {
      given: ['shorten the intro and fade out the outro'],
      say: 'undo',
      reply: 'Undid: made “Intro” 2.0 s shorter; added a 1.0 s fade-out to “Outro”. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      given: ['mute the interview, then move it to the end'],
      say: 'undo',
      reply: 'Undid: muted “Interview”; moved “Interview” to the end.',
      does: 'revert',
    },
    {
      given: ['trim the intro, fade it in and mute the music'],
      say: 'undo',
      reply: 'Undid: made “Intro” 2.0 s shorter; added a 1.0 s fade-in to “Intro”; muted “Background music”. “Intro” is back to 4.0 s.',
      does: 'revert',
    },
    {
      say: 'swap the intro and the outro',
      reply: 'Swapped “Intro” and “Outro”: “Intro” is now at position 6 and “Outro” at position 1.',
      does: 'apply',
    },
    {
      say: 'make the intro and the outro longer',
      reply: 'Made “Intro” and “Outro” 2.0 s longer: “Intro” 4.0 s → 6.0 s, “Outro” 5.0 s → 7.0 s.',
      does: 'apply',
    },
    { say: 'delete the intro and the outro', reply: 'Deleted “Intro” and “Outro”.', does: 'apply' },
    {
      say: 'shorten the intro to 1 second and then lengthen the outro by 20 seconds',
      reply: 'Set “Intro” to 1.0 s: 4.0 s → 1.0 s. Made “Outro” 20.0 s longer: 5.0 s → 25.0 s.',
      does: 'apply',
    },
    {
      say: 'shorten the intro by 5 seconds and fade out the outro',
      reply: "I can't make “Intro” 5.0 s shorter: it is only 4.0 s long, and clips can't be shorter than 0.5 s.",
    },
    {
      say: 'mute the music, then after that move it to the start',
      reply: 'Muted “Background music”. Moved “Background music” to the start: position 7 → 1.',
      does: 'apply',
    },
    {
      say: 'fade out all the scenes and mute the music',
      reply: 'Added a 1.0 s fade-out to “Beach scene”, “City scene” and “Interview”. Muted “Background music”.',
      does: 'apply',
    },
    {
      say: 'duplicate the intro and then move it to the end',
      reply: 'Duplicated “Intro” as “Intro (copy)”, right after it. Moved “Intro” to the end: position 1 → 8.',
      does: 'apply',
    },
    {
      say: 'speed up the interview and do the same to the city scene',
      reply: 'Sped up “Interview” to 2x: 20.0 s → 10.0 s. Sped up “City scene” to 2x: 9.0 s → 4.5 s.',
      does: 'apply',
    },
    {
      given: ['shorten the intro and fade out the outro'],
      say: 'again',
      reply: "I can't repeat that change (made “Intro” 2.0 s shorter; added a 1.0 s fade-out to “Outro”) by myself.",
    },
    {
      given: ['shorten the intro and fade out the outro'],
      say: 'redo',
      reply: "There's nothing to redo in this session.",
    },
    {
      given: ['shorten the intro and fade out the outro', 'undo'],
      say: 'redo',
      reply: 'Redid: made “Intro” 2.0 s shorter; added a 1.0 s fade-out to “Outro”. “Intro” is now 2.0 s.',
      does: 'reapply',
    },
    {
      say: 'set the intro to 6 seconds and the outro to 3 seconds',
      reply:
        "I couldn't find a clip matching “intro to 6 seconds”. The clips are: “Intro”, “Beach scene”, “City scene”, “Interview”, “Title card”, “Outro”, “Background music”.",
    },
    {
      say: 'move the outro to the start and then swap the intro and the title card',
      reply: 'Moved “Outro” to the start: position 6 → 1. Swapped “Intro” and “Title card”: “Intro” is now at position 6 and “Title card” at position 2.',
      does: 'apply',
    },
    {
      say: 'mute the city scene and then unmute it',
      reply: 'Muted “City scene”. Unmuted “City scene”.',
      does: 'apply',
    },
    {
      say: 'trim the opening, then fade out the closing shot',
      reply: 'Made “Intro” 2.0 s shorter: 4.0 s → 2.0 s. Added a 1.0 s fade-out to “Outro”.',
      does: 'apply',
    },
    {
      say: 'mute the music, then after that move it to the start',
      reply: 'Muted “Background music”. Moved “Background music” to the start: position 7 → 1.',
      does: 'apply',
    },
    {
      say: 'shorten all the scenes and then fade out the outro',
      reply:
        'Made “Beach scene”, “City scene” and “Interview” 2.0 s shorter: “Beach scene” 12.0 s → 10.0 s, “City scene” 9.0 s → 7.0 s, “Interview” 20.0 s → 18.0 s. Added a 1.0 s fade-out to “Outro”.',
      does: 'apply',
    },
  ],
  questions: [
    { say: 'how long is the video?', reply: 'The timeline is 113.0 s long, in 7 clips.' },
    { say: "what's the total length?", reply: 'The timeline is 113.0 s long, in 7 clips.' },
    { say: 'how long is the timeline now', reply: 'The timeline is 113.0 s long, in 7 clips.' },
    { say: 'what is the total duration', reply: 'The timeline is 113.0 s long, in 7 clips.' },
    { say: 'total runtime?', reply: 'The timeline is 113.0 s long, in 7 clips.' },
    { say: 'how long does the video run?', reply: 'The timeline is 113.0 s long, in 7 clips.' },
    { say: 'how long is the outro?', reply: '“Outro” is 5.0 s long.' },
    { say: 'how long is clip 3', reply: '“City scene” is 9.0 s long.' },
    { say: 'how long is the second clip?', reply: '“Beach scene” is 12.0 s long.' },
    { say: "what's the length of the interview?", reply: '“Interview” is 20.0 s long.' },
    {
      say: 'how long are the scenes?',
      reply: '“Beach scene” is 12.0 s long. “City scene” is 9.0 s long. “Interview” is 20.0 s long.',
    },
    { say: 'where is the outro?', reply: '“Outro” is clip 6 of 7, from 48.0 s to 53.0 s.' },
    { say: "where's the title card", reply: '“Title card” is clip 5 of 7, from 45.0 s to 48.0 s.' },
    { say: 'what position is the interview in?', reply: '“Interview” is clip 4 of 7, from 25.0 s to 45.0 s.' },
    { given: ['mute the music'], say: 'which clips are muted?', reply: '“Background music” is muted.' },
    { say: 'which clips are muted?', reply: 'No clip is muted.' },
    {
      given: ['mute the music', 'mute the intro'],
      say: 'is anything muted?',
      reply: '“Intro” and “Background music” are muted.',
    },
    {
      given: ['speed up the city scene'],
      say: 'which clips are sped up?',
      reply: '“City scene” plays at 2x; the rest at normal speed.',
    },
    { say: 'which clips are sped up?', reply: 'Every clip plays at normal speed.' },
    {
      given: ['speed up the city scene', 'slow down the interview'],
      say: 'which clips are playing at a different speed?',
      reply: '“City scene” plays at 2x, “Interview” plays at 0.5x; the rest at normal speed.',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'what was the last change?',
      reply: 'The last change was: made “Outro” 2.0 s longer.',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'what did you just do?',
      reply: 'The last change was: made “Outro” 2.0 s longer.',
    },
    {
      given: ['make the outro a bit longer', 'undo'],
      say: 'what was the last change?',
      reply: 'The last change was: made “Outro” 2.0 s longer (since undone).',
    },
    { say: 'what was the last change?', reply: "This session hasn't changed anything yet." },
    {
      given: ['make the outro a bit longer', 'mute the music', 'undo'],
      say: 'what have you changed so far?',
      reply: 'This session made 2 changes: 1. Made “Outro” 2.0 s longer; 2. Muted “Background music” (undone).',
    },
    {
      given: ['make the outro a bit longer'],
      say: 'what did we do so far in this session?',
      reply: 'This session made 1 change: 1. Made “Outro” 2.0 s longer.',
    },
    {
      given: ['make the outro a bit longer', 'fade in the intro'],
      say: 'list the changes',
      reply: 'This session made 2 changes: 1. Made “Outro” 2.0 s longer; 2. Added a 1.0 s fade-in to “Intro”.',
    },
    { say: 'what have you changed so far?', reply: "This session hasn't changed anything yet." },
    { say: "what's the second clip?", reply: 'Clip 2 is “Beach scene” (scene, 12.0 s).' },
    { say: 'what is the last clip?', reply: 'Clip 7 is “Background music” (audio, 60.0 s).' },
    { say: 'which clip is number 4?', reply: 'Clip 4 is “Interview” (scene, 20.0 s).' },
    { say: "what's the first clip?", reply: 'Clip 1 is “Intro” (intro, 4.0 s).' },
    {
      given: ['speed up the city scene', 'mute the city scene', 'fade in the city scene'],
      say: 'what is the third clip?',
      reply: 'Clip 3 is “City scene” (scene, 4.5 s, at 2x, muted, 1.0 s fade-in).',
    },
    {
      say: 'what clips are there?',
      reply:
        'The timeline has 7 clips: 1. “Intro” 4.0 s, 2. “Beach scene” 12.0 s, 3. “City scene” 9.0 s, 4. “Interview” 20.0 s, 5. “Title card” 3.0 s, 6. “Outro” 5.0 s, 7. “Background music” 60.0 s.',
    },
    {
      say: 'how many clips are there?',
      reply:
        'The timeline has 7 clips: 1. “Intro” 4.0 s, 2. “Beach scene” 12.0 s, 3. “City scene” 9.0 s, 4. “Interview” 20.0 s, 5. “Title card” 3.0 s, 6. “Outro” 5.0 s, 7. “Background music” 60.0 s.',
    },
    {
      say: 'list the clips',
      reply:
        'The timeline has 7 clips: 1. “Intro” 4.0 s, 2. “Beach scene” 12.0 s, 3. “City scene” 9.0 s, 4. “Interview” 20.0 s, 5. “Title card” 3.0 s, 6. “Outro” 5.0 s, 7. “Background music” 60.0 s.',
    },
    {
      say: 'how long is the dragon?',
      reply:
        "I couldn't find a clip matching “dragon”. The clips are: “Intro”, “Beach scene”, “City scene”, “Interview”, “Title card”, “Outro”, “Background music”.",
    },
    {
      say: 'how long is the scene?',
      reply: 'Which clip do you mean? There are 3 scene clips: “Beach scene”, “City scene”, “Interview”.',
    },
    { say: "what's the tenth clip?", reply: 'There is no tenth clip: the timeline has 7 clips.' },
    { on: 'empty', say: 'how long is the video?', reply: 'The timeline is empty.' },
    { given: ['make the outro a bit longer'], say: 'how long is it now?', reply: '“Outro” is 7.0 s long.' },
    {
      given: ['make the outro a bit longer'],
      say: 'where is it?',
      reply: '“Outro” is clip 6 of 7, from 48.0 s to 55.0 s.',
    },
    { on: 'lisbon', say: 'how long is the tram ride?', reply: '“Tram ride” is 10.0 s long.' },
    { say: "what's the closing shot?", reply: 'Clip 6 is “Outro” (outro, 5.0 s).' },
    { say: 'how long is the whole thing?', reply: 'The timeline is 113.0 s long, in 7 clips.' },
    { say: 'what is clip 5?', reply: 'Clip 5 is “Title card” (title, 3.0 s).' },
    {
      given: ['mute the music', 'speed up the interview'],
      say: "what's muted?",
      reply: '“Background music” is muted.',
    },
    { say: 'how many seconds is the whole video', reply: 'The timeline is 113.0 s long, in 7 clips.' },
    { given: ['mute the music'], say: 'is the music muted?', reply: 'Yes: “Background music” (audio, 60.0 s, muted).' },
    { say: 'is the intro sped up?', reply: 'No: “Intro” (intro, 4.0 s).' },
    { say: 'which is the longest clip?', reply: 'The longest clip is “Background music” (60.0 s).' },
    { say: "what's the shortest clip?", reply: 'The shortest clip is “Title card” (3.0 s).' },
    { say: 'what comes after the intro?', reply: 'Clip 2 is “Beach scene” (scene, 12.0 s).' },
    { say: "what's before the outro?", reply: 'Clip 5 is “Title card” (title, 3.0 s).' },
    {
      given: ['trim the intro'],
      say: 'what did I change?',
      reply: 'This session made 1 change: 1. Made “Intro” 2.0 s shorter.',
    },
    {
      given: ['make the outro longer'],
      say: 'what changes have you made?',
      reply: 'This session made 1 change: 1. Made “Outro” 2.0 s longer.',
    },
    {
      given: ['make the outro longer', 'mute the music'],
      say: 'show me the history',
      reply: 'This session made 2 changes: 1. Made “Outro” 2.0 s longer; 2. Muted “Background music”.',
    },
    { say: 'which clip is the title card?', reply: '“Title card” is clip 5 of 7, from 45.0 s to 48.0 s.' },
    { say: 'how long is everything?', reply: 'The timeline is 113.0 s long, in 7 clips.' },
    { on: 'lisbon', say: 'what is the longest scene?', reply: 'The longest scene is “Sunset timelapse” (14.0 s).' },
    { say: 'how long are the intro and outro together?', reply: '“Intro” and “Outro” are 9.0 s long together.' },
    {
      say: 'what is the total length of all scenes?',
      reply: '“Beach scene”, “City scene” and “Interview” are 41.0 s long together.',
    },
    { given: ['trim the intro'], say: 'what is the intro now?', reply: 'Clip 1 is “Intro” (intro, 2.0 s).' },
    {
      say: 'what is the scene?',
      reply: 'Which clip do you mean? There are 3 scene clips: “Beach scene”, “City scene”, “Interview”.',
    },
  ],
  ambiguity: [
    {
      say: 'trim the scene',
      reply: 'Which clip do you mean? There are 3 scene clips: “Beach scene”, “City scene”, “Interview”.',
    },
    {
      given: ['trim the scene'],
      say: 'the second one',
      reply: 'Made “City scene” 2.0 s shorter: 9.0 s → 7.0 s.',
      does: 'apply',
    },
    {
      given: ['trim the scene'],
      say: 'the beach one',
      reply: 'Made “Beach scene” 2.0 s shorter: 12.0 s → 10.0 s.',
      does: 'apply',
    },
    {
      given: ['trim the scene'],
      say: 'City scene',
      reply: 'Made “City scene” 2.0 s shorter: 9.0 s → 7.0 s.',
      does: 'apply',
    },
    {
      given: ['trim the scene'],
      say: 'the last one',
      reply: 'Made “Interview” 2.0 s shorter: 20.0 s → 18.0 s.',
      does: 'apply',
    },
    {
      given: ['trim the scene'],
      say: 'the interview',
      reply: 'Made “Interview” 2.0 s shorter: 20.0 s → 18.0 s.',
      does: 'apply',
    },
    {
      given: ['trim the scene'],
      say: 'all of them',
      reply:
        'Made “Beach scene”, “City scene” and “Interview” 2.0 s shorter: “Beach scene” 12.0 s → 10.0 s, “City scene” 9.0 s → 7.0 s, “Interview” 20.0 s → 18.0 s.',
      does: 'apply',
    },
    {
      given: ['trim the scene'],
      say: 'the first',
      reply: 'Made “Beach scene” 2.0 s shorter: 12.0 s → 10.0 s.',
      does: 'apply',
    },
    {
      given: ['fade out the scene'],
      say: 'the first one',
      reply: 'Added a 1.0 s fade-out to “Beach scene”.',
      does: 'apply',
    },
    {
      given: ['mute the scene'],
      say: 'make the outro longer',
      reply: 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.',
      does: 'apply',
    },
    {
      given: ['move the scene to the end'],
      say: 'the city scene',
      reply: 'Moved “City scene” to the end: position 3 → 7.',
      does: 'apply',
    },
    {
      on: 'lisbon',
      say: 'speed up the scene',
      reply: 'Which clip do you mean? There are 4 scene clips: “Arrival at the airport”, “Beach scene”, “Tram ride”, “Sunset timelapse”.',
    },
    {
      on: 'lisbon',
      given: ['speed up the scene'],
      say: 'the tram one',
      reply: 'Sped up “Tram ride” to 2x: 10.0 s → 5.0 s.',
      does: 'apply',
    },
    {
      on: 'lisbon',
      given: ['speed up the scene'],
      say: 'the third one',
      reply: 'Sped up “Tram ride” to 2x: 10.0 s → 5.0 s.',
      does: 'apply',
    },
    { say: 'delete the title', reply: 'Deleted “Title card”.', does: 'apply' },
    { say: 'shorten the card', reply: 'Made “Title card” 2.0 s shorter: 3.0 s → 1.0 s.', does: 'apply' },
    {
      given: ['trim the scene'],
      say: 'the dragon one',
      reply: 'Which clip do you mean? None of them matches “dragon”: “Beach scene”, “City scene”, “Interview”.',
    },
    {
      given: ['trim the scene', 'the second one'],
      say: 'undo',
      reply: 'Undid: made “City scene” 2.0 s shorter. “City scene” is back to 9.0 s.',
      does: 'revert',
    },
    {
      given: ['trim the scene', 'the second one'],
      say: 'again',
      reply: 'Made “City scene” 2.0 s shorter: 7.0 s → 5.0 s.',
      does: 'apply',
    },
    {
      say: 'set the scene to 5 seconds',
      reply: 'Which clip do you mean? There are 3 scene clips: “Beach scene”, “City scene”, “Interview”.',
    },
    {
      given: ['set the scene to 5 seconds'],
      say: 'I mean the beach one',
      reply: 'Set “Beach scene” to 5.0 s: 12.0 s → 5.0 s.',
      does: 'apply',
    },
    {
      say: 'rename the scene to "Opening"',
      reply: 'Which clip do you mean? There are 3 scene clips: “Beach scene”, “City scene”, “Interview”.',
    },
    {
      given: ['rename the scene to "Opening"'],
      say: 'the beach one',
      reply: 'Renamed “Beach scene” to “Opening”.',
      does: 'apply',
    },
    {
      say: 'move the scene after the outro',
      reply: 'Which clip do you mean? There are 3 scene clips: “Beach scene”, “City scene”, “Interview”.',
    },
    {
      given: ['move the scene after the outro'],
      say: 'the city one',
      reply: 'Moved “City scene” after “Outro”: position 3 → 6.',
      does: 'apply',
    },
    {
      say: 'fade in the scene and mute the music',
      reply: 'Which clip do you mean? There are 3 scene clips: “Beach scene”, “City scene”, “Interview”.',
    },
    {
      given: ['fade in the scene and mute the music'],
      say: 'the interview',
      reply: 'Added a 1.0 s fade-in to “Interview”. Muted “Background music”.',
      does: 'apply',
    },
    {
      given: ['trim the scene'],
      say: 'both',
      reply:
        'Made “Beach scene”, “City scene” and “Interview” 2.0 s shorter: “Beach scene” 12.0 s → 10.0 s, “City scene” 9.0 s → 7.0 s, “Interview” 20.0 s → 18.0 s.',
      does: 'apply',
    },
    {
      on: 'small',
      say: 'trim the scene',
      reply: 'Which clip do you mean? There are 2 scene clips: “Beach scene”, “City scene”.',
    },
    {
      on: 'small',
      given: ['trim the scene'],
      say: 'the second one',
      reply: 'Made “City scene” 2.0 s shorter: 9.0 s → 7.0 s.',
      does: 'apply',
    },
    {
      say: 'split the scene in half',
      reply: 'Which clip do you mean? There are 3 scene clips: “Beach scene”, “City scene”, “Interview”.',
    },
    {
      given: ['split the scene in half'],
      say: 'the interview',
      reply: 'Split “Interview” at 10.0 s into “Interview (part 1)” (10.0 s) and “Interview (part 2)” (10.0 s).',
      does: 'apply',
    },
    {
      given: ['trim the scene'],
      say: 'I meant the city one',
      reply: 'Made “City scene” 2.0 s shorter: 9.0 s → 7.0 s.',
      does: 'apply',
    },
    { given: ['trim the scene'], say: 'undo everything', reply: "There's nothing in this session to undo." },
    {
      given: ['trim the scene'],
      say: 'the one on the beach',
      reply: 'Made “Beach scene” 2.0 s shorter: 12.0 s → 10.0 s.',
      does: 'apply',
    },
    { given: ['trim the scene'], say: '2', reply: 'Made “City scene” 2.0 s shorter: 9.0 s → 7.0 s.', does: 'apply' },
    {
      given: ['trim the scene'],
      say: '5',
      reply: 'Which clip do you mean? There are only 3: “Beach scene”, “City scene”, “Interview”.',
    },
    {
      given: ['trim the scene'],
      say: 'the middle one',
      reply: 'Made “City scene” 2.0 s shorter: 9.0 s → 7.0 s.',
      does: 'apply',
    },
    {
      on: 'small',
      given: ['trim the scene'],
      say: 'the middle one',
      reply: 'Which clip do you mean? Of 2 there is no middle one: “Beach scene”, “City scene”.',
    },
  ],
  units: [
    { say: 'lengthen the intro by 1.5s', reply: 'Made “Intro” 1.5 s longer: 4.0 s → 5.5 s.', does: 'apply' },
    { say: 'lengthen the intro by 1,5 s', reply: 'Made “Intro” 1.5 s longer: 4.0 s → 5.5 s.', does: 'apply' },
    { say: 'lengthen the intro by half a second', reply: 'Made “Intro” 0.5 s longer: 4.0 s → 4.5 s.', does: 'apply' },
    {
      say: 'lengthen the intro by a couple of seconds',
      reply: 'Made “Intro” 2.0 s longer: 4.0 s → 6.0 s.',
      does: 'apply',
    },
    {
      say: 'lengthen the intro by 90 frames at 30 fps',
      reply: 'Made “Intro” 3.0 s longer: 4.0 s → 7.0 s.',
      does: 'apply',
    },
    {
      say: 'lengthen the intro by 90 frames',
      reply: "Projects have no frame rate yet, so I can't turn frames into time. Say it in seconds, or give the rate, e.g. “90 frames at 30 fps”.",
    },
    { say: 'shorten the outro by 10%', reply: 'Made “Outro” 10% shorter: 5.0 s → 4.5 s.', does: 'apply' },
    {
      say: 'shorten the beach scene by a third',
      reply: 'Made “Beach scene” 33.3% shorter: 12.0 s → 8.0 s.',
      does: 'apply',
    },
    {
      say: 'shorten the interview by a quarter',
      reply: 'Made “Interview” 25% shorter: 20.0 s → 15.0 s.',
      does: 'apply',
    },
    {
      say: 'trim 10 percent off the beach scene',
      reply: 'Made “Beach scene” 10% shorter: 12.0 s → 10.8 s.',
      does: 'apply',
    },
    { say: 'make the interview 25% shorter', reply: 'Made “Interview” 25% shorter: 20.0 s → 15.0 s.', does: 'apply' },
    { say: 'lengthen the intro by 500ms', reply: 'Made “Intro” 0.5 s longer: 4.0 s → 4.5 s.', does: 'apply' },
    { say: 'make the outro 7.5 seconds', reply: 'Set “Outro” to 7.5 s: 5.0 s → 7.5 s.', does: 'apply' },
    { say: 'make the outro last 0:07', reply: 'Set “Outro” to 7.0 s: 5.0 s → 7.0 s.', does: 'apply' },
    {
      say: 'add one and a half seconds to the intro',
      reply: 'Made “Intro” 1.5 s longer: 4.0 s → 5.5 s.',
      does: 'apply',
    },
    { say: 'fade out the outro over 2.5s', reply: 'Added a 2.5 s fade-out to “Outro”.', does: 'apply' },
    { say: 'lengthen the intro by two seconds', reply: 'Made “Intro” 2.0 s longer: 4.0 s → 6.0 s.', does: 'apply' },
    { say: 'add 48 frames at 24 fps to the intro', reply: 'Made “Intro” 2.0 s longer: 4.0 s → 6.0 s.', does: 'apply' },
    { say: 'shorten the interview by half', reply: 'Made “Interview” half as long: 20.0 s → 10.0 s.', does: 'apply' },
    { say: 'make the intro 2,5 seconds', reply: 'Set “Intro” to 2.5 s: 4.0 s → 2.5 s.', does: 'apply' },
    { say: 'trim 0,5 s off the outro', reply: 'Made “Outro” 0.5 s shorter: 5.0 s → 4.5 s.', does: 'apply' },
    {
      say: 'cut 30 frames from the outro',
      reply: "Projects have no frame rate yet, so I can't turn frames into time. Say it in seconds, or give the rate, e.g. “90 frames at 30 fps”.",
    },
    { say: 'lengthen the intro by 1 minute', reply: 'Made “Intro” 60.0 s longer: 4.0 s → 64.0 s.', does: 'apply' },
    {
      say: 'make the beach scene 50 percent longer',
      reply: 'Made “Beach scene” 50% longer: 12.0 s → 18.0 s.',
      does: 'apply',
    },
    {
      say: 'lengthen all the scenes by 10%',
      reply:
        'Made “Beach scene”, “City scene” and “Interview” 10% longer: “Beach scene” 12.0 s → 13.2 s, “City scene” 9.0 s → 9.9 s, “Interview” 20.0 s → 22.0 s.',
      does: 'apply',
    },
    { say: 'shorten the intro by 100%', reply: "I can't make a clip 100% shorter: that leaves nothing of it." },
    {
      say: 'set the music volume to 40 percent',
      reply: 'Set the volume of “Background music” to 40% (was 100%).',
      does: 'apply',
    },
    { say: 'speed the interview up by 1.5x', reply: 'Sped up “Interview” to 1.5x: 20.0 s → 13.333 s.', does: 'apply' },
    { say: 'fade in the intro over half a second', reply: 'Added a 0.5 s fade-in to “Intro”.', does: 'apply' },
    { say: 'add a couple of seconds to the outro', reply: 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.', does: 'apply' },
    {
      say: 'lengthen the outro by three and a half seconds',
      reply: 'Made “Outro” 3.5 s longer: 5.0 s → 8.5 s.',
      does: 'apply',
    },
    {
      say: 'make the interview 1 minute 5 seconds',
      reply: 'Set “Interview” to 65.0 s: 20.0 s → 65.0 s.',
      does: 'apply',
    },
    {
      say: 'split the interview at 7,5 seconds',
      reply: 'Split “Interview” at 7.5 s into “Interview (part 1)” (7.5 s) and “Interview (part 2)” (12.5 s).',
      does: 'apply',
    },
    {
      say: 'shorten the interview by 150 frames at 25 fps',
      reply: 'Made “Interview” 6.0 s shorter: 20.0 s → 14.0 s.',
      does: 'apply',
    },
    { say: 'make the intro a tenth shorter', reply: 'Made “Intro” 10% shorter: 4.0 s → 3.6 s.', does: 'apply' },
    {
      say: 'lengthen the intro by 1,5 seconds and fade it in',
      reply: 'Made “Intro” 1.5 s longer: 4.0 s → 5.5 s. Added a 1.0 s fade-in to “Intro”.',
      does: 'apply',
    },
    { say: 'lengthen the intro by 0.25s', reply: 'Made “Intro” 0.25 s longer: 4.0 s → 4.25 s.', does: 'apply' },
    {
      say: 'trim the beginning of the interview by 2 seconds',
      reply: 'Made “Interview” 2.0 s shorter: 20.0 s → 18.0 s.',
      does: 'apply',
    },
  ],
};

const ROWS = Object.entries(TABLE).flatMap(([family, rows]) => rows.map((row) => ({ family, ...row })));

test('the table holds at least 400 cases, and several phrasings of every family', () => {
  expect(ROWS.length).toBeGreaterThanOrEqual(400);
  for (const rows of Object.values(TABLE)) expect(rows.length).toBeGreaterThanOrEqual(25);
});

describe.each(Object.keys(TABLE))('%s', (family) => {
  test.each(ROWS.filter((row) => row.family === family).map((row) => [[...(row.given ?? []), row.say].join(' → '), row] as const))('%s', (_, row: Row) => {
    const { given = [], say, reply, does = '' } = row;
    const project = new Project(PROJECTS[row.on ?? 'fixture']);
    const session = project.startSession();
    for (const earlier of given) session.send(earlier);
    const before = project.timeline;
    const result = session.send(say);
    expect({
      reply: result.reply,
      does: result.actions.map((action) => action.type).join('+'),
    }).toEqual({ reply, does });
    if (result.actions.length > 0) {
      expect(replyMismatch(result, session.edits, before, project.timeline)).toEqual({
        namedButUnchanged: [],
        changedButUnnamed: [],
      });
    }
  });
});
