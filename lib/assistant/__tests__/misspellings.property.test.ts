import fc from 'fast-check';
import { interpret } from '../interpreter';
import { isKnownWord, KIND_WORDS } from '../lexicon';
import { WHICH_CLIP } from '../references';
import type { AssistantResult, Clip } from '../types';
import { clip } from './fixtures';

/** Plain Damerau–Levenshtein (optimal string alignment), written out in full so it checks the interpreter's bounded one. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The documented allowance: 0 typos up to 3 letters, 1 up to 7, 2 from 8, by the shorter word. */
function isClose(typed: string, name: string): boolean {
  const shorter = Math.min(typed.length, name.length);
  const allowed = shorter <= 3 ? 0 : shorter <= 7 ? 1 : 2;
  return typed !== name && distance(typed, name) <= allowed;
}

// No "s", so the crude plural stemming never changes a word.
const CONSONANTS = 'bdfgklmnprtvz'.split('');
const VOWELS = 'aeiou'.split('');
const LETTERS = [...CONSONANTS, ...VOWELS];

/** Made-up one-word names that are no English word: consonant, vowel, consonant, … (5 to 9 letters). */
const madeUpWord = fc
  .array(fc.tuple(fc.constantFrom(...CONSONANTS), fc.constantFrom(...VOWELS)), { minLength: 3, maxLength: 4 })
  .chain((pairs) => fc.constantFrom(...CONSONANTS).map((last) => pairs.flat().join('') + last))
  .filter((word) => word.length <= 9);

/** One typo: a substitution, a deletion, an insertion or a swap of neighbouring letters. */
const typoOf = (word: string) =>
  fc.tuple(fc.constantFrom('substitute', 'delete', 'insert', 'swap'), fc.nat(word.length - 1), fc.constantFrom(...LETTERS)).map(([kind, at, letter]) => {
    if (kind === 'substitute') return word.slice(0, at) + letter + word.slice(at + 1);
    if (kind === 'delete') return word.slice(0, at) + word.slice(at + 1);
    if (kind === 'insert') return word.slice(0, at) + letter + word.slice(at);
    const next = Math.min(at + 1, word.length - 1);
    return word.slice(0, at) + word[next] + word[at] + word.slice(next + 1);
  });

const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);

function mute(typed: string, timeline: readonly Clip[]): AssistantResult {
  return interpret({ timeline, context: { messages: [], edits: [] }, instruction: `mute the ${typed}` }, { newClipId: () => 'new' });
}

/** A typo that could only be read as a clip's name: not a word the assistant knows, not near a kind word. */
function isPlainTypo(typed: string): boolean {
  return !isKnownWord(typed) && !Object.keys(KIND_WORDS).some((kind) => typed === kind || isClose(typed, kind));
}

describe('misspelled clip names', () => {
  it('edit the one clip a misspelling is close to, and no other', () => {
    const scenario = fc
      .uniqueArray(madeUpWord, { minLength: 2, maxLength: 6 })
      .chain((words) => fc.tuple(fc.constant(words), fc.nat(words.length - 1)))
      .chain(([words, target]) => fc.tuple(fc.constant(words), fc.constant(target), typoOf(words[target])));
    fc.assert(
      fc.property(scenario, ([words, target, typed]) => {
        const close = words.filter((word) => isClose(typed, word));
        fc.pre(typed.length >= 4 && !words.includes(typed) && close.length === 1 && close[0] === words[target]);
        fc.pre(isPlainTypo(typed));
        const timeline = words.map((word, index) => clip(`clip-${index}`, capitalized(word), 'scene', 5 + index));
        const result = mute(typed, timeline);
        expect(result.reply).toBe(`Muted “${capitalized(words[target])}”.`);
        const operations = result.actions.flatMap((action) => (action.type === 'apply' ? action.edit.operations : []));
        expect(operations).toEqual([{ type: 'update', clipId: `clip-${target}`, before: { muted: false }, after: { muted: true } }]);
      }),
      { numRuns: 300 },
    );
  });

  it('ask, naming both, when a misspelling is equally close to two clips', () => {
    const scenario = fc.tuple(
      madeUpWord,
      fc.nat(8),
      fc.uniqueArray(fc.constantFrom(...LETTERS), { minLength: 3, maxLength: 3 }),
      fc.uniqueArray(madeUpWord, { maxLength: 3 }),
    );
    fc.assert(
      fc.property(scenario, ([word, position, [first, second, typedLetter], others]) => {
        const at = position % word.length;
        const spell = (letter: string) => word.slice(0, at) + letter + word.slice(at + 1);
        const [one, two, typed] = [spell(first), spell(second), spell(typedLetter)];
        fc.pre(isPlainTypo(typed) && ![one, two].includes(typed));
        const far = others.filter((other) => other !== one && other !== two && other !== typed && !isClose(typed, other));
        const names = [one, two, ...far];
        const timeline = names.map((name, index) => clip(`clip-${index}`, capitalized(name), 'scene', 5 + index));
        const result = mute(typed, timeline);
        expect(result.actions).toEqual([]);
        expect(result.reply.startsWith(WHICH_CLIP)).toBe(true);
        expect(result.reply).toContain(`“${capitalized(one)}”`);
        expect(result.reply).toContain(`“${capitalized(two)}”`);
      }),
      { numRuns: 300 },
    );
  });
});
