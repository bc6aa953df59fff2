/**
 * The one place clip references are understood: parsed from a phrase ("the second clip",
 * "the one before the outro", "every scene", "it") and resolved against the timeline and
 * what this session last acted on.
 */
import { editedClips, parseEditedReference, type EditedReference } from './editedReferences';
import { lastTargetClipIds } from './history';
import { KIND_WORDS } from './lexicon';
import { clipsNamedLoosely } from './looseNames';
import { quotedText } from './normalize';
import { ordinalWord, parseNumber, parseOrdinal, parseWholeNumber, type Ordinal } from './numbers';
import { refuse, succeed, type Outcome } from './outcome';
import { EMPTY_TIMELINE, formatCount, quote } from './replies';
import type { Clip, SessionContext, Timeline } from './types';

/**
 * A session context that can settle a singular reference matching several clips: with the
 * clips the user picked when asked "which one?", or to learn which clips were in question.
 */
export interface ChoosingContext extends SessionContext {
  choose?: (matching: readonly Clip[]) => Clip[] | null;
}

/** The question asked when a singular reference matches several clips; the next message may answer it. */
export const WHICH_CLIP = 'Which clip do you mean?';

export type ClipReference =
  /** "it", "that clip": the clip this session last acted on. */
  | { kind: 'lastTarget' }
  /** "them", "those clips": every clip the last edit acted on. */
  | { kind: 'lastTargets' }
  | { kind: 'all' }
  /** "the second clip", "clip 3", "the last scene". */
  | { kind: 'position'; ordinal: Ordinal; among: string | null }
  /** "the first two clips", "the last 3 scenes". */
  | { kind: 'range'; count: number; fromEnd: boolean; among: string | null }
  /** "the one before the outro", "the next clip". */
  | { kind: 'neighbour'; side: 'before' | 'after'; anchor: ClipReference; among?: string }
  /** A name or kind: "the intro", "the beach scene", "every scene", a quoted name. */
  | { kind: 'named'; phrase: string; plural: boolean }
  /** "the intro and the outro"; `phrase` is kept in case a clip is really called that. */
  | { kind: 'list'; phrase: string; items: ClipReference[] }
  /** "both scenes": a plural that must come to exactly `count` clips, or it is asked about. */
  | { kind: 'counted'; count: number; base: ClipReference; phrase: string }
  /** "everything except the intro", "all the scenes but the beach one". */
  | { kind: 'except'; base: ClipReference; excluded: ClipReference }
  /** "the clips after the title", "everything before the interview", "the scenes after the intro". */
  | { kind: 'beyond'; side: 'before' | 'after'; anchor: ClipReference; among: string | null }
  /** "the opening", "the closing shot": a clip named so, else the first or last clip that is not audio. */
  | { kind: 'edge'; end: 'first' | 'last'; phrase: string }
  /** "the clip you just trimmed", "whatever you sped up": what an earlier edit of this session acted on. */
  | EditedReference;

const LAST_TARGET = new Set(['it', 'its', 'that', 'this', 'that one', 'this one', 'that clip', 'this clip', 'the same clip', 'the same one', 'same clip']);

const LAST_TARGETS = new Set(['them', 'those', 'these', 'those clips', 'these clips', 'those ones', 'these ones', 'both of them', 'the same clips']);

