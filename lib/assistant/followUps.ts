/**
 * How a message follows up the session's latest edit: "more", "a little less", "even
 * shorter" (scaled or turned around), "actually 6 seconds" (corrected), "the intro too"
 * (repeated elsewhere). Pure functions of the latest edit; the interpreter applies them.
 */
import { A_BIT_MS, DEFAULT_SLOW_DOWN_FACTOR, DEFAULT_SPEED_UP_FACTOR } from './defaults';
import type { EditSpec } from './editSpec';
import type { Adjustment } from './grammar';
import { parseReference } from './references';
import { markedDuration, slotDuration } from './grammar';
import { parseFractionPercent, parsePercent, parseSpeedFactor } from './numbers';
import type { ClipAttributes, SessionEdit } from './types';

type DurationStep = { action: 'lengthen' | 'shorten'; amountMs: number; percent?: number };
type SpeedStep = { action: 'speedUp' | 'slowDown'; factor: number };

/** The first recorded change of a numeric attribute in an edit, as before/after values. */
function numericChange(edit: SessionEdit, field: keyof ClipAttributes): { before: number; after: number } | null {
  for (const op of edit.operations) {
    if (op.type !== 'update') continue;
    const before = op.before[field];
    const after = op.after[field];
    if (typeof before === 'number' && typeof after === 'number') return { before, after };
  }
  return null;
}

/** A duration edit as a step in one direction: "set to 6 s" from 5 s is "1 s longer". */
export function durationStep(spec: EditSpec, edit: SessionEdit): DurationStep | null {
  if (spec.action === 'lengthen' || spec.action === 'shorten') return spec;
  if (spec.action !== 'setDuration') return null;
  const change = numericChange(edit, 'durationMs');
  if (!change || change.after === change.before) return null;
  const delta = change.after - change.before;
  return { action: delta > 0 ? 'lengthen' : 'shorten', amountMs: Math.abs(delta) };
}

export function speedStep(spec: EditSpec, edit: SessionEdit): SpeedStep | null {
  if (spec.action === 'speedUp' || spec.action === 'slowDown') return { action: spec.action, factor: spec.factor };
  if (spec.action !== 'setSpeed') return null;
  const change = numericChange(edit, 'speed');
  if (!change || change.after === change.before) return null;
  const factor = change.after / change.before;
  return { action: factor > 1 ? 'speedUp' : 'slowDown', factor };
}

const roundTo = (value: number, step: number): number => Math.round(value / step) * step;
const roundFactor = (factor: number): number => Math.round(factor * 1000) / 1000;

/** Half of a step, the other way: "less" after "2 s longer" is "1 s shorter", landing halfway back. */
function halfBack(step: DurationStep): DurationStep {
  const action = step.action === 'lengthen' ? 'shorten' : 'lengthen';
  if (step.percent === undefined) return { action, amountMs: roundTo(step.amountMs / 2, 10) };
  const share = step.percent / 100;
  const percent = step.action === 'lengthen' ? (1 - (1 + share / 2) / (1 + share)) * 100 : ((1 - share / 2) / (1 - share) - 1) * 100;
  return { action, amountMs: 0, percent: Math.round(percent * 10) / 10 };
}

function speedHalfBack(step: SpeedStep): SpeedStep {
  // From rate r, a factor f reached r·f; halfway back is r·(1+f)/2, i.e. a factor (1+f)/(2f) from there.
  const factor = roundFactor((1 + step.factor) / (2 * step.factor));
  return { action: step.action === 'speedUp' ? 'slowDown' : 'speedUp', factor };
}

/**
 * What "more", "less", "even shorter"… mean after the latest edit, or null when they do not
 * apply to it (more of a deletion?).
 */
