import { quote } from '@/lib/timeline/describe';
import type { Clip } from './types';

// The timeline's own wording, for the assistant's modules that build replies from it.
export { formatSeconds } from '@/lib/timeline/durations';
export { formatPercent, formatSpeed, quote } from '@/lib/timeline/describe';

export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** “A”, “A” and “B”, “A”, “B” and “C”. */
function joinNames(names: readonly string[]): string {
  const quoted = names.map(quote);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** Beyond this many clips a reply counts them instead of naming each, to stay readable. */
export const NAMED_CLIPS_LIMIT = 12;

/** Names every clip of a group, so a reply never hides which clips changed; very large groups are counted. */
export function describeClips(clips: readonly Clip[]): string {
  return clips.length <= NAMED_CLIPS_LIMIT ? joinNames(clips.map((clip) => clip.name)) : `${clips.length} clips`;
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export const CAPABILITIES =
  'I can lengthen or shorten clips (or set their duration), move, swap, delete, duplicate, split and rename them, ' +
  'add fades, change speed, set volume or mute, add a title, intro or outro, and undo or redo changes. ' +
  'For example: “make the outro a bit longer”, “move the intro after the beach scene” or “add a title "Chapter 2" after the intro”.';

export const DID_NOT_UNDERSTAND = `Sorry, I didn't understand that. ${CAPABILITIES}`;

export const EMPTY_TIMELINE = 'The timeline is empty, so there is no clip to change yet. You can add one, e.g. “add an intro saying "Welcome"”.';