const ALL = /^(?:all|every|each|everything|all of them|(?:all|every|each)(?: of)?(?: the)? (?:clips?|ones?)|the whole (?:timeline|video|project))$/;
const QUANTIFIED = /^(?:all|every|each|both)(?: single)?(?: one)?(?: of)?(?: the)? (.+)$/;
/** "all three scenes", "the two scenes", "all 4 clips": a group that must have that many clips. */
const COUNTED = /^(?:all(?: of)?(?: the)? |the |both )?(\S+) (.+)$/;
/** "the one on the beach", "the clip with the tram": a name said around a preposition. */
const DESCRIBED = /^(?:the )?(?:one|clip|scene|shot) (?:on|at|in|with|from|of|about|showing) (?:the )?(.+)$/;
const CLIP_NUMBER = /^(?:the )?clip (?:number |no |#)?(\S+)$/;
const RANGE = /^(?:the )?(first|last) (\S+)(?: (.+))?$/;
const NEIGHBOUR = /^(?:the )?(?:one|clip) (?:right |just |immediately |directly )?(before|after|preceding|following) (.+)$/;
/** "the scene before the title card": the nearest clip of that kind on that side. */
const KIND_NEIGHBOUR = /^(?:the )?(\S+) (?:right |just |immediately |directly )?(before|after|preceding|following) (.+)$/;
const NEXT_OR_PREVIOUS = /^(?:the )?(next|previous|following|preceding) (?:one|clip)$/;
const GENERIC_NOUNS = new Set(['clip', 'clips', 'one', 'ones', 'shot', 'shots']);
const EXCEPT = /^(.+?) (?:except(?: for)?|but(?: not)?|other than|apart from|besides|excluding|save for|minus|not including) (.+)$/;
const BEYOND = /^(?:(?:all|every|each)(?: of)?(?: the)? |the |everything |anything )?(?:(.+?) )?(?:after|following|before|preceding|ahead of) (.+)$/;
const OPENING = /^(?:the )?(?:opening|opening (?:shot|clip|scene)|very first (?:shot|clip)|first shot|beginning)$/;
const CLOSING = /^(?:the )?(?:closing|closing (?:shot|clip|scene)|final shot|last shot|very last (?:shot|clip))$/;
const RELATION_WORDS = /\b(?:before|after|between)\b/;

function normalizePhrase(phrase: string): string {
  return phrase.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Crude singular form so "scenes" matches "Beach scene"; applied to both sides alike. */
function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** "scenes" → "scene", for "2 scene clips". */
function singular(phrase: string): string {
  const words = phrase.split(' ');
  return [...words.slice(0, -1), stem(words[words.length - 1])].join(' ');
}

function stemmedWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).map(stem);
}

function namedReference(phrase: string, quantified: boolean): ClipReference | null {
  const words = phrase.replace(/^(?:the|a|an|my|our) /, '').split(' ');
  const last = words[words.length - 1];
  // In "the intro clip" or "the beach one" the trailing noun only says it is a clip.
  const core = (words.length > 1 && GENERIC_NOUNS.has(last) ? words.slice(0, -1) : words).join(' ');
  if (!/[a-z]/.test(core) || RELATION_WORDS.test(core) || GENERIC_NOUNS.has(core)) return null;
  const coreLast = core.slice(core.lastIndexOf(' ') + 1);
  const plural = quantified || last === 'clips' || last === 'ones' || stem(coreLast) !== coreLast;
  return { kind: 'named', phrase: core, plural };
}

/** The noun after an ordinal or count: null for "clip"/"one" (any clip), undefined if it is no noun at all. */
function amongPhrase(words: string): string | null | undefined {
  if (words === '' || GENERIC_NOUNS.has(words)) return null;
  const named = namedReference(words, true);
  return named?.kind === 'named' ? named.phrase : undefined;
}