export function adjustedSpec(how: Adjustment, spec: EditSpec, latest: SessionEdit): EditSpec | null {
  const duration = durationStep(spec, latest);
  const speed = speedStep(spec, latest);
  if (how.kind === 'direction') {
    if ((how.direction === 'longer' || how.direction === 'shorter') && (spec.action === 'fadeIn' || spec.action === 'fadeOut') && spec.amountMs > 0) {
      // After a fade, "longer" is about the fade.
      return adjustedSpec({ kind: how.direction === 'longer' ? 'more' : 'less' }, spec, latest);
    }
    if (how.direction === 'longer' || how.direction === 'shorter') {
      const action = how.direction === 'longer' ? 'lengthen' : 'shorten';
      return duration?.action === action ? duration : { action, amountMs: A_BIT_MS };
    }
    const action = how.direction === 'faster' ? 'speedUp' : 'slowDown';
    if (speed?.action === action) return speed;
    return { action, factor: action === 'speedUp' ? DEFAULT_SPEED_UP_FACTOR : DEFAULT_SLOW_DOWN_FACTOR };
  }
  const more = how.kind === 'more';
  if (duration) return more ? duration : halfBack(duration);
  if (speed) return more ? speed : speedHalfBack(speed);
  if ((spec.action === 'fadeIn' || spec.action === 'fadeOut') && spec.amountMs > 0) {
    return { action: spec.action, amountMs: more ? spec.amountMs * 2 : roundTo(spec.amountMs / 2, 10) };
  }
  if (spec.action === 'setVolume') {
    const change = numericChange(latest, 'volume');
    if (!change || change.after === change.before) return null;
    const next = more ? change.after + (change.after - change.before) : (change.after + change.before) / 2;
    return { action: 'setVolume', percent: Math.min(100, Math.max(0, Math.round(next))) };
  }
  return null;
}

/** "actually 3 seconds", "make that 50% instead": the latest edit with a new amount, or null if the value does not fit it. */
export function correctedValue(spec: EditSpec, text: string): EditSpec | null {
  const value = text.replace(/^(?:by|to|at|for|over) /i, '');
  switch (spec.action) {
    case 'lengthen':
    case 'shorten': {
      const unit = correctedUnit(spec, value);
      if (unit) return unit;
      const percent = parseFractionPercent(value);
      if (percent !== null) return { action: spec.action, amountMs: 0, percent };
      const amountMs = slotDuration(value);
      return amountMs === null ? null : { action: spec.action, amountMs };
    }
    case 'setDuration':
    case 'fadeIn':
    case 'fadeOut': {
      const amountMs = slotDuration(value);
      return amountMs === null ? null : { action: spec.action, amountMs };
    }
    case 'speedUp':
    case 'slowDown':
    case 'setSpeed': {
      const factor = parseSpeedFactor(value, { bareNumber: true });
      return factor === null ? null : { action: spec.action, factor };
    }
    case 'setVolume': {
      const percent = parsePercent(value, { bareNumber: true });
      return percent === null ? null : { action: 'setVolume', percent };
    }
    case 'split': {
      const at = markedDuration(value) ?? slotDuration(value);
      return at === null ? null : { action: 'split', at };
    }
    default:
      return null;
  }
}

const PERCENT_UNIT = /^(?:in )?(?:percent|per cent|%|a percentage)$/i;
const SECONDS_UNIT = /^(?:in )?(?:seconds?|secs?|s)$/i;

/** "percent, not seconds" after "2 seconds longer": the same number in the other unit. */
function correctedUnit(spec: Extract<EditSpec, { action: 'lengthen' | 'shorten' }>, unit: string): EditSpec | null {
  if (PERCENT_UNIT.test(unit) && spec.percent === undefined && spec.amountMs > 0) return { action: spec.action, amountMs: 0, percent: spec.amountMs / 1000 };
  if (SECONDS_UNIT.test(unit) && spec.percent !== undefined) return { action: spec.action, amountMs: spec.percent * 1000 };
  return null;
}

/** Words that say the message replaces the latest edit rather than adding to it. */
const STRONG_CORRECTION =
  /^\s*(?:no\b|nope\b|nah\b|sorry\b|oops\b|whoops\b|wait\b|wrong (?:clip|one)\b|not\b|only\b|i meant?\b|i said\b|make that\b|that should (?:have been|be)\b)|\binstead\b|\brather\b|\bnot (?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)(?: \w+)?\s*[.!]?\s*$|\bnot (?:in )?(?:percent|per cent|seconds?|secs?)\s*[.!]?\s*$/i;
