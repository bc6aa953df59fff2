import type { CorpusCase, CorpusFamily } from './corpus';

/**
 * Misspelled clip names, kinds and command words: matched within the distance allowed for the
 * word's length when exactly one clip (or command word) is that close; otherwise asked about.
 */
const CLIP_NAMES: CorpusCase[] = [
  {
    on: 'fixture',
    say: 'make the outor a bit longer',
    reply: 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.',
    changes: { outro: { durationMs: 7000 } },
  },
  { on: 'fixture', say: 'mute the intor', reply: 'Muted “Intro”.', changes: { intro: { muted: true } } },
  {
    on: 'fixture',
    say: 'trim the beach scnee by 1 second',
    reply: 'Made “Beach scene” 1.0 s shorter: 12.0 s → 11.0 s.',
    changes: { beach: { durationMs: 11000 } },
  },
  {
    on: 'fixture',
    say: 'fade in the beech scene',
    reply: 'Added a 1.0 s fade-in to “Beach scene”.',
    changes: { beach: { fadeInMs: 1000 } },
  },
  {
    on: 'fixture',
    say: 'make the interveiw shorter',
    reply: 'Made “Interview” 2.0 s shorter: 20.0 s → 18.0 s.',
    changes: { interview: { durationMs: 18000 } },
  },
  {
    on: 'fixture',
    say: 'mute the backround music',
    reply: 'Muted “Background music”.',
    changes: { music: { muted: true } },
  },
  { on: 'fixture', say: 'mute the muisc', reply: 'Muted “Background music”.', changes: { music: { muted: true } } },
  { on: 'fixture', say: 'delete the tilte card', reply: 'Deleted “Title card”.', changes: {}, removed: ['title'] },
  {
    on: 'fixture',
    say: 'speed up the ctiy scene',
    reply: 'Sped up “City scene” to 2x: 9.0 s → 4.5 s.',
    changes: { city: { speed: 2, durationMs: 4500 } },
  },
  {
    on: 'fixture',
    say: 'set the volume of the backgruond music to 50%',
    reply: 'Set the volume of “Background music” to 50% (was 100%).',
    changes: { music: { volume: 50 } },
  },
  {
    on: 'fixture',
    say: 'move the outor to the start',
    reply: 'Moved “Outro” to the start: position 6 → 1.',
    changes: {},
    order: ['outro', 'intro', 'beach', 'city', 'interview', 'title', 'music'],
  },
  {
    on: 'fixture',
    say: 'rename the intor to Opening',
    reply: 'Renamed “Intro” to “Opening”.',
    changes: { intro: { name: 'Opening' } },
  },
  {
    on: 'fixture',
    say: 'mute the scnees',
    reply: 'Muted “Beach scene”, “City scene” and “Interview”.',
    changes: { beach: { muted: true }, city: { muted: true }, interview: { muted: true } },
  },
  { on: 'starter', say: 'mute the intor', reply: 'Muted “Intro”.', changes: { intro: { muted: true } } },
  {
    on: 'starter',
    say: 'make the openign shot longer',
    reply: 'Made “Opening shot” 2.0 s longer: 8.0 s → 10.0 s.',
    changes: { opening: { durationMs: 10000 } },
  },
  {
    on: 'starter',
    say: 'fade out the oturo',
    reply: 'Added a 1.0 s fade-out to “Outro”.',
    changes: { outro: { fadeOutMs: 1000 } },
  },
  {
    on: 'starter',
    say: 'speed up the mian scene',
    reply: 'Sped up “Main scene” to 2x: 15.0 s → 7.5 s.',
    changes: { main: { speed: 2, durationMs: 7500 } },
  },
  {
    on: 'starter',
    say: 'shorten the main scnee by 5 seconds',
    reply: 'Made “Main scene” 5.0 s shorter: 15.0 s → 10.0 s.',
    changes: { main: { durationMs: 10000 } },
  },
  { on: 'travel', say: 'mute the tarm ride', reply: 'Muted “Tram ride”.', changes: { tram: { muted: true } } },
  {
    on: 'travel',
    say: 'fade out the sunset timelpase',
    reply: 'Added a 1.0 s fade-out to “Sunset timelapse”.',
    changes: { sunset: { fadeOutMs: 1000 } },
  },
  {
    on: 'travel',
    say: 'shorten the arival at the airport',
    reply: 'Made “Arrival at the airport” 2.0 s shorter: 9.0 s → 7.0 s.',
    changes: { airport: { durationMs: 7000 } },
  },
  {
    on: 'travel',
    say: 'make the beahc scene 3 seconds longer',
    reply: 'Made “Beach scene” 3.0 s longer: 12.0 s → 15.0 s.',
    changes: { beach: { durationMs: 15000 } },
  },
  {
    on: 'travel',
    say: 'fade in the sunst timelapse',
    reply: 'Added a 1.0 s fade-in to “Sunset timelapse”.',
    changes: { sunset: { fadeInMs: 1000 } },
  },
  {
    on: 'travel',
    say: 'make the outro as long as the tilte card',
    reply: 'Set “Outro” to 3.0 s: 5.0 s → 3.0 s.',
    changes: { outro: { durationMs: 3000 } },
  },
  {
    on: 'lookalikes',
    say: 'fade out the trian ride',
    reply: 'Added a 1.0 s fade-out to “Train ride”.',
    changes: { train: { fadeOutMs: 1000 } },
  },
  { on: 'lookalikes', say: 'mute the harbr', reply: 'Muted “Harbor”.', changes: { harbor: { muted: true } } },
  // An exact name always wins over a near one.
  { on: 'lookalikes', say: 'mute the harbour', reply: 'Muted “Harbour”.', changes: { harbour: { muted: true } } },
  { on: 'lookalikes', say: 'mute the harbor', reply: 'Muted “Harbor”.', changes: { harbor: { muted: true } } },
  {
    on: 'lookalikes',
    given: ['mute the tran ride'],
    say: 'the train one',
    reply: 'Muted “Train ride”.',
    changes: { train: { muted: true } },
  },
];