/** Parses a phrase naming one or more clips; null if it cannot be a clip reference. */
export function parseReference(raw: string, quotes: readonly string[]): ClipReference | null {
  const phrase = normalizePhrase(raw);
  if (!phrase) return null;
  const quoted = quotedText(phrase.replace(/^the /, '').replace(/ clip$/, ''), quotes);
  if (quoted !== null) return quoted ? { kind: 'named', phrase: quoted.toLowerCase(), plural: false } : null;
  if (LAST_TARGET.has(phrase)) return { kind: 'lastTarget' };
  if (LAST_TARGETS.has(phrase)) return { kind: 'lastTargets' };
  if (ALL.test(phrase)) return { kind: 'all' };
  const edited = parseEditedReference(phrase);
  if (edited) return edited;
  // "the others", "everything else", "the other scenes": all but what this session just changed.
  const others = /^(?:all )?(?:the )?(?:others|other (?<noun>.+)|rest(?: of them| of the (?<restNoun>.+))?)$|^(?:everything|anything) else$/.exec(phrase);
  if (others) {
    const noun = others.groups?.noun ?? others.groups?.restNoun;
    const base = noun === undefined || GENERIC_NOUNS.has(noun) ? ({ kind: 'all' } as const) : namedReference(noun, true);
    if (base && (noun === undefined || isPlural(base))) return { kind: 'except', base, excluded: { kind: 'lastTargets' } };
  }
  if (OPENING.test(phrase)) return { kind: 'edge', end: 'first', phrase: phrase.replace(/^the /, '') };
  if (CLOSING.test(phrase)) return { kind: 'edge', end: 'last', phrase: phrase.replace(/^the /, '') };

  const except = EXCEPT.exec(phrase);
  if (except) {
    const base = parseReference(except[1], quotes);
    const excluded = parseReference(except[2], quotes);
    if (base && excluded && isPlural(base)) return { kind: 'except', base, excluded };
  }
  const beyond = pluralBeyond(phrase, quotes);
  if (beyond) return beyond;

  const counted = COUNTED.exec(phrase);
  const howMany = counted ? parseNumber(counted[1]) : null;
  if (counted && howMany !== null && Number.isInteger(howMany) && howMany >= 2 && !/^(?:first|last)\b/.test(phrase)) {
    const noun = counted[2];
    const base = GENERIC_NOUNS.has(noun) ? ({ kind: 'all' } as const) : namedReference(noun, true);
    const nounLast = noun.slice(noun.lastIndexOf(' ') + 1);
    if (base && stem(nounLast) !== nounLast) return { kind: 'counted', count: howMany, base, phrase };
  }

  const both = /^both(?: of)?(?: the)? (.+)$/.exec(phrase);
  if (both && !both[1].includes(' and ')) {
    const base = namedReference(both[1], true);
    return base && { kind: 'counted', count: 2, base, phrase };
  }

  const numbered = numberedClips(phrase);
  if (numbered) return numbered;

  const parts = phrase.replace(/^both /, '').split(' and ');
  if (parts.length > 1) {
    const items = parts.map((part) => parseReference(part, quotes));
    if (items.every((item): item is ClipReference => item !== null)) {
      // In "the last clip and the one before it", "it" is the clip just named.
      const linked = items.map((item, index) =>
        index > 0 && item.kind === 'neighbour' && item.anchor.kind === 'lastTarget' ? { ...item, anchor: items[index - 1] } : item,
      );
      return { kind: 'list', phrase, items: linked };
    }
  }

  const nextOrPrevious = NEXT_OR_PREVIOUS.exec(phrase);
  if (nextOrPrevious) {
    const side = nextOrPrevious[1] === 'next' || nextOrPrevious[1] === 'following' ? 'after' : 'before';
    return { kind: 'neighbour', side, anchor: { kind: 'lastTarget' } };
  }
  const neighbour = NEIGHBOUR.exec(phrase);
  if (neighbour) {
    const anchor = parseReference(neighbour[2], quotes);
    const side = neighbour[1] === 'before' || neighbour[1] === 'preceding' ? 'before' : 'after';
    return anchor ? { kind: 'neighbour', side, anchor } : null;
  }
  const kindNeighbour = KIND_NEIGHBOUR.exec(phrase);
  if (kindNeighbour && KIND_WORDS[kindNeighbour[1]] && stem(kindNeighbour[1]) === kindNeighbour[1]) {
    const anchor = parseReference(kindNeighbour[3], quotes);
    const side = kindNeighbour[2] === 'before' || kindNeighbour[2] === 'preceding' ? 'before' : 'after';
    if (anchor) return { kind: 'neighbour', side, anchor, among: kindNeighbour[1] };
  }

  const described = DESCRIBED.exec(phrase);
  if (described) return namedReference(described[1], false);

  const clipNumber = CLIP_NUMBER.exec(phrase);
  if (clipNumber) {
    const position = parseWholeNumber(clipNumber[1]);
    if (position === null) return null;
    return { kind: 'position', ordinal: { index: position - 1, fromEnd: false }, among: null };
  }

  // "the last one" is a single clip; a range needs at least two.
  const range = RANGE.exec(phrase);
  const count = range ? parseNumber(range[2]) : null;
  if (range && count !== null && count >= 2) {
    const among = amongPhrase(range[3] ?? '');
    if (among === undefined || !Number.isInteger(count)) return null;
    return { kind: 'range', count, fromEnd: range[1] === 'last', among };
  }

  const words = phrase.replace(/^the /, '').split(' ');
  for (let length = Math.min(2, words.length); length >= 1; length--) {
    const ordinal = parseOrdinal(words.slice(0, length).join(' '));
    if (!ordinal) continue;
    const among = amongPhrase(words.slice(length).join(' '));
    return among === undefined ? null : { kind: 'position', ordinal, among };
  }

  // "each of the first two scenes", "all of the clips after the title": the quantifier adds nothing.
  const quantifiedGroup = /^(?:each|all|every one|any) of (.+)$/.exec(phrase);
  const group = quantifiedGroup ? parseReference(quantifiedGroup[1], quotes) : null;
  if (group && isPlural(group)) return group;

  const quantified = QUANTIFIED.exec(phrase);
  if (quantified) return namedReference(quantified[1], true);
  return namedReference(phrase, false);
}

