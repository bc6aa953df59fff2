/** Instructions about the conversation itself: undo, redo, repeat, more/less, help. */
import { clarify, reference, rule, type Adjustment, type EditMatch, type ParsedCommand, type Rule } from './grammar';
import { parseReference } from './references';
import { parseCount } from './numbers';

const ONE_CHANGE =
  /^(?:that|it|this|what you (?:just )?did|(?:(?:that|this|the|my|your) )?(?:(?:last|latest|previous|most recent) )?(?:change|edit|one|thing|step|action))$/i;
const SEVERAL_CHANGES = [
  /^(?:the )?(?:last|previous|latest) (?<count>.+?)(?: (?:changes|edits|steps|things|ones|actions))?$/i,
  /^(?<count>.+?) (?:changes|edits|steps|things|actions|times)$/i,
];
const ALL_CHANGES = /^(?:everything|all|every (?:change|edit)|all (?:the |my |your |of the )?(?:changes|edits)|all of (?:that|it|them))$/i;
const SESSION_SUFFIX = / (?:in|from|during) (?:this|the) (?:session|conversation)$| (?:you|i|we) (?:did|made)$/i;

/** How many changes an undo or redo refers to: "that", "the last 3 changes", "everything". */
function changeCount(what: string | undefined): number | 'all' | null {
  if (what === undefined) return 1;
  const phrase = what.replace(SESSION_SUFFIX, '');
  if (ONE_CHANGE.test(phrase)) return 1;
  if (/^twice$/i.test(phrase)) return 2;
  if (/^thrice$/i.test(phrase)) return 3;
  if (ALL_CHANGES.test(phrase)) return 'all';
  for (const pattern of SEVERAL_CHANGES) {
    const count = parseCount(pattern.exec(phrase)?.groups?.count ?? '');
    if (count !== null) return count;
  }
  return null;
}

const UNDO_HELP = 'I can undo the last change (“undo”), the last few (“undo the last 3 changes”) or everything in this session (“undo everything”).';
const REDO_HELP = 'I can redo the last undone change (“redo”) or several (“redo the last 2 changes”).';

/** Kinds of change people name when undoing one ("undo the fade"), and the actions that made them. */
const CHANGE_KINDS: [RegExp, string[], string][] = [
  [/^fade ins?$/, ['fadeIn'], 'fade-in'],
  [/^fade outs?$/, ['fadeOut'], 'fade-out'],
  [/^fades?(?: effects?)?$|^fading$/, ['fadeIn', 'fadeOut'], 'fade'],
  [
    /^(?:speed|speed (?:change|up)|speeding up|slow ?down|slowing down|slow motion|slo mo|playback speed)$/,
    ['speedUp', 'slowDown', 'setSpeed'],
    'speed change',
  ],
  [/^(?:mute|muting|unmute|unmuting)$/, ['mute', 'unmute'], 'mute'],
  [/^(?:volume|volume change|level|gain)$/, ['setVolume'], 'volume change'],
  [/^(?:move|moving|reorder|reordering)$/, ['move'], 'move'],
  [/^(?:swap|swapping|switch)$/, ['swap'], 'swap'],
  [/^(?:delete|deletion|deleting|removal|remove)$/, ['delete'], 'deletion'],
  [/^(?:duplicate|duplication|duplicating|copy)$/, ['duplicate'], 'duplicate'],
  [/^(?:split|splitting|cut in (?:half|two))$/, ['split'], 'split'],
  [/^(?:rename|renaming|name change|new name)$/, ['rename'], 'rename'],
  [/^(?:trim|trimming|shortening|cut|cutting)$/, ['shorten', 'setDuration'], 'trim'],
  [/^(?:lengthening|extension|extending|stretch|stretching)$/, ['lengthen', 'setDuration'], 'lengthening'],
  [/^(?:duration|length|timing|duration change|length change|resize|resizing)$/, ['lengthen', 'shorten', 'setDuration'], 'duration change'],
  [/^(?:new )?(?:title|title card|card|intro card|outro card|added (?:title|card))$/, ['addClip'], 'added card'],
];

