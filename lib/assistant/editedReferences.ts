/**
 * References to clips by what this session did to them: "the clip you just trimmed", "whatever
 * you sped up", "the clips you muted", "the one you touched first". The session's edits are the
 * memory, so they resolve after a restore or a resume as they did before.
 */
import { editsOldestFirst } from './history';
import { refuse, succeed, type Outcome } from './outcome';
import type { Clip, SessionContext, SessionEdit, Timeline } from './types';

/** A clip reference by an earlier edit: its actions (null: any change), the latest such edit or the first. */
export interface EditedReference {
  kind: 'edited';
  actions: readonly string[] | null;
  which: 'latest' | 'first';
  plural: boolean;
  /** The verb as said ("trimmed"), for a reply when no edit matches. */
  verb: string;
}

const DURATION_SHORTER = ['shorten', 'setDuration', 'split'];
const DURATION_LONGER = ['lengthen', 'setDuration', 'matchLength'];

/** Past-tense verbs and the edit actions they name. */
const VERBS: Record<string, readonly string[] | null> = {
  trimmed: DURATION_SHORTER,
  shortened: DURATION_SHORTER,
  cut: DURATION_SHORTER,
  lengthened: DURATION_LONGER,
  extended: DURATION_LONGER,
  stretched: DURATION_LONGER,
  resized: [...DURATION_SHORTER, ...DURATION_LONGER],
  'sped up': ['speedUp', 'setSpeed'],
  accelerated: ['speedUp', 'setSpeed'],
  'slowed down': ['slowDown', 'setSpeed'],
  slowed: ['slowDown', 'setSpeed'],
  renamed: ['rename'],
  muted: ['mute'],
  silenced: ['mute'],
  unmuted: ['unmute'],
  faded: ['fadeIn', 'fadeOut'],
  'faded in': ['fadeIn'],
  'faded out': ['fadeOut'],
  moved: ['move', 'swap'],
  swapped: ['swap'],
  duplicated: ['duplicate'],
  copied: ['duplicate'],
  split: ['split'],
  added: ['addClip', 'duplicate'],
  changed: null,
  touched: null,
  edited: null,
  modified: null,
  adjusted: null,
};

const VERB = Object.keys(VERBS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** "the clip you (just) trimmed (first)", "whatever we sped up", "the clips that you muted", "the one you changed last". */
const EDITED = new RegExp(
  `^(?<head>the (?:clip|one|scene|shot|clips|ones|scenes|shots)(?: that)?|whatever|what|whichever(?: clips?| ones?)?|anything) ` +
    `(?:you|we) (?:just |last |first |already |most recently )?(?<verb>${VERB})(?: (?<when>first|last|earlier|before|just now|most recently|at the start))?$`,
);

const PLURAL_HEAD = /^(?:the (?:clips|ones|scenes|shots)|whatever|what|whichever|anything)/;

/** The reference a phrase makes to an earlier edit, or null when it makes none. */
export function parseEditedReference(phrase: string): EditedReference | null {
  const match = EDITED.exec(phrase);
  if (!match?.groups) return null;
  const { head, verb, when } = match.groups;
  const first = /\bfirst\b/.test(phrase.slice(head.length)) || when === 'at the start';
  return { kind: 'edited', actions: VERBS[verb], which: first ? 'first' : 'latest', plural: PLURAL_HEAD.test(head), verb };
}

/**
 * The clips the matching edits acted on that are still in the timeline: for "the clip you muted" the
 * latest such edit's (or with "first" the earliest's); for "the clips you muted", every such edit's.
 */
export function editedClips(reference: EditedReference, timeline: Timeline, context: SessionContext): Outcome<Clip[]> {
  const edits = matchingEdits(reference, context.edits);
  if (edits.length === 0) return refuse(`I haven't ${reference.verb} any clip in this session yet. Which clip do you mean?`);
  const ids = new Set(edits.flatMap((edit) => edit.intent.targetClipIds));
  const clips = timeline.filter((clip) => ids.has(clip.id));
  if (clips.length > 0) return succeed(clips);
  return refuse(`The clip I ${reference.verb} is no longer in the timeline. Which clip do you mean?`);
}

function matchingEdits(reference: EditedReference, edits: readonly SessionEdit[]): SessionEdit[] {
  const { actions } = reference;
  const matching = editsOldestFirst(edits).filter((edit) => edit.intent.targetClipIds.length > 0 && (actions === null || actions.includes(edit.intent.action)));
  if (reference.which === 'first') return matching.slice(0, 1);
  // "whatever you changed" is the latest change; "the clips you muted" every mute.
  return reference.plural && actions !== null ? matching : matching.slice(-1);
}
