import type { ClipAttributes, Operation, SessionEdit } from '@/lib/timeline/model';

/**
 * A session's title, made from what happened in it: its first instruction, cleaned up, until it
 * has edits; then a summary of its edits ("Outro +2 s, then undone; Arrival at the airport +2 s").
 * Pure, so the app, the demo seed and the tests title sessions the same way.
 */

/** Where a session's title came from. A `user` title (renamed) is never replaced. */
export const TITLE_SOURCES = ['instruction', 'edits', 'user'] as const;
export type TitleSource = (typeof TITLE_SOURCES)[number];

/** Titles are cut at this many characters (graphemes, the ellipsis included), on a word boundary. */
export const TITLE_MAX_LENGTH = 60;

const ELLIPSIS = '…';
const MINUS = '\u2212';

/** The parts of a stored edit a title reads. */
export type TitledEdit = Pick<SessionEdit, 'intent' | 'operations' | 'revertedAt'>;

export interface SessionTitleInput {
  /** The session's first instruction; null while it has none. */
  firstInstruction: string | null;
  /** The session's edits, oldest first, undone ones included. */
  edits: readonly TitledEdit[];
  /** Clip names by id (the timeline as it is now); clips an edit added or removed carry their own. */
  clipNames: ReadonlyMap<string, string>;
}

/** A title the app made, and what from. */
export interface AutomaticTitle {
  title: string;
  source: Exclude<TitleSource, 'user'>;
}

/** The automatic title and its source; null while the session has neither an instruction nor an edit. */
export function sessionTitle(input: SessionTitleInput): AutomaticTitle | null {
  if (input.edits.length > 0) return { title: editsTitle(input.edits, input.clipNames), source: 'edits' };
  const title = input.firstInstruction === null ? null : instructionTitle(input.firstInstruction);
  return title === null ? null : { title, source: 'instruction' };
}

// ---------------------------------------------------------------------------------------------
// From the first instruction

