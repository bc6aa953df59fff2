/** Phrasings for adding a title, intro or outro card. */
import { DEFAULT_CARD_DURATION_MS } from './defaults';
import type { CardKind, Destination, EditSpec } from './editSpec';
import {
  clarify,
  EDGE,
  edgeDestination,
  freeText,
  markedDuration,
  reference,
  relativePlacements,
  rule,
  slotDuration,
  type ParsedCommand,
  type Quotes,
  type Rule,
} from './grammar';
import { findQuoteToken } from './normalize';
import { parseCount } from './numbers';
import type { ClipReference } from './references';

const CARD_KINDS: Record<string, CardKind> = {
  title: 'title',
  'title card': 'title',
  intro: 'intro',
  opening: 'intro',
  'opening title': 'intro',
  outro: 'outro',
  ending: 'outro',
  'end card': 'outro',
  'closing card': 'outro',
};
const CARD_KIND = '(?<kind>title card|title|opening title|intro|opening|outro|ending|end card|closing card)';
const CARD_EXAMPLES: Record<CardKind, string> = {
  title: 'add a title "Chapter 2" after the intro',
  intro: 'add an intro "Welcome"',
  outro: 'add an outro "Thanks for watching"',
};
const TEXT_CONNECTOR = /(?:^| )(?:saying|that says|which says|that reads|reading|with(?: the)? (?:text|words?)|called|named|titled|with)(?: |$)/i;

interface CardDetails {
  durationMs: number;
  destination: Destination<ClipReference>;
}

type Clause = { rest: string; details: Partial<CardDetails> };

/** One trailing clause: "for 5 seconds", "at the end", "at position 2" or "after the intro". */
function trailingClause(text: string, quotes: Quotes): Clause | null {
  const padded = ` ${text}`;
  const length = / (?:for|lasting) (?<amount>.+)$/i.exec(padded);
  const durationMs = length ? slotDuration(length.groups?.amount ?? '') : null;
  if (length && durationMs !== null) return { rest: padded.slice(0, length.index), details: { durationMs } };

  const edge = new RegExp(` (?:at|to) ${EDGE}$`, 'i').exec(padded);
  if (edge) {
    return { rest: padded.slice(0, edge.index), details: { destination: edgeDestination(edge.groups?.edge) } };
  }

  const slot = / (?:at|in|as) (?:position|clip|number) (?<position>\S+)$/i.exec(padded);
  const position = slot ? parseCount(slot.groups?.position ?? '') : null;
  if (slot && position !== null) {
    return { rest: padded.slice(0, slot.index), details: { destination: { to: 'position', position } } };
  }

  // Between two neighbours is right after the first.
  const between = / between (?<first>.+) and .+$/i.exec(padded);
  const anchor = between ? reference(between.groups?.first, quotes) : null;
  if (between && anchor) {
    return { rest: padded.slice(0, between.index), details: { destination: { to: 'after', anchor } } };
  }

  const [relative] = relativePlacements(text, quotes);
  return relative ? { rest: relative.head, details: { destination: relative.destination } } : null;
}

/** Peels trailing clauses off, at most one of each kind, and returns what is left. */
function takeClauses(text: string, quotes: Quotes): Clause {
  let rest = text.trim();
  const details: Partial<CardDetails> = {};
  for (let clause = trailingClause(rest, quotes); clause; clause = trailingClause(rest, quotes)) {
    if (Object.keys(clause.details).some((key) => key in details)) break;
    Object.assign(details, clause.details);
    rest = clause.rest.trim();
  }
  return { rest, details };
}

/** `rest` follows the card kind: "“Chapter 2” after the intro", "saying Thanks for watching for 5 seconds". */
function addCard(kindText: string, leading: string | undefined, rest: string, quotes: Quotes): ParsedCommand | null {
  const kind = CARD_KINDS[kindText.toLowerCase()];
  const leadingMs = leading === undefined ? DEFAULT_CARD_DURATION_MS : markedDuration(leading);
  if (!kind || leadingMs === null) return null;

  const quoted = findQuoteToken(rest);
  const connector = quoted ? null : TEXT_CONNECTOR.exec(rest);
  let text: string | null = null;
  let placement = rest;
  const spoken: Partial<CardDetails> = {};
  if (quoted) {
    text = freeText(quoted.token, quotes);
    const withoutText = `${rest.slice(0, quoted.index)} ${rest.slice(quoted.index + quoted.token.length)}`;
    placement = withoutText.replace(TEXT_CONNECTOR, ' ');
  } else if (connector) {
    // Unquoted text runs to the end, less any placement clauses trailing it.
    const words = takeClauses(rest.slice(connector.index + connector[0].length), quotes);
    text = freeText(words.rest, quotes);
    Object.assign(spoken, words.details);
    placement = rest.slice(0, connector.index);
  }
  const placed = takeClauses(placement, quotes);
  if (placed.rest !== '') return null;
  if (text === null) return clarify(`What should the ${kind} say? For example: ${CARD_EXAMPLES[kind]}.`);

  const details = { ...placed.details, ...spoken };
  const spec: EditSpec<ClipReference> = {
    action: 'addClip',
    kind,
    text,
    durationMs: details.durationMs ?? leadingMs,
    destination: details.destination ?? (kind === 'intro' ? { to: 'start' } : { to: 'end' }),
  };
  return { type: 'edit', spec, targets: [] };
}

const ADD_VERB = ['(?:add|insert|append|prepend|create)(?: in)?(?: (?:an?|another|one more|a new|new))?', '(?:put|make) (?:an?|another|a new)'].join('|');

export const CARD_RULES: readonly Rule[] = [
  rule(
    new RegExp(`^(?:${ADD_VERB}) (?:(?<leading>.+?) )??${CARD_KIND}(?: clip| card| slide)?(?<rest>(?: .*)?)$`, 'i'),
    ({ kind = '', leading, rest = '' }, quotes) => addCard(kind, leading, rest, quotes),
  ),
];
