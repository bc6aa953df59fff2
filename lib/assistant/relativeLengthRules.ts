/**
 * Lengths said by pointing at other clips: "as long as the title card", "the same length as the
 * beach scene", "the beach scene and the tram ride put together", "half the length of the
 * interview", "2 seconds longer than the outro". What is only half said ("the same as the outro",
 * "make it half") is asked about rather than guessed.
 */
import { clarify, markedDuration, reference, rule, splitTrailing, type ParsedCommand, type Quotes, type Rule } from './grammar';
import { parseMultiplier } from './numbers';
import type { LengthReading } from './requestedSpec';

/** Multipliers said before "as long" or "the length of": "twice", "half", "two thirds", "1.5 times". */
export const TIMES =
  'twice|half|double|triple|thrice|(?:a|one|two) thirds?|(?:a|one|three) quarters?|(?:a|one) (?:half|fifth|tenth)|[\\w.]+(?: and a half)? times';

const LIKE = '(?:as long as|the same (?:length|duration) as|equal in length to|just as long as|as lengthy as)';
const TOGETHER = / (?:put together|combined|together|added together|added up|in total)$/i;
/** "as long as it was", "as long as before": the clip's own earlier length, which undo gives back. */
const ITS_OWN_LENGTH = /^(?:before|it was|they were|originally|it used to be|at first)(?: it)?$/i;
/** A sum is a few clip names; longer text is not one, so the readings stay few. */
const MAX_WORDS = 16;