// Line breaks and tabs become spaces; other control and direction-formatting characters go.
const LINE_BREAKS = /[\p{Cc}\u2028\u2029]/gu;
// Zero-width joiners (emoji sequences) and variation selectors stay; bidi controls and other invisibles go.
const INVISIBLE = /[\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/gu;
const TRAILING_PUNCTUATION = /[\s.,;:]+$/u;

/** "  make the OUTRO a bit\nlonger. " → "Make the OUTRO a bit longer"; null when nothing is left. */
export function instructionTitle(instruction: string): string | null {
  const cleaned = instruction.replace(LINE_BREAKS, ' ').replace(INVISIBLE, '').replace(/\s+/gu, ' ').trim().replace(TRAILING_PUNCTUATION, '');
  if (cleaned === '') return null;
  return truncate(sentenceCase(cleaned));
}

/** The first letter capitalized; text written all in capitals is lower-cased first. */
function sentenceCase(text: string): string {
  const shouted = /\p{Lu}.*\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
  const base = shouted ? text.toLocaleLowerCase('en') : text;
  const first = String.fromCodePoint(base.codePointAt(0)!);
  const upper = first.toLocaleUpperCase('en');
  // A letter with no one-character capital (ß → SS) is left as written.
  if (!/\p{Ll}/u.test(first) || [...upper].length !== 1) return base;
  return upper + base.slice(first.length);
}

/** A first word written all in lower case gets a capital ("outro +2 s"); a name like "iPhone" is left alone. */
function capitalized(text: string): string {
  const firstWord = /^\p{L}+/u.exec(text)?.[0] ?? '';
  return firstWord !== '' && !/\p{Lu}/u.test(firstWord) ? sentenceCase(text) : text;
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const words = new Intl.Segmenter('en', { granularity: 'word' });

function graphemeLength(text: string): number {
  // Printable ASCII is one grapheme per character; segmenting costs far more (a title is made on every edit).
  if (PRINTABLE_ASCII.test(text)) return text.length;
  let count = 0;
  for (const _ of graphemes.segment(text)) count += 1;
  return count;
}

/** At most TITLE_MAX_LENGTH graphemes: cut at the last word boundary that fits, with an ellipsis. */
export function truncate(text: string, max = TITLE_MAX_LENGTH): string {
  // No text has more graphemes than UTF-16 code units.
  if (text.length <= max || graphemeLength(text) <= max) return text;
  const room = max - 1;
  let kept = '';
  let keptLength = 0;
  for (const { segment } of words.segment(text)) {
    const length = graphemeLength(segment);
    if (keptLength + length > room) break;
    kept += segment;
    keptLength += length;
  }
  kept = kept.replace(/[\s\p{P}]+$/u, '');
  if (kept === '') {
    // One word longer than the limit: cut it between graphemes.
    for (const { segment } of graphemes.segment(text)) {
      if (graphemeLength(kept) + 1 > room) break;
      kept += segment;
    }
  }
  return kept + ELLIPSIS;
}

// ---------------------------------------------------------------------------------------------
// From the edits

/** One change to one or more clips, e.g. ["Outro"] "+2 s". */
interface Change {
  clips: string[];
  text: string;
}

/** Each edit's changes, consecutive ones on the same clips run together: "Outro +2 s, then undone; Intro muted". */
function editsTitle(edits: readonly TitledEdit[], clipNames: ReadonlyMap<string, string>): string {
  const names = withOwnNames(clipNames, edits);
  const groups: { label: string; parts: string[]; edits: number }[] = [];
  for (const edit of edits) {
    const undone = edit.revertedAt !== null;
    const changes = editChanges(edit, names);
    changes.forEach((change, index) => {
      const label = clipsLabel(change.clips);
      const text = undone ? `${change.text}, then undone` : change.text;
      const last = groups.at(-1);
      const countsEdit = index === 0 ? 1 : 0;
      if (last && last.label === label && label !== '') {
        last.parts.push(text);
        last.edits += countsEdit;
      } else {
        groups.push({ label, parts: [text], edits: countsEdit });
      }
    });
  }
  const texts = groups.map((group) => [group.label, repeatsCounted(group.parts).join(', then ')].filter(Boolean).join(' '));
  return capitalized(
    fitGroups(
      texts,
      groups.map((group) => group.edits),
    ),
  );
}

/** The same change made several times in a row reads once, counted: "+1 s ×3". */
function repeatsCounted(parts: readonly string[]): string[] {
  const counted: { text: string; times: number }[] = [];
  for (const text of parts) {
    const last = counted.at(-1);
    if (last?.text === text) last.times += 1;
    else counted.push({ text, times: 1 });
  }
  return counted.map(({ text, times }) => (times === 1 ? text : `${text} ×${times}`));
}

/**
 * As many whole groups as fit, then how many edits are left out ("; 3 more edits"); a first
 * group too long on its own is cut on a word boundary.
 */
function fitGroups(texts: readonly string[], editCounts: readonly number[]): string {
  const whole = texts.join('; ');
  if (graphemeLength(whole) <= TITLE_MAX_LENGTH) return whole;
  for (let kept = texts.length - 1; kept >= 1; kept -= 1) {
    const left = editCounts.slice(kept).reduce((sum, count) => sum + count, 0);
    // What is left out may be the rest of an edit already named (one instruction changing several clips).
    const more = left === 0 ? '…' : `${left} more edit${left === 1 ? '' : 's'}`;
    const candidate = `${texts.slice(0, kept).join('; ')}; ${more}`;
    if (graphemeLength(candidate) <= TITLE_MAX_LENGTH) return candidate;
  }
  return truncate(whole);
}

function clipsLabel(clips: readonly string[]): string {
  if (clips.length <= 1) return clips[0] ?? '';
  if (clips.length === 2) return `${clips[0]} and ${clips[1]}`;
  return `${clips.length} clips`;
}

/** Clip names from the timeline, and from the clips the edits added or removed (gone from the timeline). */
function withOwnNames(clipNames: ReadonlyMap<string, string>, edits: readonly TitledEdit[]): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  for (const edit of edits) {
    for (const operation of edit.operations) {
      if (operation.type === 'insert' || operation.type === 'remove') names.set(operation.clip.id, operation.clip.name);
    }
  }
  for (const [id, name] of clipNames) names.set(id, name);
  return names;
}

function nameOf(names: ReadonlyMap<string, string>, clipId: string): string {
  return names.get(clipId) ?? 'A clip';
}

/** What an edit did, per clip; clips changed the same way share one change. */
function editChanges(edit: TitledEdit, current: ReadonlyMap<string, string>): Change[] {
  const names = namesBefore(edit, current);
  const targets = edit.intent.targetClipIds.map((id) => nameOf(names, id));
  switch (edit.intent.action) {
    case 'restoreTimeline':
      return [{ clips: [], text: 'Timeline restored' }];
    case 'swap':
      return [{ clips: targets.slice(0, 2), text: 'swapped' }];
    case 'split':
      return [{ clips: targets.slice(0, 1), text: 'split' }];
    case 'duplicate':
      return merged(targets.map((name) => ({ clips: [name], text: 'duplicated' })));
  }
  return byClips(merged(operationChanges(edit.operations, names)));
}

/** A clip the edit renamed (or split, which renames) is called what it was called before. */
function namesBefore(edit: TitledEdit, current: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const renamed = edit.operations.filter((operation) => operation.type === 'update' && operation.before.name !== undefined);
  if (renamed.length === 0) return current;
  const names = new Map(current);
  for (const operation of renamed) if (operation.type === 'update') names.set(operation.clipId, operation.before.name!);
  return names;
}

function operationChanges(operations: readonly Operation[], names: ReadonlyMap<string, string>): Change[] {
  const changes: Change[] = [];
  for (const operation of operations) {
    switch (operation.type) {
      case 'insert':
        changes.push({ clips: [operation.clip.name], text: 'added' });
        break;
      case 'remove':
        changes.push({ clips: [operation.clip.name], text: 'deleted' });
        break;
      case 'move':
        changes.push({ clips: [nameOf(names, operation.clipId)], text: 'moved' });
        break;
      case 'update': {
        const text = attributeChanges(operation.before, operation.after).join(', ');
        if (text) changes.push({ clips: [nameOf(names, operation.clipId)], text });
        break;
      }
    }
  }
  return changes;
}

/** "+2 s", "fade-in 1 s", "muted", "2× speed", "volume 80%", "renamed “Opening”". */
function attributeChanges(before: Partial<ClipAttributes>, after: Partial<ClipAttributes>): string[] {
  const texts: string[] = [];
  if (after.name !== undefined && after.name !== before.name) texts.push(`renamed “${after.name}”`);
  // A new speed changes the duration with it: the speed is what was asked for.
  const speedChanged = after.speed !== undefined && after.speed !== before.speed;
  if (!speedChanged && after.durationMs !== undefined && before.durationMs !== undefined && after.durationMs !== before.durationMs) {
    const delta = after.durationMs - before.durationMs;
    texts.push(`${delta > 0 ? '+' : MINUS}${seconds(Math.abs(delta))}`);
  }
  for (const [key, label] of [
    ['fadeInMs', 'fade-in'],
    ['fadeOutMs', 'fade-out'],
  ] as const) {
    const value = after[key];
    if (value === undefined || value === before[key]) continue;
    texts.push(value === 0 ? `${label} removed` : `${label} ${seconds(value)}`);
  }
  if (speedChanged) texts.push(after.speed === 1 ? 'normal speed' : `${round(after.speed!, 2)}× speed`);
  if (after.volume !== undefined && after.volume !== before.volume) texts.push(`volume ${after.volume}%`);
  if (after.muted !== undefined && after.muted !== before.muted) texts.push(after.muted ? 'muted' : 'unmuted');
  if (after.kind !== undefined && after.kind !== before.kind) texts.push(`made a ${after.kind}`);
  if (after.text !== undefined && after.text !== before.text) texts.push('text changed');
  return texts;
}

/** 2000 → "2 s", 1500 → "1.5 s", 250 → "0.25 s". */
function seconds(ms: number): string {
  return `${round(ms / 1000, 3)} s`;
}

function round(value: number, decimals: number): string {
  return String(Number(value.toFixed(decimals)));
}

/** Changes of one edit to the same clips are one change: "moved, text changed". */
function byClips(changes: readonly Change[]): Change[] {
  const byLabel = new Map<string, Change>();
  for (const change of changes) {
    const label = clipsLabel(change.clips);
    const existing = byLabel.get(label);
    if (existing) existing.text = `${existing.text}, ${change.text}`;
    else byLabel.set(label, { ...change });
  }
  return [...byLabel.values()];
}

/** Changes with the same text, one after another or not, become one change naming all their clips. */
function merged(changes: readonly Change[]): Change[] {
  const byText = new Map<string, Change>();
  for (const change of changes) {
    const existing = byText.get(change.text);
    if (existing) {
      for (const clip of change.clips) if (!existing.clips.includes(clip)) existing.clips.push(clip);
    } else {
      byText.set(change.text, { clips: [...change.clips], text: change.text });
    }
  }
  return [...byText.values()];
}
