/** Phrasings for the order of clips: move, swap, delete, duplicate, split. */
import type { Destination } from './editSpec';
import {
  clarify,
  cutsAround,
  EDGE,
  edgeDestination,
  edit,
  markedDuration,
  reference,
  relativePlacements,
  rule,
  slotDuration,
  splitTrailing,
  type ParsedCommand,
  type Quotes,
  type Rule,
} from './grammar';
import { parseOrdinal, parseWholeNumber } from './numbers';
import type { ClipReference } from './references';

const MOVE_VERBS = '(?:move|put|place|drag|shift|bring)';

function move(target: string | undefined, destination: Destination<ClipReference> | null, quotes: Quotes): ParsedCommand | null {
  return destination && edit({ action: 'move', destination }, reference(target, quotes));
}

/** "third" → position 3 and "last" → the end; counting back from the end is not a fixed position. */
function ordinalDestination(text: string | undefined): Destination<ClipReference> | null {
  const ordinal = text === undefined ? null : parseOrdinal(text);
  if (!ordinal) return null;
  if (ordinal.fromEnd) return ordinal.index === 0 ? { to: 'end' } : null;
  return { to: 'position', position: ordinal.index + 1 };
}

/** "A after B": the last reading first, since the moved clip may itself be "the one before B". */
function relativeMove(text: string, quotes: Quotes): ParsedCommand | null {
  for (const { head, destination } of relativePlacements(text, quotes).reverse()) {
    const command = move(head, destination, quotes);
    if (command) return command;
  }
  return null;
}

function swap(text: string, quotes: Quotes): ParsedCommand | null {
  for (const [first, , second] of cutsAround(text, /and|with/)) {
    const command = edit({ action: 'swap' }, reference(first, quotes), reference(second, quotes));
    if (command) return command;
  }
  return edit({ action: 'swap' }, reference(text, quotes));
}

const MOVE_RULES: readonly Rule[] = [
  rule(new RegExp(`^${MOVE_VERBS} (?<target>.+?) (?:to|at|on) ${EDGE}$`, 'i'), ({ target, edge }, quotes) => move(target, edgeDestination(edge), quotes)),
  rule(/^(?:move|put|place|make) (?<target>.+?) (?<edge>first|last)$/i, ({ target, edge }, quotes) => move(target, edgeDestination(edge), quotes)),
  rule(
    new RegExp(`^${MOVE_VERBS} (?<target>.+?) (?:to|into|in|at) (?:position|slot|spot|place|number) (?<position>\\S+)$`, 'i'),
    ({ target, position = '' }, quotes) => {
      const number = parseWholeNumber(position);
      return number === null ? null : move(target, { to: 'position', position: number }, quotes);
    },
  ),
  rule(
    new RegExp(`^${MOVE_VERBS} (?<target>.+?) (?:to|into|in|at) (?:the )?(?<ordinal>\\S+(?: last)?) (?:position|slot|spot|place)$`, 'i'),
    ({ target, ordinal }, quotes) => move(target, ordinalDestination(ordinal), quotes),
  ),
  rule(/^(?:move|put|place|make) (?<target>.+?) (?:to be )?the (?<ordinal>\S+(?: last)?) (?:clip|one)$/i, ({ target, ordinal }, quotes) =>
    move(target, ordinalDestination(ordinal), quotes),
  ),
  rule(new RegExp(`^${MOVE_VERBS} (?<rest>.+)$`, 'i'), ({ rest = '' }, quotes) => relativeMove(rest, quotes)),
  rule(
    /^(?:swap|switch|exchange|flip|trade)(?: (?:the )?(?:positions|places|order) of)? (?<rest>.+?)(?: around| over| places| positions)?$/i,
    ({ rest = '' }, quotes) => swap(rest, quotes),
  ),
];

const REMOVAL_RULES: readonly Rule[] = [
  rule(
    /^(?:delete|remove|drop|erase|discard|get rid of|cut out|take out|throw away|trash|lose) (?<target>.+?)(?: (?:from|off|out of) (?:the )?(?:timeline|video|project|edit|sequence))?$/i,
    ({ target }, quotes) => edit({ action: 'delete' }, reference(target, quotes)),
  ),
  rule(/^(?:duplicate|copy|clone) (?<target>.+?)(?: and paste it)?$/i, ({ target }, quotes) => edit({ action: 'duplicate' }, reference(target, quotes))),
  rule(/^(?:make|create|add|insert) (?:a |another )?(?:copy|duplicate) of (?<target>.+)$/i, ({ target }, quotes) =>
    edit({ action: 'duplicate' }, reference(target, quotes)),
  ),
];

const SPLIT_VERBS = '(?:split|cut|divide|chop|slice|break)';
const MIDDLE =
  '(?:in half|in two|into two(?: parts| pieces| halves)?|in the middle|down the middle|at the middle|at the midpoint|at the halfway point|halfway(?: through)?)';
const SPLIT_HELP = 'Where should I split it? For example: “split the interview at 5 seconds” or “split it in half”.';

const SPLIT_RULES: readonly Rule[] = [
  rule(new RegExp(`^${SPLIT_VERBS} (?<target>.+?) ${MIDDLE}$`, 'i'), ({ target }, quotes) =>
    edit({ action: 'split', at: 'middle' }, reference(target, quotes)),
  ),
  rule(new RegExp(`^${SPLIT_VERBS} (?<target>.+?) (?:at|@) (?<at>.+?)(?: in| mark)?$`, 'i'), ({ target, at = '' }, quotes) => {
    const atMs = slotDuration(at);
    return atMs === null ? null : edit({ action: 'split', at: atMs }, reference(target, quotes));
  }),
  rule(/^(?:split|divide|chop|slice) (?<rest>.+?)(?: in)?$/i, ({ rest = '' }, quotes) => {
    const trailing = splitTrailing(rest, markedDuration);
    if (trailing) return edit({ action: 'split', at: trailing.value }, reference(trailing.head, quotes));
    return reference(rest, quotes) ? clarify(SPLIT_HELP) : null;
  }),
];

export const ARRANGEMENT_RULES: readonly Rule[] = [...SPLIT_RULES, ...MOVE_RULES, ...REMOVAL_RULES];