const FIRST_CHANGE = /^(?:the |your |my )?(?:very )?first (?:change|edit|step|one|thing(?: (?:you|we) (?:did|changed|made))?)(?: (?:you|we) (?:did|made))?$/;
const ALL_BUT =
  /^(?:everything|all|all (?:the |my |your |of the )?(?:changes|edits)) (?:but|except(?: for)?|apart from|other than|save for|besides) (?<kept>.+)$/;
/** "how it was at the start": every change the session made to it, not only the newest. */
const AT_THE_START =
  /(?: back)?(?: (?:to )?(?:how|the way|what) (?:it|they) (?:was|were))? (?:at the (?:start|beginning)|originally|to begin with|in the beginning|before (?:you|we) started)$/i;

/**
 * "undo the fade" (the newest fade), "undo the changes to the outro", "restore the outro" (the newest edit on it),
 * "undo the very first change", "undo all but the volume change", "put the intro back how it was at the start".
 */
function matchChange(what: string, quotes: readonly string[]): EditMatch | null {
  const lower = what.toLowerCase();
  if (FIRST_CHANGE.test(lower)) return { by: 'first' };
  const allBut = ALL_BUT.exec(lower)?.groups?.kept;
  if (allBut !== undefined) {
    const kept = describedChange(allBut, quotes);
    return kept && { by: 'allBut', except: kept };
  }
  if (AT_THE_START.test(lower)) {
    const every = describedChange(what.replace(AT_THE_START, ''), quotes);
    return every?.by === 'clip' ? { ...every, all: true } : every;
  }
  return describedChange(what, quotes);
}

/** A change named by its kind ("the fade") or by the clips it touched ("the outro"). */
function describedChange(what: string, quotes: readonly string[]): Extract<EditMatch, { by: 'action' | 'clip' }> | null {
  const phrase = what.toLowerCase().replace(/^(?:the|that|this|my|your)(?: (?:last|latest|recent|most recent))? /, '');
  const kindPhrase = phrase.replace(/ (?:change|edit|effect|i asked for|you (?:did|made|added))$/, '');
  for (const [pattern, actions, label] of CHANGE_KINDS) {
    if (pattern.test(kindPhrase)) return { by: 'action', actions, label };
  }
  const onClip =
    /^(?:changes?|edits?|what you did|what you changed|everything you did|whatever you did) (?:to|on|with|of) (?<target>.+)$/.exec(phrase)?.groups?.target ??
    what.replace(/ (?:changes?|edits?)$/, '');
  const target = parseReference(onClip, quotes);
  return target && { by: 'clip', target };
}

function undo(what: string | undefined, quotes: readonly string[] = []): ParsedCommand {
  const count = changeCount(what);
  if (count !== null) return { type: 'undo', count };
  const match = what === undefined ? null : matchChange(what, quotes);
  return match ? { type: 'revertMatching', match } : clarify(UNDO_HELP);
}

function adjust(how: Adjustment): ParsedCommand {
  return { type: 'adjust', how };
}

const MORE =
  /^(?:more|even more|some more|much more|a lot more|lots more|more still|still more|more of (?:that|the same)|further|go further|keep going|do (?:it|that) more|(?:make it )?(?:a )?(?:touch|tad|bit) more|more please)$/i;