/** "the beach scene and the tram ride put together" → the phrase, and whether it says "together". */
function measured(source: string): { phrase: string; together: boolean } {
  const together = TOGETHER.test(source);
  const phrase = source
    .replace(TOGETHER, '')
    .replace(/ (?:plus|\+) /gi, ' and ')
    .replace(/(?:'s| s) (?:length|duration)$/i, '');
  return { phrase, together };
}

function matchLength(readings: LengthReading[], factorText: string | undefined, together: boolean, plusMs = 0): ParsedCommand | null {
  const times = factorText === undefined ? 1 : parseMultiplier(factorText);
  if (times === null || readings.length === 0) return null;
  return { type: 'edit', spec: { action: 'matchLength', readings, times, plusMs, together }, targets: [] };
}

/** One reading: the target and the measured clips as written either side of a fixed separator. */
function oneReading(target: string | undefined, source: string, quotes: Quotes): LengthReading[] {
  const changed = reference(target?.replace(/^(?:the )?(?:length|duration) of /i, ''), quotes);
  const of = reference(source, quotes);
  return changed && of ? [{ target: changed, of }] : [];
}

/** Every way to split "the intro the beach scene and the tram ride" into two clip references. */
function everyReading(body: string, quotes: Quotes): LengthReading[] {
  const words = body.split(' ');
  if (words.length > MAX_WORDS) return [];
  const readings: LengthReading[] = [];
  for (let cut = 1; cut < words.length; cut++) {
    const measuredPart = words
      .slice(cut)
      .join(' ')
      .replace(/^to (?:be )?/i, '');
    readings.push(...oneReading(words.slice(0, cut).join(' '), measuredPart, quotes));
  }
  return readings;
}

export const RELATIVE_LENGTH_RULES: readonly Rule[] = [
  // "make the outro as long as the title card", "make the intro twice as long as the outro".
  rule(
    new RegExp(`^(?:make|have|set|change|get|give) (?<target>.+?) (?:to (?:be )?)?(?:(?<factor>${TIMES}) )?${LIKE} (?<source>.+)$`, 'i'),
    ({ target = '', factor, source = '' }, quotes) => {
      if (ITS_OWN_LENGTH.test(source)) {
        return clarify(`To give ${target} back its earlier length, say “undo” (the last change) or “restore ${target}” (its last change).`);
      }
      // "as long as" with nothing after it, which a bare verb's "it" would otherwise complete.
      if (/^it$/i.test(source)) return null;
      const { phrase, together } = measured(source.replace(/ (?:is|was|is now|are|were)$/i, ''));
      return matchLength(oneReading(target, phrase, quotes), factor, together);
    },
  ),
  // "make the intro the length of the outro", "set it to half the length of the interview".
  rule(
    new RegExp(`^(?:make|set|change) (?<target>.+?) (?:to )?(?:(?<factor>${TIMES}) )?(?:of )?the (?:length|duration) of (?<source>.+)$`, 'i'),
    ({ target, factor, source = '' }, quotes) => {
      const { phrase, together } = measured(source);
      return matchLength(oneReading(target, phrase, quotes), factor, together);
    },
  ),
  // "set the intro to the outro's length".
  rule(/^(?:set|change) (?<target>.+?) to (?<source>.+?)(?:'s| s) (?:length|duration)$/i, ({ target, source = '' }, quotes) =>
    matchLength(oneReading(target, source, quotes), undefined, false),
  ),
  // "match the intro's length to the outro", "match the length of the intro to the outro's".
  rule(
    /^match (?:the (?:length|duration) of (?<target>.+?)|(?<owner>.+?)(?:'s| s)? (?:length|duration)) (?:to|with) (?:the (?:length|duration) of )?(?<source>.+?)(?:(?:'s| s)(?: (?:length|duration))?)?$/i,
    ({ target, owner, source = '' }, quotes) => {
      const { phrase, together } = measured(source);
      return matchLength(oneReading(target ?? owner, phrase, quotes), undefined, together);
    },
  ),
  // "make the intro the beach scene and the tram ride put together": nothing says where the target ends.
  rule(/^(?:make|set) (?<body>.+ (?:and|plus|\+) .+?) (?:put together|combined|together|added together|added up)$/i, ({ body = '' }, quotes) =>
    matchLength(everyReading(body.replace(/ (?:plus|\+) /gi, ' and '), quotes), undefined, true),
  ),
  // "make the intro 2 seconds longer than the outro".
  rule(/^make (?<head>.+?) (?<direction>longer|shorter) than (?<source>.+)$/i, ({ head = '', direction = '', source = '' }, quotes) => {
    const split = splitTrailing(head, markedDuration);
    if (!split)
      return clarify(`How much ${direction.toLowerCase()} than ${source}? For example: “make ${head} 2 seconds ${direction.toLowerCase()} than ${source}”.`);
    const sign = direction.toLowerCase() === 'longer' ? 1 : -1;
    return matchLength(oneReading(split.head, source, quotes), undefined, false, sign * split.value);
  }),
  // Half said: as long as what, which of the clip's qualities should match, or be halved?
  rule(/^(?:make|give) (?<target>.+?) (?:the same (?:length|duration)|just as long|equally long)$/i, ({ target = '' }, quotes) =>
    reference(target, quotes)
      ? clarify(`As long as which clip? For example: “make ${target} as long as ${/\boutro\b/i.test(target) ? 'the intro' : 'the outro'}”.`)
      : null,
  ),
  rule(/^(?:make|set) (?<target>.+?) (?:the same as|identical to|match) (?<source>.+)$/i, ({ target = '', source = '' }, quotes) =>
    reference(target, quotes) && reference(source, quotes)
      ? clarify(`The same length, speed or volume as ${source}? For example: “make ${target} as long as ${source}”.`)
      : null,
  ),
  rule(/^match (?<target>.+?) (?:to|with) (?<source>.+)$/i, ({ target = '', source = '' }, quotes) =>
    reference(target, quotes) && reference(source, quotes)
      ? clarify(`Match the length, speed or volume of ${source}? For example: “make ${target} as long as ${source}”.`)
      : null,
  ),
  rule(/^make (?<target>.+?) (?<factor>half|double|twice|triple|a third|two thirds|a quarter|three quarters)$/i, ({ target = '', factor = '' }, quotes) => {
    const times = factor.toLowerCase() === 'double' ? 'twice' : factor.toLowerCase() === 'triple' ? 'three times' : factor;
    return reference(target, quotes)
      ? clarify(`As long, or as fast? For example: “make ${target} ${times} as long” or “make ${target} ${times} as fast”.`)
      : null;
  }),
];
