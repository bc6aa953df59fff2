/** Building blocks the instruction rules are written with. */
import type { Destination } from './editSpec';
import { quotedText } from './normalize';
import { parseDurationMs } from './numbers';
import { parseReference, type ClipReference } from './references';
import type { RequestedSpec } from './requestedSpec';
import type { SessionContext, Timeline } from './types';

export type Adjustment =
  | { kind: 'more' }
  | { kind: 'less' }
  /** "even shorter", "longer still": this direction, by the latest amount when it went this way. */
  | { kind: 'direction'; direction: 'longer' | 'shorter' | 'faster' | 'slower' };

export type EditMatch =
  | { by: 'action'; actions: string[]; label: string }
  /** The newest edit on these clips; only of these actions when given ("rename it back"). */
  | { by: 'clip'; target: ClipReference; actions?: string[]; label?: string; all?: boolean }
  /** "undo the very first change": the oldest edit still in effect. */
  | { by: 'first' }
  /** "undo all but the volume change": every edit still in effect except those. */
  | { by: 'allBut'; except: Exclude<EditMatch, { by: 'first' } | { by: 'allBut' }> };

export type ParsedCommand =
  | { type: 'edit'; spec: RequestedSpec; targets: readonly ClipReference[] }
  | { type: 'undo'; count: number | 'all' }
  | { type: 'redo'; count: number | 'all' }
  /** "do the same thing to X" (target) or "do that again" (no target: the same clips). */
  | { type: 'repeat'; target: ClipReference | null }
  | { type: 'help' }
  /** A question about the timeline or the session, answered without editing. */
  | { type: 'question'; answer: (timeline: Timeline, context: SessionContext) => string }
  /** "more", "a little less", "even shorter": the latest edit again, scaled or turned around. */
  | { type: 'adjust'; how: Adjustment }
  /** "undo the fade", "restore the outro": the newest edit of a kind, or on a clip. */
  | { type: 'revertMatching'; match: EditMatch }
  /** A bare clip reference ("the intro"): meaningful only as a follow-up (an answer, "too", a correction). */
  | { type: 'reference'; target: ClipReference }
  /** Understood what is wanted but something is missing; ask for it. */
  | { type: 'clarify'; reply: string };

export type Quotes = readonly string[];

/** A rule either recognizes the whole instruction or returns null so the next one can try. */
export type Rule = (text: string, quotes: Quotes) => ParsedCommand | null;

type Groups = Record<string, string | undefined>;

export function rule(pattern: RegExp, build: (groups: Groups, quotes: Quotes) => ParsedCommand | null): Rule {
  return (text, quotes) => {
    const match = pattern.exec(text);
    return match ? build(match.groups ?? {}, quotes) : null;
  };
}

/** An edit command, or null if any target phrase is not a clip reference. */
export function edit(spec: RequestedSpec, ...targets: (ClipReference | null)[]): ParsedCommand | null {
  const parsed = targets.filter((target): target is ClipReference => target !== null);
  return parsed.length === targets.length ? { type: 'edit', spec, targets: parsed } : null;
}

export function clarify(reply: string): ParsedCommand {
  return { type: 'clarify', reply };
}

export function reference(phrase: string | undefined, quotes: Quotes): ClipReference | null {
  return phrase === undefined ? null : parseReference(phrase, quotes);
}

/** Free text as typed (a new name, a title's words): a quoted passage verbatim, else the words themselves. */
export function freeText(text: string | undefined, quotes: Quotes): string | null {
  if (text === undefined) return null;
  const value = (quotedText(text, quotes) ?? text).trim();
  return value || null;
}

/** Where the slot itself implies a duration ("by 2", "at 5"), a bare number means seconds. */
export function slotDuration(text: string): number | null {
  return parseDurationMs(text, { bareNumber: true });
}

/** Elsewhere a duration needs its unit, so "clip 3" is never read as 3 seconds. */
export function markedDuration(text: string): number | null {
  return parseDurationMs(text, { bareNumber: false });
}

/**
 * Splits "the outro 2 seconds" into the head "the outro" and the value of the longest
 * trailing run of words that `parse` accepts.
 */
export function splitTrailing<T>(text: string, parse: (suffix: string) => T | null): { head: string; value: T } | null {
  const words = text.trim().split(' ');
  for (let start = 1; start < words.length; start++) {
    const value = parse(words.slice(start).join(' '));
    if (value !== null) return { head: words.slice(0, start).join(' '), value };
  }
  return null;
}

/** An amount from "by …" if given, else one trailing the target ("the outro 2 seconds"), else the default. */
export function targetAndAmount<T>(
  rest: string,
  by: string | undefined,
  parsers: { by: (text: string) => T | null; trailing: (text: string) => T | null },
  fallback: T,
): { target: string; amount: T } | null {
  if (by !== undefined) {
    const amount = parsers.by(by);
    return amount === null ? null : { target: rest, amount };
  }
  const trailing = splitTrailing(rest, parsers.trailing);
  return trailing ? { target: trailing.head, amount: trailing.value } : { target: rest, amount: fallback };
}

/**
 * Every way to cut `text` around one of `separators` (as whole words), e.g. "A and B"
 * → ["A", "and", "B"], in the order they appear.
 */
export function cutsAround(text: string, separators: RegExp): [string, string, string][] {
  const cuts: [string, string, string][] = [];
  for (const match of text.matchAll(new RegExp(` (${separators.source}) `, 'gi'))) {
    const index = match.index ?? 0;
    cuts.push([text.slice(0, index), match[1].toLowerCase(), text.slice(index + match[0].length)]);
  }
  return cuts;
}

/** "the start", "the end of the video", …; the named group `edge` holds the word. */
export const EDGE = '(?:the )?(?<edge>start|beginning|front|end|back)(?: of (?:the )?(?:timeline|video|project|edit|sequence))?';

export function edgeDestination(edge: string | undefined): Destination<ClipReference> {
  const word = edge?.toLowerCase();
  return word === 'end' || word === 'back' || word === 'last' ? { to: 'end' } : { to: 'start' };
}

const RELATIVE = /(?:to )?(?:right |just |directly |immediately )?(?:before|after|in front of|behind|ahead of|following)/;

/**
 * Each reading of "… before/after X" whose X is a clip reference, in the order the words
 * appear: "the one before the outro after the interview" has two, and callers choose.
 */
export function relativePlacements(text: string, quotes: Quotes): { head: string; destination: Destination<ClipReference> }[] {
  return cutsAround(` ${text}`, RELATIVE).flatMap(([head, separator, anchorText]) => {
    const anchor = reference(anchorText, quotes);
    const side = /before|in front of|ahead of/.test(separator) ? 'before' : 'after';
    return anchor ? [{ head: head.trim(), destination: { to: side, anchor } }] : [];
  });
}
