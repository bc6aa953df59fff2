/** Instructions about the conversation itself: undo, redo, repeat, help. */
import { clarify, reference, rule, type ParsedCommand, type Rule } from './grammar';
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
  if (ALL_CHANGES.test(phrase)) return 'all';
  for (const pattern of SEVERAL_CHANGES) {
    const count = parseCount(pattern.exec(phrase)?.groups?.count ?? '');
    if (count !== null) return count;
  }
  return null;
}

const UNDO_HELP =
  'I can undo the last change (“undo”), the last few (“undo the last 3 changes”) or everything in this session (“undo everything”).';
const REDO_HELP = 'I can redo the last undone change (“redo”) or several (“redo the last 2 changes”).';

function undo(what: string | undefined): ParsedCommand {
  const count = changeCount(what);
  return count === null ? clarify(UNDO_HELP) : { type: 'undo', count };
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

export const SESSION_RULES: readonly Rule[] = [
  rule(/^(?:help|what can you do|what do you do|what can i say|how does this work|commands)$/i, () => ({
    type: 'help',
  })),
  rule(/^take (?:that|it) back$/i, () => undo(undefined)),
  rule(/^(?:undo|revert|roll back|take back|scratch|cancel)(?: (?<what>.+))?$/i, ({ what }) => undo(what)),
  rule(/^(?:redo|re do|reapply|re apply)(?: (?<what>.+))?$/i, ({ what }) => redo(what)),
  rule(/^(?:again|one more time|once more|repeat|same again|repeat (?:the )?last (?:change|edit))$/i, () => ({
    type: 'repeat',
    target: null,
  })),
  rule(
    /^(?:(?:do|apply|make) )?(?:the )?same(?: thing| change| edit)?(?: again)?(?: (?:to|for|with|on) (?<target>.+))?$/i,
    ({ target }, quotes) => repeat(target, quotes),
  ),
  rule(
    /^(?:do|apply|repeat) (?:that|this|it)(?: change| edit)?(?: again)?(?: (?:to|for|with|on) (?<target>.+))?$/i,
    ({ target }, quotes) => repeat(target, quotes),
  ),
];
