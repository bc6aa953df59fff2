import type { Clip } from '@/lib/timeline/model';

/**
 * Three or four instructions for an empty session, built from the project's own clips so each
 * one works when sent: the interpreter resolves clips by name.
 */
export function suggestInstructions(clips: readonly Clip[]): string[] {
  if (clips.length === 0) return ['Add a title card that says “Hello”', 'Add an outro'];
  const last = clips[clips.length - 1];
  const first = clips[0];
  const suggestions = [`Make the ${last.name} 2 seconds longer`];
  if (first.id !== last.id) suggestions.push(`Add a fade in to the ${first.name}`);
  if (clips.length >= 3) suggestions.push(`Swap clip 2 and clip 3`);
  const loud = clips.find((clip) => clip.kind === 'scene' && !clip.muted);
  if (loud) suggestions.push(`Mute the ${loud.name}`);
  else suggestions.push('Add a title card that says “Hello”');
  return suggestions.slice(0, 4);
}
