import { describeTimeline, FIXTURE, Project } from './fixtures';

/** Each step: what the user types, what CoDirector answers, and the whole timeline afterwards. */
const CONVERSATION: [instruction: string, reply: string, timeline: string[]][] = [
  [
    'make the outro a bit longer',
    'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.',
    ['Intro 4s', 'Beach scene 12s', 'City scene 9s', 'Interview 20s', 'Title card 3s', 'Outro 7s', 'Background music 60s'],
  ],
  [
    'actually, undo that last change',
    'Undid: made “Outro” 2.0 s longer. “Outro” is back to 5.0 s.',
    ['Intro 4s', 'Beach scene 12s', 'City scene 9s', 'Interview 20s', 'Title card 3s', 'Outro 5s', 'Background music 60s'],
  ],
  [
    'do the same thing to the second clip',
    'Made “Beach scene” 2.0 s longer: 12.0 s → 14.0 s.',
    ['Intro 4s', 'Beach scene 14s', 'City scene 9s', 'Interview 20s', 'Title card 3s', 'Outro 5s', 'Background music 60s'],
  ],
  [
    'redo',
    "There's nothing to redo: changes were made after the last undo.",
    ['Intro 4s', 'Beach scene 14s', 'City scene 9s', 'Interview 20s', 'Title card 3s', 'Outro 5s', 'Background music 60s'],
  ],
  [
    'fade it in',
    'Added a 1.0 s fade-in to “Beach scene”.',
    ['Intro 4s', 'Beach scene 14s fade-in 1s', 'City scene 9s', 'Interview 20s', 'Title card 3s', 'Outro 5s', 'Background music 60s'],
  ],
  [
    'move it after the city scene',
    'Moved “Beach scene” after “City scene”: position 2 → 3.',
    ['Intro 4s', 'City scene 9s', 'Beach scene 14s fade-in 1s', 'Interview 20s', 'Title card 3s', 'Outro 5s', 'Background music 60s'],
  ],
  [
    'swap the intro and the outro',
    'Swapped “Intro” and “Outro”: “Intro” is now at position 6 and “Outro” at position 1.',
    ['Outro 5s', 'City scene 9s', 'Beach scene 14s fade-in 1s', 'Interview 20s', 'Title card 3s', 'Intro 4s', 'Background music 60s'],
  ],
  [
    'undo',
    'Undid: swapped “Intro” and “Outro”.',
    ['Intro 4s', 'City scene 9s', 'Beach scene 14s fade-in 1s', 'Interview 20s', 'Title card 3s', 'Outro 5s', 'Background music 60s'],
  ],
  [
    'undo',
    'Undid: moved “Beach scene” after “City scene”.',
    ['Intro 4s', 'Beach scene 14s fade-in 1s', 'City scene 9s', 'Interview 20s', 'Title card 3s', 'Outro 5s', 'Background music 60s'],
  ],
  [
    'redo',
    'Redid: moved “Beach scene” after “City scene”.',
    ['Intro 4s', 'City scene 9s', 'Beach scene 14s fade-in 1s', 'Interview 20s', 'Title card 3s', 'Outro 5s', 'Background music 60s'],
  ],
  [
    'delete the interview',
    'Deleted “Interview”.',
    ['Intro 4s', 'City scene 9s', 'Beach scene 14s fade-in 1s', 'Title card 3s', 'Outro 5s', 'Background music 60s'],
  ],
  [
    'add a title "Chapter 2" after the intro',
    'Added title “Chapter 2” after “Intro” (3.0 s, position 2).',
    ['Intro 4s', 'Chapter 2 3s', 'City scene 9s', 'Beach scene 14s fade-in 1s', 'Title card 3s', 'Outro 5s', 'Background music 60s'],
  ],
  [
    'make it 5 seconds long',
    'Set “Chapter 2” to 5.0 s: 3.0 s → 5.0 s.',
    ['Intro 4s', 'Chapter 2 5s', 'City scene 9s', 'Beach scene 14s fade-in 1s', 'Title card 3s', 'Outro 5s', 'Background music 60s'],
  ],
  [
    'split the beach scene at 4 seconds',
    'Split “Beach scene” at 4.0 s into “Beach scene (part 1)” (4.0 s) and “Beach scene (part 2)” (10.0 s).',
    [
      'Intro 4s',
      'Chapter 2 5s',
      'City scene 9s',
      'Beach scene (part 1) 4s fade-in 1s',
      'Beach scene (part 2) 10s',
      'Title card 3s',
      'Outro 5s',
      'Background music 60s',
    ],
  ],
  [
    'delete the clip after it',
    'Deleted “Beach scene (part 2)”.',
    ['Intro 4s', 'Chapter 2 5s', 'City scene 9s', 'Beach scene (part 1) 4s fade-in 1s', 'Title card 3s', 'Outro 5s', 'Background music 60s'],
  ],
  [
    'undo that',
    'Undid: deleted “Beach scene (part 2)”. “Beach scene (part 2)” is back at position 5.',
    [
      'Intro 4s',
      'Chapter 2 5s',
      'City scene 9s',
      'Beach scene (part 1) 4s fade-in 1s',
      'Beach scene (part 2) 10s',
      'Title card 3s',
      'Outro 5s',
      'Background music 60s',
    ],
  ],
  [
    'mute the music',
    'Muted “Background music”.',
    [
      'Intro 4s',
      'Chapter 2 5s',
      'City scene 9s',
      'Beach scene (part 1) 4s fade-in 1s',
      'Beach scene (part 2) 10s',
      'Title card 3s',
      'Outro 5s',
      'Background music 60s muted',
    ],
  ],
  [
    'set its volume to 40%',
    'Set the volume of “Background music” to 40% (was 100%). “Background music” is still muted.',
    [
      'Intro 4s',
      'Chapter 2 5s',
      'City scene 9s',
      'Beach scene (part 1) 4s fade-in 1s',
      'Beach scene (part 2) 10s',
      'Title card 3s',
      'Outro 5s',
      'Background music 60s vol 40% muted',
    ],
  ],
  [
    'speed up the city scene',
    'Sped up “City scene” to 2x: 9.0 s → 4.5 s.',
    [
      'Intro 4s',
      'Chapter 2 5s',
      'City scene 4.5s 2x',
      'Beach scene (part 1) 4s fade-in 1s',
      'Beach scene (part 2) 10s',
      'Title card 3s',
      'Outro 5s',
      'Background music 60s vol 40% muted',
    ],
  ],
  [
    'do that again',
    'Sped up “City scene” to 4x: 4.5 s → 2.25 s.',
    [
      'Intro 4s',
      'Chapter 2 5s',
      'City scene 2.25s 4x',
      'Beach scene (part 1) 4s fade-in 1s',
      'Beach scene (part 2) 10s',
      'Title card 3s',
      'Outro 5s',
      'Background music 60s vol 40% muted',
    ],
  ],
  [
    'undo the last 2 changes',
    'Undid 2 changes: sped up “City scene” to 4x; sped up “City scene” to 2x. “City scene” is back to 9.0 s.',
    [
      'Intro 4s',
      'Chapter 2 5s',
      'City scene 9s',
      'Beach scene (part 1) 4s fade-in 1s',
      'Beach scene (part 2) 10s',
      'Title card 3s',
      'Outro 5s',
      'Background music 60s vol 40% muted',
    ],
  ],
  [
    'make every scene 1 second shorter',
    'Made “City scene”, “Beach scene (part 1)” and “Beach scene (part 2)” 1.0 s shorter: “City scene” 9.0 s → 8.0 s, “Beach scene (part 1)” 4.0 s → 3.0 s, “Beach scene (part 2)” 10.0 s → 9.0 s.',
    [
      'Intro 4s',
      'Chapter 2 5s',
      'City scene 8s',
      'Beach scene (part 1) 3s fade-in 1s',
      'Beach scene (part 2) 9s',
      'Title card 3s',
      'Outro 5s',
      'Background music 60s vol 40% muted',
    ],
  ],
  [
    'undo everything',
    'Undid 10 changes: made “City scene”, “Beach scene (part 1)” and “Beach scene (part 2)” 1.0 s shorter; ' +
      'set the volume of “Background music” to 40%; muted “Background music”; split “Beach scene” at 4.0 s; ' +
      'set “Chapter 2” to 5.0 s; added title “Chapter 2” after “Intro”; deleted “Interview”; ' +
      'moved “Beach scene” after “City scene”; added a 1.0 s fade-in to “Beach scene”; made “Beach scene” 2.0 s longer. ' +
      '“Interview” is back at position 4. “Beach scene (part 2)” is removed. “Chapter 2” is removed. ' +
      '“Beach scene” is back to 12.0 s. “City scene” is back to 9.0 s.',
    ['Intro 4s', 'Beach scene 12s', 'City scene 9s', 'Interview 20s', 'Title card 3s', 'Outro 5s', 'Background music 60s'],
  ],
  [
    'redo',
    'Redid: made “Beach scene” 2.0 s longer. “Beach scene” is now 14.0 s.',
    ['Intro 4s', 'Beach scene 14s', 'City scene 9s', 'Interview 20s', 'Title card 3s', 'Outro 5s', 'Background music 60s'],
  ],
];

test('a 24-step conversation resolves every follow-up against the session and keeps the timeline exact', () => {
  const project = new Project();
  const session = project.startSession();
  for (const [index, [instruction, reply, timeline]] of CONVERSATION.entries()) {
    const result = session.send(instruction);
    expect({ step: index + 1, instruction, reply: result.reply, timeline: describeTimeline(project.timeline) }).toEqual({
      step: index + 1,
      instruction,
      reply,
      timeline,
    });
  }
});

test('undoing everything in the conversation restores the original clips exactly', () => {
  const project = new Project();
  const session = project.startSession();
  const untilUndoEverything = CONVERSATION.findIndex(([instruction]) => instruction === 'undo everything');
  for (const [instruction] of CONVERSATION.slice(0, untilUndoEverything + 1)) session.send(instruction);
  expect(project.timeline).toEqual(FIXTURE);
});
