/**
 * Words the generator combines into session titles and project names. A session's title is
 * its first instruction, so titles read like what people type to CoDirector.
 */

/** `{clip}` is replaced by one of CLIP_REFERENCES. */
export const INSTRUCTION_TEMPLATES: readonly string[] = [
  'Make {clip} a bit longer',
  'Trim {clip} by 2 seconds',
  'Fade out {clip}',
  'Add a 1 second fade in to {clip}',
  'Mute {clip}',
  'Speed up {clip} to 1.5x',
  'Slow {clip} down a little',
  'Delete {clip}',
  'Duplicate {clip}',
  'Split {clip} in half',
  'Move {clip} to the end',
  'Set the volume of {clip} to 60%',
  'Rename {clip} to "Golden hour"',
  'Shorten {clip} to 5 seconds',
  'Can you make {clip} punchier?',
  'Swap {clip} with the next one',
  'Put a title card before {clip}',
];

export const CLIP_REFERENCES: readonly string[] = [
  'the intro',
  'the outro',
  'the second clip',
  'clip 3',
  'the last clip',
  'the beach scene',
  'the opening shot',
  'the main scene',
  'the title card',
  'the drone shot',
  'the interview',
  'the sunset scene',
  'the tram ride',
];

export const PROJECT_SUBJECTS: readonly string[] = [
  'Wedding highlights',
  'Product launch teaser',
  'Road trip vlog',
  'Cooking in Porto',
  'Conference recap',
  'Skate session',
  'Family reunion',
  'Marathon day',
  'Studio tour',
  'Tutorial: color grading',
  'Mountain hike',
  'Concert night',
];

export const FOLLOW_UPS = {
  undo: 'Actually, undo that last change',
  undone: 'Undid it: the timeline is back to how it was.',
  repeat: 'Do the same thing to the second clip',
  repeated: 'Done: the same change on the second clip.',
} as const;