const LESS =
  /^(?:less|even less|not (?:so|that|as) much|too much|that(?:'s| s| is|s) (?:too much|a bit much|overdone|too strong)|that was too much|overdone|(?:tone|dial|pull|scale) (?:it|that) (?:down|back)|back off|ease off|less than that|go back (?:a bit|halfway|some)|(?:make it |do it )?(?:a )?(?:touch|tad|bit )?less|a little less)$/i;
const DIRECTION =
  /^(?<make>(?:make|get) (?:it|them|that|those) )?(?:(?<pre>even|still|yet|much|a lot|a bit) )?(?<direction>longer|shorter|faster|slower|quicker)(?: (?<post>still|again|yet|then|than that))?$/i;

function direction(make: string | undefined, pre: string | undefined, word: string, post: string | undefined) {
  // "make it shorter" is an ordinary edit; "even shorter", "shorter still" or a bare "shorter" follow up the last one.
  if (make !== undefined && pre === undefined && post === undefined) return null;
  const lower = word.toLowerCase();
  return adjust({ kind: 'direction', direction: lower === 'quicker' ? 'faster' : (lower as 'longer' | 'shorter' | 'faster' | 'slower') });
}

function redo(what: string | undefined): ParsedCommand {
  const count = changeCount(what);
  return count === null ? clarify(REDO_HELP) : { type: 'redo', count };
}

function repeat(target: string | undefined, quotes: readonly string[]): ParsedCommand | null {
  if (target === undefined) return { type: 'repeat', target: null };
  const parsed = reference(target, quotes);
  return parsed ? { type: 'repeat', target: parsed } : null;
}

/** "rename it back", "unmute it back": the newest edit of that kind on that clip, undone. */
const BACK_VERBS: Record<string, string[]> = {
  rename: ['rename'],
  name: ['rename'],
  move: ['move', 'swap'],
  mute: ['mute', 'unmute'],
  unmute: ['mute', 'unmute'],
  speed: ['speedUp', 'slowDown', 'setSpeed'],
  slow: ['speedUp', 'slowDown', 'setSpeed'],
  fade: ['fadeIn', 'fadeOut'],
};

export const SESSION_RULES: readonly Rule[] = [
  rule(/^(?:help|what can you do|what do you do|what can i say|how does this work|commands)$/i, () => ({
    type: 'help',
  })),
  rule(/^take (?:that|it) back$/i, () => undo(undefined)),
  rule(
    /^(?:forget (?:that|it|about (?:it|that))|never ?mind(?: that)?|scrap (?:that|it)|ditch (?:that|it)|nope|go back|go back to (?:how|what|the way) (?:it|things) (?:was|were)(?: before)?|(?:change|put|set|turn|switch) (?:it|that) back(?: (?:to )?(?:how|the way|where|what) it was(?: before)?)?|back to (?:how|the way|what) it was(?: before)?|i (?:don't|do not|didn t) like (?:that|it)|that(?:'s| s| is|s) wrong|that was wrong|that(?:'s| s| is|s) not (?:right|what i (?:meant|wanted))|(?:reverse|back out) (?:that|it)(?: change)?|(?:leave|keep) it (?:as|how|the way) it was(?: before)?)$/i,
    () => undo(undefined),
  ),
  rule(
    /^(?:start over|start again from scratch|start from scratch|reset everything|revert everything|undo all(?: of)? (?:that|it)|go back to (?:the )?(?:original|beginning|start)(?: version)?|restore (?:the )?original(?: (?:timeline|video|version))?)$/i,
    () => undo('everything'),
  ),
  // An undo taken back: "bring back what you had before I said undo", "undo the undo".
  rule(
    /^(?:(?:bring|put) back (?:what (?:you|we) (?:had|undid)|the (?:change|edit|one) (?:you|we) undid)(?: before (?:i|you) (?:said|asked for|typed) undo)?|undo (?:the|that|my) undo)$/i,
    () => redo(undefined),
  ),
  rule(/^(?:undo|revert|roll back|take back|scratch|cancel|reverse)(?: (?<what>.+))?$/i, ({ what }, quotes) => undo(what, quotes)),
  // "put the intro back how it was at the start": before the edit rules, which would read "put … at the start" as a move.
  rule(/^(?:put|set|change|turn|bring|get|restore|reset|return) (?<what>.+)$/i, ({ what = '' }, quotes) => {
    if (!AT_THE_START.test(what.toLowerCase())) return null;
    const match = matchChange(what, quotes);
    return match && { type: 'revertMatching', match };
  }),
  // "remove the fade" with no clip named: the fade this session added.
  rule(/^(?:remove|delete|drop|clear|get rid of|lose|kill) (?:the|that|this|my|your) (?<what>fade(?: in| out)?)$/i, ({ what }, quotes) =>
    undo(`the ${what}`, quotes),
  ),
  rule(/^(?:redo|re do|reapply|re apply)(?: (?<what>.+))?$/i, ({ what }) => redo(what)),
  rule(MORE, () => adjust({ kind: 'more' })),
  rule(LESS, () => adjust({ kind: 'less' })),
  rule(DIRECTION, ({ make, pre, direction: word = '', post }) => direction(make, pre, word, post)),
  // "too long" on its own, or "too long, bring it back": the latest clips the other way.
  rule(
    /^(?:that(?:'s| s| is|s) |it(?:'s| s| is) |now (?:it(?:'s| s| is) )?)?(?:way |much )?too (?<quality>long|short|fast|slow)(?: now)?(?: (?:bring|pull|take|dial) it back)?$/i,
    ({ quality = '' }) => {
      const opposite = { long: 'shorter', short: 'longer', fast: 'slower', slow: 'faster' } as const;
      return adjust({ kind: 'direction', direction: opposite[quality.toLowerCase() as keyof typeof opposite] });
    },
  ),
  rule(
    /^(?:again|one more time|once more|repeat|same again|repeat (?:the )?last (?:change|edit)|(?:do (?:it|that) )?(?:again|one more time|once more)|and again|one more|another one|repeat (?:it|that))$/i,
    () => ({
      type: 'repeat',
      target: null,
    }),
  ),
  rule(/^(?:(?:do|apply|make) )?(?:the )?same(?: thing| change| edit)?(?: again)?(?: (?:to|for|with|on) (?<target>.+))?$/i, ({ target }, quotes) =>
    repeat(target, quotes),
  ),
  rule(/^(?:do|apply|repeat) (?:that|this|it)(?: change| edit)?(?: again)?(?: (?:to|for|with|on) (?<target>.+))?$/i, ({ target }, quotes) =>
    repeat(target, quotes),
  ),
  rule(/^(?:what|how) about (?<target>.+)$/i, ({ target }, quotes) => repeat(target, quotes)),
  rule(
    /^(?:again|same again|do (?:it|that) again|once more|same thing|like before|as before|same as before|like last time)(?: but)? (?:for|on|to|with) (?<target>.+)$/i,
    ({ target }, quotes) => repeat(target, quotes),
  ),
  rule(/^(?:same|ditto|likewise)(?: goes)?(?: (?:for|with|on|to))? (?<target>.+)$/i, ({ target }, quotes) => repeat(target, quotes)),
  rule(/^(?:now )?do (?<target>.+?)(?: the same way| next)?$/i, ({ target }, quotes) => repeat(target, quotes)),
  rule(
    /^(?<verb>rename|name|move|mute|unmute|speed|slow|fade) (?<what>.+?) back(?: (?:to .+|where it was|how it was|up|down))?$/i,
    ({ verb = '', what = '' }, quotes) => {
      const target = parseReference(what, quotes);
      return (
        target && {
          type: 'revertMatching',
          match: { by: 'clip', target, actions: BACK_VERBS[verb.toLowerCase()], label: verb.toLowerCase() },
        }
      );
    },
  ),
];

/**
 * "restore the outro", "put the beach scene back": tried after the editing vocabulary so that
 * "restore the speed of the intro" stays a speed change.
 */
export const RESTORE_RULES: readonly Rule[] = [
  rule(
    /^(?:restore|reset|revert|bring back|put back|return) (?<what>.+?)(?: back)?(?: (?:to )?(?:how|the way|what) (?:it|they) (?:was|were)(?: before)?| to (?:the |its |their )?original(?: state| length| version)?| as (?:it|they) (?:was|were))?$/i,
    ({ what = '' }, quotes) => {
      const match = matchChange(what, quotes);
      return match && { type: 'revertMatching', match };
    },
  ),
  rule(
    /^(?:put|set|change|turn|bring) (?<what>.+?) back(?: (?:to )?(?:how|the way|where|what) (?:it|they) (?:was|were)(?: before)?| to (?:normal|the original|its original (?:state|length)))?$/i,
    ({ what = '' }, quotes) => {
      const match = matchChange(what, quotes);
      return match && { type: 'revertMatching', match };
    },
  ),
];
