import { refuse, type EditOutcome } from './outcome';
import { quote } from './replies';
import type { Clip } from './types';

interface ValueChange {
  clip: Clip;
  from: string;
  to: string;
}

/** ": 5.0 s → 7.0 s" for one clip, ": “A” 4.0 s → 6.0 s, “B” …" for several. */
export function describeChanges(changes: readonly ValueChange[]): string {
  if (changes.length === 1) return `: ${changes[0].from} → ${changes[0].to}`;
  return `: ${changes.map(({ clip, from, to }) => `${quote(clip.name)} ${from} → ${to}`).join(', ')}`;
}

/** "“Intro” is already muted." / "Those clips are already muted." */
export function alreadyReply(clips: readonly Clip[], singular: string, plural: string): EditOutcome {
  return refuse(clips.length === 1 ? `${quote(clips[0].name)} ${singular}.` : `Those clips ${plural}.`);
}
