/** Phrasings for durations, fades and speed. */
import { A_BIT_MS, A_LOT_MS, A_LOT_SPEED_FACTOR, DEFAULT_FADE_MS, DEFAULT_SLOW_DOWN_FACTOR, DEFAULT_SPEED_UP_FACTOR } from './defaults';
import {
  clarify,
  edit,
  markedDuration,
  reference,
  rule,
  slotDuration,
  splitTrailing,
  targetAndAmount,
  type ParsedCommand,
  type Quotes,
  type Rule,
} from './grammar';
import { isLargeDegree, parseFractionPercent, parseMultiplier, parseSpeedFactor } from './numbers';
import { parseSameMeasure } from './relativeAmounts';
import type { SameMeasure } from './requestedSpec';
import { RELATIVE_LENGTH_RULES, TIMES } from './relativeLengthRules';

/** A change's amount as said: a number, or "the same amount" / "in the same proportion" as the last edit. */
type Said<T> = T | { same: SameMeasure };

function sameAs(text: string): { same: SameMeasure } | null {
  const same = parseSameMeasure(text);
  return same && { same };
}

const DURATIONS = { by: slotDuration, trailing: markedDuration };

/** The fixed amount "a lot", "much", "way" stand for here, or null if the text is not one of them. */
function aLot(text: string, amount: number): number | null {
  return isLargeDegree(text) ? amount : null;
}

/** What lengthening or shortening may be by: a duration, "a lot" (A_LOT_MS), or the last edit's amount. */
const CHANGES_BY = {
  by: (text: string): Said<number> | null => slotDuration(text) ?? aLot(text, A_LOT_MS) ?? sameAs(text),
  trailing: (text: string): Said<number> | null => markedDuration(text) ?? aLot(text, A_LOT_MS) ?? sameAs(text),
};

/** A share said plainly enough not to be part of a name: "10 percent", "a third", "one quarter". */
function trailingShare(text: string): number | null {
  return /percent$|^(?:a|one|two|three) /.test(text) ? parseFractionPercent(text) : null;
}

/** "the end of the interview", "the start of the outro": trimming either end shortens the clip. */
function wholeClip(target: string): string {
  return target.replace(/^(?:the )?(?:very )?(?:beginning|start|end|tail|front|head) of /i, '');
}

function durationEdit(action: 'lengthen' | 'shorten', rest: string, by: string | undefined, quotes: Quotes): ParsedCommand | null {
  const share = by === undefined ? null : parseFractionPercent(by);
  if (share !== null) return edit({ action, amountMs: 0, percent: share }, reference(rest, quotes));
  const trailing = by === undefined ? splitTrailing(rest, trailingShare) : null;
  if (trailing) return edit({ action, amountMs: 0, percent: trailing.value }, reference(trailing.head, quotes));
  const parsed = targetAndAmount<Said<number>>(rest, by, CHANGES_BY, A_BIT_MS);
  if (!parsed) return null;
  const target = reference(wholeClip(parsed.target), quotes);
  if (typeof parsed.amount === 'number') return edit({ action, amountMs: parsed.amount }, target);
  const direction = action === 'lengthen' ? 'longer' : 'shorter';
  return edit({ action: 'sameStep', measure: parsed.amount.same, direction }, target);
}

function durationFromSlot(
  action: 'lengthen' | 'shorten' | 'setDuration',
  target: string | undefined,
  amount: string | undefined,
  quotes: Quotes,
): ParsedCommand | null {
  const cleaned = amount?.replace(/\b(?:more|extra)\b/gi, ' ').trim();
  const share = cleaned === undefined || action === 'setDuration' ? null : parseFractionPercent(cleaned);
  if (share !== null && action !== 'setDuration') {
    return edit({ action, amountMs: 0, percent: share }, reference(target, quotes));
  }
  const amountMs = cleaned === undefined ? null : slotDuration(cleaned);
  return amountMs === null ? null : edit({ action, amountMs }, reference(target, quotes));
}

