/**
 * Clip names and kinds as people misspell them: "the beach scnee", "the intor", "the muisc".
 * Tried only when nothing matches as typed, and only words that are not right as typed count
 * as misspelled, so "the intro" never becomes “Outro music”.
 */
import { isKnownWord, KIND_WORDS } from './lexicon';
import { misspellingCandidates } from './spelling';
import type { Clip, Timeline } from './types';

/** Clip names are a few words; a longer phrase is not a misspelled name, and checking it would only cost time. */
const MAX_WORDS = 5;

/**
 * The clips whose names (or, for one word, kinds) the phrase's words spell, each word as typed or
 * within the misspelling allowance of a word of that clip. `wanted` and `nameWords` share one stemming.
 */
export function clipsNamedLoosely(timeline: Timeline, wanted: readonly string[], nameWords: (name: string) => ReadonlySet<string>): Clip[] {
  if (wanted.length === 0 || wanted.length > MAX_WORDS) return [];
  const vocabulary = new Set<string>();
  for (const clip of timeline) for (const word of nameWords(clip.name)) vocabulary.add(word);
  const kinds = wanted.length === 1 ? Object.keys(KIND_WORDS) : [];
  const meant = wanted.map((word) => (isKnownWord(word) || vocabulary.has(word) ? [] : misspellingCandidates(word, [...vocabulary, ...kinds])));
  if (meant.every((candidates) => candidates.length === 0)) return [];
  return timeline.filter((clip) => {
    const have = nameWords(clip.name);
    return wanted.every(
      (word, index) => have.has(word) || meant[index].some((candidate) => have.has(candidate) || (kinds.length > 0 && KIND_WORDS[candidate] === clip.kind)),
    );
  });
}
