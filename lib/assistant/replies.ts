import { formatSeconds } from '@/lib/timeline/durations';
import type { Clip, ClipAttributes } from './types';

export function quote(text: string): string {
  return `“${text}”`;
}

export { formatSeconds };

export function formatSpeed(factor: number): string {
  return `${Number(factor.toFixed(3))}x`;
}

export function formatPercent(percent: number): string {
  return `${Number(percent.toFixed(1))}%`;
}

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

const ATTRIBUTE_LABELS: Record<keyof ClipAttributes, string> = {
  name: 'name',
  kind: 'kind',
  durationMs: 'duration',
  fadeInMs: 'fade-in',
  fadeOutMs: 'fade-out',
  speed: 'speed',
  volume: 'volume',
  muted: 'mute state',
  text: 'text',
};

function formatAttribute(field: keyof ClipAttributes, value: unknown): string {
  switch (field) {
    case 'durationMs':
    case 'fadeInMs':
    case 'fadeOutMs':
      return formatSeconds(Number(value));
    case 'speed':
      return formatSpeed(Number(value));
    case 'volume':
      return formatPercent(Number(value));
    case 'muted':
      return value ? 'muted' : 'not muted';
    default:
      return value === null ? 'none' : quote(String(value));
  }
}

/** One sentence saying how a clip differs from what an edit expected to find. */
export function describeUnexpectedValue(
  clipName: string,
  field: keyof ClipAttributes,
  actual: unknown,
  expected: unknown,
): string {
  if (field === 'muted') return `${quote(clipName)} has been ${actual ? 'muted' : 'unmuted'} since.`;
  const label = ATTRIBUTE_LABELS[field];
  return `The ${label} of ${quote(clipName)} is now ${formatAttribute(field, actual)}, not ${formatAttribute(field, expected)}.`;
}

export const CAPABILITIES =
  'I can lengthen or shorten clips (or set their duration), move, swap, delete, duplicate, split and rename them, ' +
  'add fades, change speed, set volume or mute, add a title, intro or outro, and undo or redo changes. ' +
  'For example: “make the outro a bit longer”, “move the intro after the beach scene” or “add a title "Chapter 2" after the intro”.';

export const DID_NOT_UNDERSTAND = `Sorry, I didn't understand that. ${CAPABILITIES}`;

export const EMPTY_TIMELINE =
  'The timeline is empty, so there is no clip to change yet. You can add one, e.g. “add an intro saying "Welcome"”.';
