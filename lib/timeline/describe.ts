import { formatSeconds } from './durations';
import type { ClipAttributes } from './model';

/*
 * How clips and their values read in sentences: replies, conflict messages and the changes a
 * checkpoint restore would make all word them the same way.
 */

export function quote(text: string): string {
  return `“${text}”`;
}

export function formatSpeed(factor: number): string {
  return `${Number(factor.toFixed(3))}x`;
}

export function formatPercent(percent: number): string {
  return `${Number(percent.toFixed(1))}%`;
}

/** A clip attribute's value: 5.0 s, 1.5x, 80%, “Intro”, none. `mutedAs`: the words for muted and not. */
export function formatAttribute(field: keyof ClipAttributes, value: unknown, mutedAs: readonly [string, string] = ['muted', 'not muted']): string {
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
      return value ? mutedAs[0] : mutedAs[1];
    default:
      if (value === null) return 'none';
      // Names, kinds and card texts are strings; any other value reads as its JSON, not "[object Object]".
      return quote(typeof value === 'string' ? value : JSON.stringify(value));
  }
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

/** One sentence saying how a clip differs from what an edit expected to find. */
export function describeUnexpectedValue(clipName: string, field: keyof ClipAttributes, actual: unknown, expected: unknown): string {
  if (field === 'muted') return `${quote(clipName)} has been ${actual ? 'muted' : 'unmuted'} since.`;
  return `The ${ATTRIBUTE_LABELS[field]} of ${quote(clipName)} is now ${formatAttribute(field, actual)}, not ${formatAttribute(field, expected)}.`;
}