/** "the outro, not the intro", as typed (with its comma): the wrong clip or unit named after the right one. */
const WRONG_TAIL_TYPED = /^[^,;]+[,;]\s*not (?:the |that |this )?[a-z][^,;]*$/i;
/** "actually …", and "the outro, not the intro": replaces the last change only when about the same thing (corrections.ts). */
const WEAK_CORRECTION = new RegExp(`^\\s*(?:actually|hmm actually|oh actually|on second thought)\\b|${WRONG_TAIL_TYPED.source}`, 'i');

/** Whether the instruction names what it does not mean after what it does: "mute the outro, not the intro". */
export function namesWrongAfter(instruction: string): boolean {
  return WRONG_TAIL_TYPED.test(instruction);
}

export type CorrectionStrength = 'strong' | 'weak' | null;

export function correctionStrength(instruction: string): CorrectionStrength {
  if (STRONG_CORRECTION.test(instruction)) return 'strong';
  return WEAK_CORRECTION.test(instruction) ? 'weak' : null;
}

const CORRECTION_LEADING =
  /^(?:no|nope|nah|sorry|oops|whoops|wait|on second thought|wrong clip|wrong one|not that one|not that|not this one|i meant|i mean|i said|make that|that should have been|that should be|it should be|should be|rather|only)\b\s*/i;
const CORRECTION_TRAILING = /\s*\b(?:instead(?: of that)?|rather|please)$/i;
/** "1 second not 3": the wrong amount named after the right one. */
const WRONG_AMOUNT = /^(?:make it )?(.+?) not (?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)(?: \w+)?$/i;
/** "the outro, not the intro", "percent, not seconds": the wrong clip or unit named after the right one. */
const WRONG_AFTER = /^(.+?)(?<!\bbut)[\s,;:—–-]+not (?:the |that |this )?[a-z][^,;]*$/i;

/** "not the outro, the intro": what comes after the clause naming the wrong clip, or null. */
export function afterWrongClip(instruction: string): string | null {
  return /^\s*(?:no\s*[,.!]?\s*)?not (?!that\b|this\b)[^,;]+[,;]\s*(.+)$/i.exec(instruction)?.[1] ?? null;
}

/** The correction without the words that made it one: "no, I meant the second clip" → "the second clip". */
export function correctionBody(text: string): string {
  let current = text.trim().replace(WRONG_AMOUNT, '$1');
  for (;;) {
    const next = current
      .replace(CORRECTION_LEADING, '')
      .replace(CORRECTION_TRAILING, '')
      .replace(WRONG_AFTER, '$1')
      .replace(/^[\s,;:—–-]+/, '')
      .trim();
    if (next === current) return current;
    current = next;
  }
}

/** "the intro too", "and the outro", "same for clip 4", "also the beach scene": repeat on these clips. */
const ADDITIVE =
  /\b(?:too|as well|also)\b[\s,]*(?:please|thanks|thank you)?\s*[.!?]*\s*$|^\s*(?:(?:ok|okay|so|right|alright|great|good|nice|cool)\b[\s,.!]*)*(?:and|also|plus|same (?:for|with|goes for)|ditto|now|then)\b/i;

export function isAdditive(instruction: string): boolean {
  return ADDITIVE.test(instruction);
}

const INLINE_SUBJECT =
  /^(?:i (?:feel|think|find)(?: like)?(?: that)? |it feels like |feels like |it seems like |seems like |it seems )?(?<subject>.+?) (?:drags(?: on)?|is dragging|is too (?:long|short|slow|fast)|feels (?:too |a bit |kind of |a little )?(?:long|short|slow|fast|rushed|sluggish)|runs (?:too )?long|goes on (?:too long|forever)|is a bit (?:long|short|slow|much)|is (?:kind of |a little )?(?:long|short|slow))(?: so| and| maybe)? (?<rest>.+)$/i;

/**
 * "I feel the opening drags, trim it": the "it" in the request is the subject of the
 * sentence before it, not the clip this session last changed.
 */
export function inlineSubject(text: string, quotes: readonly string[]): string {
  const match = INLINE_SUBJECT.exec(text);
  const subject = match?.groups?.subject;
  const rest = match?.groups?.rest;
  if (!subject || !rest || !parseReference(subject, quotes) || !/\b(?:it|that|this)\b/i.test(rest)) return text;
  return rest.replace(/\b(?:it|that|this)\b/i, subject);
}