const COMMAND_WORDS: CorpusCase[] = [
  {
    on: 'travel',
    say: 'shortne the tram ride',
    reply: 'Made “Tram ride” 2.0 s shorter: 10.0 s → 8.0 s.',
    changes: { tram: { durationMs: 8000 } },
  },
  { on: 'travel', say: 'delte the title card', reply: 'Deleted “Title card”.', changes: {}, removed: ['title'] },
  {
    on: 'fixture',
    say: 'spead up the outro',
    reply: 'Sped up “Outro” to 2x: 5.0 s → 2.5 s.',
    changes: { outro: { speed: 2, durationMs: 2500 } },
  },
  {
    on: 'starter',
    say: 'shortne the main scene',
    reply: 'Made “Main scene” 2.0 s shorter: 15.0 s → 13.0 s.',
    changes: { main: { durationMs: 13000 } },
  },
  {
    on: 'starter',
    say: 'lenghten the outro by 2 seconds',
    reply: 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.',
    changes: { outro: { durationMs: 7000 } },
  },
  { on: 'fixture', say: 'remvoe the title card', reply: 'Deleted “Title card”.', changes: {}, removed: ['title'] },
  {
    on: 'fixture',
    say: 'slwo down the outro',
    reply: 'Slowed down “Outro” to 0.5x: 5.0 s → 10.0 s.',
    changes: { outro: { speed: 0.5, durationMs: 10000 } },
  },
  {
    on: 'fixture',
    say: 'mkae the outro longer',
    reply: 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.',
    changes: { outro: { durationMs: 7000 } },
  },
  {
    on: 'fixture',
    say: 'make the intro slowr',
    reply: 'Slowed down “Intro” to 0.5x: 4.0 s → 8.0 s.',
    changes: { intro: { speed: 0.5, durationMs: 8000 } },
  },
  {
    on: 'fixture',
    say: 'lengthen the outro by 2 secnods',
    reply: 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.',
    changes: { outro: { durationMs: 7000 } },
  },
  {
    on: 'fixture',
    say: 'shorten the intro by 1 secodn',
    reply: 'Made “Intro” 1.0 s shorter: 4.0 s → 3.0 s.',
    changes: { intro: { durationMs: 3000 } },
  },
  {
    on: 'fixture',
    given: ['mute the music'],
    say: 'unmtue the music',
    reply: 'Unmuted “Background music”.',
    changes: { music: { muted: false } },
  },
  {
    on: 'fixture',
    say: 'make the Outro a bit longre',
    reply: 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.',
    changes: { outro: { durationMs: 7000 } },
  },
  {
    on: 'fixture',
    say: 'swpa the intro and the outro',
    reply: 'Swapped “Intro” and “Outro”: “Intro” is now at position 6 and “Outro” at position 1.',
    changes: {},
    order: ['outro', 'beach', 'city', 'interview', 'title', 'intro', 'music'],
  },
  {
    on: 'fixture',
    say: 'fade in the intro and shortne the outro',
    reply: 'Added a 1.0 s fade-in to “Intro”. Made “Outro” 2.0 s shorter: 5.0 s → 3.0 s.',
    changes: { intro: { fadeInMs: 1000 }, outro: { durationMs: 3000 } },
  },
  {
    on: 'starter',
    say: 'shortne the intor',
    reply: 'Made “Intro” 2.0 s shorter: 4.0 s → 2.0 s.',
    changes: { intro: { durationMs: 2000 } },
  },
  {
    on: 'fixture',
    say: 'trim the scnee',
    reply: 'Which clip do you mean? “scnee” is close to 3 clips: “Beach scene”, “City scene”, “Interview”.',
  },
  {
    on: 'fixture',
    given: ['shortne the scene'],
    say: 'the city one',
    reply: 'Made “City scene” 2.0 s shorter: 9.0 s → 7.0 s.',
    changes: { city: { durationMs: 7000 } },
  },
];

export const MISSPELLINGS: CorpusFamily[] = [
  { family: 'misspelled clip names and kinds', cases: CLIP_NAMES },
  { family: 'misspelled command words', cases: COMMAND_WORDS },
];
