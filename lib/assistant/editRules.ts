/** The editing vocabulary, in the order rules are tried. */
import { ARRANGEMENT_RULES } from './arrangementRules';
import { ATTRIBUTE_RULES } from './attributeRules';
import { CARD_RULES } from './cardRules';
import type { EditSpec } from './editSpec';
import { clarify, edit, markedDuration, reference, rule, splitTrailing, type Rule } from './grammar';
import { parsePercent, parseSpeedFactor } from './numbers';
import type { ClipReference } from './references';
import { TIMING_RULES } from './timingRules';

/** The value in "make/set X <value>"; its unit says what changes: "10 seconds", "2x", "50%". */
function settingFor(text: string): EditSpec<ClipReference> | null {
  const value = text.replace(/ (?:long|in length)$/i, '');
  const durationMs = markedDuration(value);
  if (durationMs !== null) return { action: 'setDuration', amountMs: durationMs };
  if (/(?:speed|x|times)$|^x/i.test(value)) {
    const factor = parseSpeedFactor(value, { bareNumber: false });
    return factor === null ? null : { action: 'setSpeed', factor };
  }
  const percent = /(?:%|percent)$/i.test(value) ? parsePercent(value, { bareNumber: false }) : null;
  return percent === null ? null : { action: 'setVolume', percent };
}

const GENERIC_SETTING: Rule = rule(/^(?:set|change|make|turn) (?<rest>.+)$/i, ({ rest = '' }, quotes) => {
  const split = splitTrailing(rest, settingFor);
  return split && edit(split.value, reference(split.head.replace(/ (?:to|into|be|at)$/i, ''), quotes));
});

/** "make the intro 2": seconds or a speed? Asked, not guessed. */
const BARE_NUMBER_SETTING: Rule = rule(/^(?:make|set) (?<target>.+?) (?:to )?(?<number>\d+(?:\.\d+)?)$/i, ({ target = '', number }, quotes) =>
  reference(target, quotes)
    ? clarify(
        `${number} seconds long, or ${number}x the speed? ` + `For example: “make ${target} ${number} seconds long” or “make ${target} ${number}x faster”.`,
      )
    : null,
);

/**
 * Earlier rules claim phrasings that later, broader ones would misread: "add a title …"
 * before "add 2 seconds to …", "remove the fade-in from …" before "remove …".
 */
export const EDIT_RULES: readonly Rule[] = [...CARD_RULES, ...TIMING_RULES, ...ATTRIBUTE_RULES, ...ARRANGEMENT_RULES, GENERIC_SETTING, BARE_NUMBER_SETTING];