/** "the clips after the title" (plural, so never "the clip after the title", which is one neighbour). */
function pluralBeyond(phrase: string, quotes: readonly string[]): ClipReference | null {
  const match = BEYOND.exec(phrase);
  if (!match) return null;
  const noun = match[1] ?? '';
  const everything = /^(?:everything|anything)\b/.test(phrase) && noun === '';
  const nounWords = noun.split(' ');
  const pluralNoun = noun !== '' && nounWords.length <= 3 && stem(nounWords[nounWords.length - 1]) !== nounWords[nounWords.length - 1];
  if (!everything && !pluralNoun) return null;
  const anchor = parseReference(match[2], quotes);
  if (!anchor) return null;
  const side = /before|preceding|ahead/.test(phrase.slice(noun.length)) ? 'before' : 'after';
  const among = everything || noun === 'clips' || noun === 'ones' || noun === 'shots' ? null : amongPhrase(noun);
  return among === undefined ? null : { kind: 'beyond', side, anchor, among };
}

/** "clips 1 and 2", "scenes 2 to 4": positions, among all clips or among clips of a kind. */
function numberedClips(phrase: string): ClipReference | null {
  const match = /^(?:the )?(\S+) (?:number |no |#)?(\S+)(?: and | to | through | thru |-)(?:number |no |#)?(\S+)$/.exec(phrase);
  if (!match) return null;
  const [, noun, firstText, lastText] = match;
  if (stem(noun) === noun) return null;
  const [first, last] = [parseWholeNumber(firstText), parseWholeNumber(lastText)];
  if (first === null || last === null || first < 1 || last < first || last - first > 50) return null;
  const among = noun === 'clips' || noun === 'ones' || noun === 'shots' ? null : amongPhrase(noun);
  if (among === undefined) return null;
  const through = / (?:to|through|thru) |-/.test(phrase);
  const positions = through ? Array.from({ length: last - first + 1 }, (_, index) => first + index) : [first, last];
  const items: ClipReference[] = positions.map((position) => ({
    kind: 'position',
    ordinal: { index: position - 1, fromEnd: false },
    among,
  }));
  return { kind: 'list', phrase, items };
}

/** Whether the reference may stand for several clips at once. */
function isPlural(reference: ClipReference): boolean {
  switch (reference.kind) {
    case 'lastTargets':
    case 'all':
    case 'range':
    case 'list':
    case 'except':
    case 'beyond':
    case 'counted':
      return true;
    case 'named':
    case 'edited':
      return reference.plural;
    default:
      return false;
  }
}

/** Clip names as sets of stemmed words, kept across messages since names rarely change; bounded. */
const NAME_WORDS = new Map<string, Set<string>>();

function nameWords(name: string): Set<string> {
  let words = NAME_WORDS.get(name);
  if (!words) {
    if (NAME_WORDS.size >= 10_000) NAME_WORDS.clear();
    words = new Set(stemmedWords(name));
    NAME_WORDS.set(name, words);
  }
  return words;
}

function matchesName(clip: Clip, wanted: readonly string[]): boolean {
  const have = nameWords(clip.name);
  return wanted.length > 0 && wanted.every((word) => have.has(word));
}

/**
 * Clips a name or kind phrase stands for, most specific first: an exact name, else names
 * containing the words ("the scene" → “Beach scene”, “City scene”), else the kind ("the audio"),
 * else names and kinds it is a misspelling of ("the beach scnee"); `loose` says it was the last.
 */
function namedClips(timeline: Timeline, phrase: string): { clips: Clip[]; loose: boolean } {
  const exact = timeline.filter((clip) => clip.name.toLowerCase() === phrase);
  if (exact.length > 0) return { clips: exact, loose: false };
  // A kind word ("the scenes") means every clip of that kind, and clips named after it too.
  const wanted = stemmedWords(phrase);
  const kind = KIND_WORDS[wanted.join(' ')];
  const clips = timeline.filter((clip) => matchesName(clip, wanted) || clip.kind === kind);
  if (clips.length > 0) return { clips, loose: false };
  return { clips: clipsNamedLoosely(timeline, wanted, nameWords), loose: true };
}

function clipsNamed(timeline: Timeline, phrase: string): Clip[] {
  return namedClips(timeline, phrase).clips;
}

function listClips(clips: readonly Clip[]): string {
  return clips.map((clip) => quote(clip.name)).join(', ');
}

const LISTED_WHEN_NOT_FOUND = 12;

/** How the reply to a phrase naming no clip begins; the interpreter then tries the instruction respelled. */
export const NO_CLIP_MATCHING = "I couldn't find a clip matching";

function notFound(phrase: string, timeline: Timeline): Outcome<Clip[]> {
  const listed = listClips(timeline.slice(0, LISTED_WHEN_NOT_FOUND));
  const more = timeline.length > LISTED_WHEN_NOT_FOUND ? ` and ${timeline.length - LISTED_WHEN_NOT_FOUND} more` : '';
  return refuse(`${NO_CLIP_MATCHING} ${quote(phrase)}. The clips are: ${listed}${more}.`);
}

function pool(timeline: Timeline, among: string | null): Outcome<Clip[]> {
  if (among === null) return succeed([...timeline]);
  const clips = clipsNamed(timeline, among);
  return clips.length > 0 ? succeed(clips) : notFound(among, timeline);
}

function candidates(reference: ClipReference, timeline: Timeline, context: SessionContext): Outcome<Clip[]> {
  switch (reference.kind) {
    case 'edge': {
      // A clip really called "Opening shot" is what "the opening shot" means.
      const wanted = stemmedWords(reference.phrase);
      const named = timeline.filter((clip) => clip.name.toLowerCase() === reference.phrase || matchesName(clip, wanted));
      if (named.length > 0) return succeed(named);
      const footage = timeline.filter((clip) => clip.kind !== 'audio');
      const from = footage.length > 0 ? footage : timeline;
      return succeed([reference.end === 'first' ? from[0] : from[from.length - 1]]);
    }
    case 'counted': {
      const clips = resolveReference(reference.base, timeline, context);
      if (!clips.ok || clips.value.length === reference.count) return clips;
      return refuse(
        `You said ${reference.count === 2 && reference.phrase.startsWith('both') ? 'both' : reference.count}, but ${formatCount(clips.value.length, 'clip matches', 'clips match')}: ` +
          `${listClips(clips.value)}. Which ones do you mean?`,
      );
    }
    case 'except': {
      const base = resolveReference(reference.base, timeline, context);
      if (!base.ok) return base;
      const excluded = candidates(reference.excluded, timeline, context);
      if (!excluded.ok) return excluded;
      const left = base.value.filter((clip) => !excluded.value.some((other) => other.id === clip.id));
      return left.length > 0 ? succeed(left) : refuse('That leaves no clip to change.');
    }
    case 'beyond': {
      const anchor = resolveReference(reference.anchor, timeline, context);
      if (!anchor.ok) return anchor;
      const index = timeline.findIndex((clip) => clip.id === anchor.value[0].id);
      const side = reference.side === 'before' ? timeline.slice(0, index) : timeline.slice(index + 1);
      const among = reference.among === null ? null : new Set(clipsNamed(timeline, reference.among).map((clip) => clip.id));
      const clips = among === null ? side : side.filter((clip) => among.has(clip.id));
      if (clips.length > 0) return succeed(clips);
      return refuse(`There is no ${reference.among === null ? 'clip' : singular(reference.among)} ${reference.side} ${quote(anchor.value[0].name)}.`);
    }
    case 'lastTarget':
    case 'lastTargets': {
      const ids = lastTargetClipIds(context);
      if (ids.length === 0) {
        return refuse("Which clip do you mean? I haven't changed any clip in this session yet.");
      }
      const wanted = reference.kind === 'lastTarget' ? ids.slice(-1) : ids;
      const clips = timeline.filter((clip) => wanted.includes(clip.id));
      return clips.length > 0 ? succeed(clips) : refuse('The clip I last changed is no longer in the timeline. Which clip do you mean?');
    }
    case 'all':
      return succeed([...timeline]);
    case 'edited':
      return editedClips(reference, timeline, context);
    case 'position': {
      const among = pool(timeline, reference.among);
      if (!among.ok) return among;
      const { index, fromEnd } = reference.ordinal;
      const clip = among.value[fromEnd ? among.value.length - 1 - index : index];
      if (clip) return succeed([clip]);
      const noun = reference.among === null ? 'clip' : `${singular(reference.among)} clip`;
      const which = fromEnd ? `${ordinalWord(index + 1)}-to-last` : ordinalWord(index + 1);
      const existing = formatCount(among.value.length, noun);
      const have = reference.among === null ? `the timeline has ${existing}` : `there are ${existing}`;
      return refuse(`There is no ${which} ${noun}: ${have}.`);
    }
    case 'range': {
      const among = pool(timeline, reference.among);
      if (!among.ok) return among;
      if (reference.count > among.value.length) {
        const noun = reference.among === null ? 'clip' : `${singular(reference.among)} clip`;
        return refuse(`There are only ${formatCount(among.value.length, noun)}, not ${reference.count}.`);
      }
      const clips = reference.fromEnd ? among.value.slice(-reference.count) : among.value.slice(0, reference.count);
      return succeed(clips);
    }
    case 'neighbour': {
      const anchor = resolveReference(reference.anchor, timeline, context);
      if (!anchor.ok) return anchor;
      const [clip] = anchor.value;
      const index = timeline.findIndex((candidate) => candidate.id === clip.id);
      if (reference.among) {
        const kind = new Set(clipsNamed(timeline, reference.among).map((candidate) => candidate.id));
        const side = reference.side === 'before' ? timeline.slice(0, index).reverse() : timeline.slice(index + 1);
        const nearest = side.find((candidate) => kind.has(candidate.id));
        if (nearest) return succeed([nearest]);
        return refuse(`There is no ${reference.among} ${reference.side} ${quote(clip.name)}.`);
      }
      const neighbour = timeline[reference.side === 'before' ? index - 1 : index + 1];
      if (neighbour) return succeed([neighbour]);
      const edge = reference.side === 'before' ? 'first' : 'last';
      return refuse(`There is no clip ${reference.side} ${quote(clip.name)}: it is the ${edge} clip.`);
    }
    case 'named': {
      const clips = clipsNamed(timeline, reference.phrase);
      return clips.length > 0 ? succeed(clips) : notFound(reference.phrase, timeline);
    }
    case 'list': {
      const named = timeline.filter((clip) => clip.name.toLowerCase() === reference.phrase);
      if (named.length > 0) return succeed(named);
      const ids = new Set<string>();
      for (const item of reference.items) {
        const resolution = resolveReference(item, timeline, context);
        if (!resolution.ok) return resolution;
        for (const clip of resolution.value) ids.add(clip.id);
      }
      return succeed(timeline.filter((clip) => ids.has(clip.id)));
    }
  }
}

/** The clips a reference stands for, in timeline order, or a reply asking or explaining why not. */
export function resolveReference(reference: ClipReference, timeline: Timeline, context: SessionContext): Outcome<Clip[]> {
  if (timeline.length === 0) return refuse(EMPTY_TIMELINE);
  const resolution = candidates(reference, timeline, context);
  if (!resolution.ok || isPlural(reference) || resolution.value.length === 1) return resolution;
  const chosen = (context as ChoosingContext).choose?.(resolution.value);
  if (chosen) return succeed(chosen);
  const count = resolution.value.length;
  if (reference.kind === 'named' && namedClips(timeline, reference.phrase).loose) {
    return refuse(`${WHICH_CLIP} ${quote(reference.phrase)} is close to ${count} clips: ${listClips(resolution.value)}.`);
  }
  const label = reference.kind === 'named' ? `${singular(reference.phrase)} clips` : 'matching clips';
  return refuse(`${WHICH_CLIP} There are ${count} ${label}: ${listClips(resolution.value)}.`);
}