/** "twice as long" lengthens by 100%, "half as long" shortens by 50%; "twice as fast" doubles the rate. */
function timesAs(target: string | undefined, factorText: string | undefined, quality: string | undefined, quotes: Quotes): ParsedCommand | null {
  const factor = factorText === undefined ? null : parseMultiplier(factorText);
  if (factor === null || factor === 1) return null;
  const clips = target === undefined ? ({ kind: 'lastTargets' } as const) : reference(target, quotes);
  if (quality?.toLowerCase() === 'fast') {
    return edit(factor > 1 ? { action: 'speedUp', factor } : { action: 'slowDown', factor }, clips);
  }
  const percent = Math.abs(factor - 1) * 100;
  return edit({ action: factor > 1 ? 'lengthen' : 'shorten', amountMs: 0, percent }, clips);
}

const TIMES_AS = `(?<factor>${TIMES}) as (?<quality>long|fast)`;

const SCALE_RULES: readonly Rule[] = [
  rule(new RegExp(`^(?:make|have) (?<target>.+?) ${TIMES_AS}(?: as (?:it is|before|now))?$`, 'i'), ({ target, factor, quality }, quotes) =>
    timesAs(target, factor, quality, quotes),
  ),
  rule(new RegExp(`^(?:make (?:it|them) )?${TIMES_AS}(?: as (?:it is|before|now))?$`, 'i'), ({ factor, quality }, quotes) =>
    timesAs(undefined, factor, quality, quotes),
  ),
  // "make the interview half the length", "a third of its length": a share of the clip's own length.
  rule(
    new RegExp(
      `^(?:make|have|cut|trim|shorten|set) (?<target>.+?) (?:to |down to )?(?<factor>${TIMES}) (?:of )?(?:the|its|their) (?:length|duration)(?: it is| it was| now)?$`,
      'i',
    ),
    ({ target, factor }, quotes) => timesAs(target, factor, 'long', quotes),
  ),
  rule(/^double (?:the (?:length|duration) of )?(?<target>.+?)(?:'s| s)?(?: (?:length|duration))?$/i, ({ target }, quotes) =>
    edit({ action: 'lengthen', amountMs: 0, percent: 100 }, reference(target, quotes)),
  ),
  rule(/^halve (?:the (?:length|duration) of )?(?<target>.+?)(?:'s| s)?(?: (?:length|duration))?$/i, ({ target }, quotes) =>
    edit({ action: 'shorten', amountMs: 0, percent: 50 }, reference(target, quotes)),
  ),
];

const LENGTHEN_VERBS = new Set(['lengthen', 'extend', 'stretch']);

const DURATION_RULES: readonly Rule[] = [
  rule(
    /^make (?<rest>.+?) (?<direction>longer|shorter)(?: by (?<by>.+)| (?<proportion>in the same (?:proportion|ratio)|proportionally|proportionately))?$/i,
    ({ rest = '', direction, by, proportion }, quotes) =>
      durationEdit(direction?.toLowerCase() === 'longer' ? 'lengthen' : 'shorten', rest, by ?? proportion, quotes),
  ),
  rule(
    /^(?:trim|cut|take|remove|shave|chop|knock)(?: off)? (?<amount>.+?) (?:off(?: of)?|from|out of)(?: the (?:end|start|beginning) of)? (?<target>.+)$/i,
    ({ amount, target }, quotes) => durationFromSlot('shorten', target, amount, quotes),
  ),
  rule(/^(?:cut|trim|take|remove|shave|chop|knock)(?: off)? (?<amount>.+?) of (?<target>.+)$/i, ({ amount = '', target }, quotes) => {
    // "cut a third of the interview": only a share, since "remove the end of the intro" names a part.
    const share = parseFractionPercent(amount);
    return share === null ? null : edit({ action: 'shorten', amountMs: 0, percent: share }, reference(target, quotes));
  }),
  // "a quarter off the outro", "2 seconds off the intro".
  rule(/^(?<amount>.+?) off(?: of)? (?<target>.+)$/i, ({ amount, target }, quotes) => durationFromSlot('shorten', target, amount, quotes)),
  // "change the outro by the same amount": the last edit's step, its own way, on other clips.
  rule(/^(?:change|adjust|alter|scale) (?<target>.+?) (?<measure>(?:by|in) .+)$/i, ({ target, measure = '' }, quotes) => {
    const same = parseSameMeasure(measure);
    return same && edit({ action: 'sameStep', measure: same, direction: null }, reference(target, quotes));
  }),
  rule(/^(?:add|give) (?<amount>.+?) (?:to|onto|on to) (?<target>.+)$/i, ({ amount, target }, quotes) => durationFromSlot('lengthen', target, amount, quotes)),
  rule(/^(?:lengthen|extend|stretch|shorten|trim|cut|shrink|reduce) (?<target>.+?) (?:down |up |out )?to (?<amount>.+)$/i, ({ target, amount }, quotes) =>
    durationFromSlot('setDuration', target, amount, quotes),
  ),
  rule(
    /^(?<verb>lengthen|extend|stretch|shorten|trim|shrink|reduce)(?: down| out)? (?<rest>.+?)(?: down| out)?(?: by (?<by>.+))?$/i,
    ({ verb = '', rest = '', by }, quotes) => durationEdit(LENGTHEN_VERBS.has(verb.toLowerCase()) ? 'lengthen' : 'shorten', rest, by, quotes),
  ),
  rule(/^cut (?<rest>.+?)(?: down)? by (?<by>.+)$/i, ({ rest = '', by }, quotes) => durationEdit('shorten', rest, by, quotes)),
  rule(/^cut down (?<rest>.+)$/i, ({ rest = '' }, quotes) => durationEdit('shorten', rest, undefined, quotes)),
  rule(/^cut (?<rest>.+?) down$/i, ({ rest = '' }, quotes) => durationEdit('shorten', rest, undefined, quotes)),
  rule(/^(?:set|change|make) (?:the )?(?:duration|length) of (?<target>.+?) (?:to|into) (?<amount>.+)$/i, ({ target, amount }, quotes) =>
    durationFromSlot('setDuration', target, amount, quotes),
  ),
  rule(/^(?:set|change) (?<target>.+?)(?:'s| s)? (?:duration|length) to (?<amount>.+)$/i, ({ target, amount }, quotes) =>
    durationFromSlot('setDuration', target, amount, quotes),
  ),
  rule(/^make (?<target>.+?) last (?<amount>.+)$/i, ({ target, amount }, quotes) => durationFromSlot('setDuration', target, amount, quotes)),
];

function fadeEdit(direction: string | undefined, target: string | undefined, amountMs: number | null, quotes: Quotes): ParsedCommand | null {
  if (amountMs === null) return null;
  const action = direction?.toLowerCase() === 'in' ? 'fadeIn' : 'fadeOut';
  return edit({ action, amountMs }, reference(target, quotes));
}

/** A fade's length from "over 2 seconds" or a leading "2 second fade"; the default when neither is said. */
function fadeLength(slot: string | undefined, leading?: string): number | null {
  if (slot !== undefined) return slotDuration(slot);
  if (leading !== undefined) return markedDuration(leading);
  return DEFAULT_FADE_MS;
}

const FADE_DIRECTION_HELP = 'Fade in or fade out? For example: “fade in the intro” or “fade out the outro over 2 seconds”.';

const FADE_RULES: readonly Rule[] = [
  rule(/^(?:give|add|put) (?:.+ )?an? (?:(?:\S+ )?(?:second |s )?)?fade(?: (?:to|on) .+)?$/i, () => clarify(FADE_DIRECTION_HELP)),
  rule(
    /^(?:remove|delete|clear|drop|take off|get rid of) (?:the )?fade (?<direction>in|out)(?: effect)? (?:from|on|of) (?<target>.+)$/i,
    ({ direction, target }, quotes) => fadeEdit(direction, target, 0, quotes),
  ),
  rule(/^fade (?<direction>in|out) (?<rest>.+?)(?: (?:over|for|across|by|with) (?<amount>.+))?$/i, ({ direction, rest = '', amount }, quotes) => {
    const parsed = targetAndAmount(rest, amount, DURATIONS, DEFAULT_FADE_MS);
    return parsed && fadeEdit(direction, parsed.target, parsed.amount, quotes);
  }),
  rule(/^fade (?<target>.+?) (?<direction>in|out)(?: (?:over|for|across|by) (?<amount>.+))?$/i, ({ direction, target, amount }, quotes) =>
    fadeEdit(direction, target, fadeLength(amount), quotes),
  ),
  rule(
    /^(?:add|apply|put|insert|set) (?:an? )?(?:(?<leading>.+?) )??fade (?<direction>in|out)(?: (?:of|lasting|for) (?<amount>.+?))? (?:to|on|for|at the (?:start|beginning|end) of) (?<target>.+)$/i,
    ({ leading, direction, amount, target }, quotes) => fadeEdit(direction, target, fadeLength(amount, leading), quotes),
  ),
  rule(
    /^give (?<target>.+) an? (?:(?<leading>.+?) )??fade (?<direction>in|out)(?: (?:of|lasting) (?<amount>.+))?$/i,
    ({ leading, direction, amount, target }, quotes) => fadeEdit(direction, target, fadeLength(amount, leading), quotes),
  ),
  rule(/^(?:set|change|make) (?:the )?fade (?<direction>in|out) (?:of|on|for) (?<target>.+?) to (?<amount>.+)$/i, ({ direction, target, amount }, quotes) =>
    fadeEdit(direction, target, fadeLength(amount), quotes),
  ),
  rule(/^(?:set|change|make) (?<target>.+?)(?:'s| s)? fade (?<direction>in|out) to (?<amount>.+)$/i, ({ direction, target, amount }, quotes) =>
    fadeEdit(direction, target, fadeLength(amount), quotes),
  ),
];

const FACTORS = {
  by: (text: string) => parseSpeedFactor(text, { bareNumber: true }),
  trailing: (text: string) => parseSpeedFactor(text, { bareNumber: false }),
};

/** What a speed change may be by: a factor, "a lot" (A_LOT_SPEED_FACTOR), or the last edit's factor. */
const SPEED_CHANGES_BY = {
  by: (text: string): Said<number> | null => FACTORS.by(text) ?? aLot(text, A_LOT_SPEED_FACTOR) ?? sameAs(text),
  trailing: (text: string): Said<number> | null => FACTORS.trailing(text) ?? aLot(text, A_LOT_SPEED_FACTOR) ?? sameAs(text),
};

function setSpeed(target: string | undefined, factorText: string | undefined, quotes: Quotes): ParsedCommand | null {
  const factor = factorText === undefined ? null : FACTORS.by(factorText);
  return factor === null ? null : edit({ action: 'setSpeed', factor }, reference(target, quotes));
}

/** "Speed up" multiplies the current rate by a factor above 1 and "slow down" by one below; "to" sets it outright. */
function speedChange(
  direction: string | undefined,
  rest: string,
  preposition: string | undefined,
  factorText: string | undefined,
  quotes: Quotes,
): ParsedCommand | null {
  if (preposition?.toLowerCase() === 'to') return setSpeed(rest, factorText, quotes);
  const faster = direction !== undefined && /^(?:up|faster)$/i.test(direction);
  const fallback = faster ? DEFAULT_SPEED_UP_FACTOR : DEFAULT_SLOW_DOWN_FACTOR;
  const parsed = targetAndAmount<Said<number>>(rest, factorText, SPEED_CHANGES_BY, fallback);
  if (!parsed) return null;
  const target = reference(parsed.target, quotes);
  if (typeof parsed.amount !== 'number') {
    return edit({ action: 'sameStep', measure: parsed.amount.same, direction: faster ? 'faster' : 'slower' }, target);
  }
  if (faster) return parsed.amount > 1 ? edit({ action: 'speedUp', factor: parsed.amount }, target) : null;
  // "Slow down by 2x" and "slow down by half" both mean half the rate.
  const factor = parsed.amount > 1 ? 1 / parsed.amount : parsed.amount;
  return factor < 1 ? edit({ action: 'slowDown', factor }, target) : null;
}

const SPEED_RULES: readonly Rule[] = [
  rule(/^(?<direction>speed|slow) (?<rest>.+?)(?: (?<preposition>by|to) (?<factor>.+))?$/i, ({ direction, rest = '', preposition, factor }, quotes) => {
    // "speed up the intro", "speed it up 2x": the particle can sit anywhere in the middle.
    const particle = /(?:^| )(?:up|down)(?= |$)/i;
    if (!particle.test(rest)) return null;
    const target = rest.replace(particle, ' ').trim();
    return speedChange(direction?.toLowerCase() === 'speed' ? 'up' : 'down', target, preposition, factor, quotes);
  }),
  rule(/^make (?<rest>.+?) (?<direction>faster|slower)(?: (?<preposition>by) (?<factor>.+))?$/i, ({ direction, rest = '', preposition, factor }, quotes) =>
    speedChange(direction, rest, preposition, factor, quotes),
  ),
  rule(/^(?:set|change) (?:the )?(?:playback )?(?:speed|rate) (?:of|on|for) (?<target>.+?) to (?<factor>.+)$/i, ({ target, factor }, quotes) =>
    setSpeed(target, factor, quotes),
  ),
  rule(/^(?:set|change) (?<target>.+?)(?:'s| s)? (?:playback )?(?:speed|rate) to (?<factor>.+)$/i, ({ target, factor }, quotes) =>
    setSpeed(target, factor, quotes),
  ),
  rule(/^make (?<target>.+?) play (?:at|in) (?<factor>.+)$/i, ({ target, factor }, quotes) => setSpeed(target, factor, quotes)),
  rule(/^play (?<target>.+?) (?:at|in) (?<factor>.+)$/i, ({ target, factor }, quotes) => setSpeed(target, factor, quotes)),
  rule(/^(?:reset|restore) (?:the )?(?:playback )?speed (?:of|on|for) (?<target>.+)$/i, ({ target }, quotes) =>
    edit({ action: 'setSpeed', factor: 1 }, reference(target, quotes)),
  ),
];

/** "the intro is too long", "the tram ride drags": the obvious fix, by the usual amount; the reply says what changed. */
const COMPLAINT_RULES: readonly Rule[] = [
  rule(
    /^(?:i (?:feel|think|find)(?: like)?(?: that)? |it (?:feels|seems) like |seems like )?(?<target>.+?) (?:is|feels|seems|looks|runs) (?:way |much |a bit |kind of |sort of |far |still )?too (?<quality>long|short|slow|fast)$/i,
    ({ target, quality = '' }, quotes) => {
      const clips = reference(target, quotes);
      switch (quality.toLowerCase()) {
        case 'long':
          return edit({ action: 'shorten', amountMs: A_BIT_MS }, clips);
        case 'short':
          return edit({ action: 'lengthen', amountMs: A_BIT_MS }, clips);
        case 'slow':
          return edit({ action: 'speedUp', factor: DEFAULT_SPEED_UP_FACTOR }, clips);
        default:
          return edit({ action: 'slowDown', factor: DEFAULT_SLOW_DOWN_FACTOR }, clips);
      }
    },
  ),
  rule(
    /^(?:i (?:feel|think|find)(?: like)?(?: that)? |it (?:feels|seems) like |seems like )?(?<target>.+?) (?:drags|drags on|is dragging|goes on too long|goes on forever)$/i,
    ({ target }, quotes) => edit({ action: 'shorten', amountMs: A_BIT_MS }, reference(target, quotes)),
  ),
];

export const TIMING_RULES: readonly Rule[] = [...COMPLAINT_RULES, ...SCALE_RULES, ...RELATIVE_LENGTH_RULES, ...FADE_RULES, ...SPEED_RULES, ...DURATION_RULES];
