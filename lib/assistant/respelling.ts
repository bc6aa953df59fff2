/**
 * Command words as people misspell them: "shortne the tram ride", "delte the title card", "spead
 * up the outro". Tried only after an instruction was not understood as typed; the interpreter
 * reads each respelled version and acts only if exactly one of them is understood.
 */
import { COMMAND_WORDS, isKnownWord, KIND_WORDS } from './lexicon';
import { outsideQuotes } from './normalize';
import { misspellingCandidates } from './spelling';
import type { Timeline } from './types';

/** Readings tried at most: each is a whole interpretation, so a word with many neighbours stays cheap. */
const MAX_READINGS = 3;
/** Distinct words looked at, so a long instruction costs a bounded number of distance checks. */
const MAX_WORDS = 40;

const WORD = /[a-z]+/gi;

function nameWords(timeline: Timeline): Set<string> {
  const words = new Set<string>(Object.keys(KIND_WORDS));
  for (const clip of timeline) for (const word of clip.name.toLowerCase().match(/[a-z]+/g) ?? []) words.add(word);
  return words;
}

/**
 * The command words a typed word may be a misspelling of: none if it is right as typed, or names
 * a clip, or is a misspelling of a clip's name (that is for the clip's name to settle).
 */
function commandWordsFor(word: string, names: ReadonlySet<string>): string[] {
  if (isKnownWord(word) || names.has(word) || names.has(word.replace(/s$/, ''))) return [];
  if (misspellingCandidates(word, names).length > 0) return [];
  return misspellingCandidates(word, COMMAND_WORDS);
}

/** The instruction with its misspelled command words corrected, one version per way to correct them; [] if none. */
export function respellings(instruction: string, timeline: Timeline): string[] {
  const names = nameWords(timeline);
  const corrections = new Map<string, string[]>();
  outsideQuotes(instruction, (text) => {
    for (const [typed] of text.matchAll(WORD)) {
      const word = typed.toLowerCase();
      if (corrections.size < MAX_WORDS && !corrections.has(word)) corrections.set(word, commandWordsFor(word, names));
    }
    return text;
  });
  let readings: Map<string, string>[] = [new Map<string, string>()];
  for (const [typed, meant] of corrections) {
    if (meant.length === 0) continue;
    readings = readings.flatMap((reading) => meant.map((word) => new Map(reading).set(typed, word))).slice(0, MAX_READINGS);
  }
  if (readings[0].size === 0) return [];
  return readings.map((reading) => outsideQuotes(instruction, (text) => text.replace(WORD, (typed) => reading.get(typed.toLowerCase()) ?? typed)));
}
