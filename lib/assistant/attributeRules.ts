/** Phrasings for volume, muting and names. */
import { clarify, edit, freeText, reference, rule, type ParsedCommand, type Quotes, type Rule } from './grammar';
import { findQuoteToken } from './normalize';
import { parsePercent } from './numbers';

function setVolume(target: string | undefined, value: string | undefined, quotes: Quotes): ParsedCommand | null {
  const percent = value === undefined ? null : parsePercent(value, { bareNumber: true });
  return percent === null ? null : edit({ action: 'setVolume', percent }, reference(target, quotes));
}

const VOLUME_VERBS = '(?:set|change|turn|put|adjust|lower|raise|reduce|increase|drop|bring)';

const VOLUME_RULES: readonly Rule[] = [
  rule(/^(?:mute|silence) (?<target>.+)$/i, ({ target }, quotes) => edit({ action: 'mute' }, reference(target, quotes))),
  rule(/^un ?mute (?<target>.+)$/i, ({ target }, quotes) => edit({ action: 'unmute' }, reference(target, quotes))),
  rule(
    new RegExp(`^${VOLUME_VERBS} (?:the )?(?:volume|audio level|level|gain) (?:of|on|for) (?<target>.+?) (?:down |up )?to (?<value>.+)$`, 'i'),
    ({ target, value }, quotes) => setVolume(target, value, quotes),
  ),
  rule(new RegExp(`^${VOLUME_VERBS} (?<target>.+?)(?:'s| s)? (?:volume|level) (?:down |up )?to (?<value>.+)$`, 'i'), ({ target, value }, quotes) =>
    setVolume(target, value, quotes),
  ),
  rule(/^turn (?<target>.+?) (?:down|up) to (?<value>.+)$/i, ({ target, value }, quotes) => setVolume(target, value, quotes)),
  rule(/^turn (?:down|up) (?<target>.+?) to (?<value>.+)$/i, ({ target, value }, quotes) => setVolume(target, value, quotes)),
];

function rename(target: string | undefined, text: string | undefined, quotes: Quotes): ParsedCommand | null {
  const name = freeText(text, quotes);
  return name === null ? null : edit({ action: 'rename', name }, reference(target, quotes));
}

/** "call the intro “Opening”": without "to", only a quoted name says where the clip reference ends. */
function callQuoted(rest: string, quotes: Quotes): ParsedCommand | null {
  const quoted = findQuoteToken(rest);
  if (!quoted || quoted.index + quoted.token.length !== rest.length) return null;
  return rename(rest.slice(0, quoted.index).trim(), quoted.token, quotes);
}

const RENAME_HELP = 'What should I rename it to? For example: rename the intro to "Opening".';

const RENAME_RULES: readonly Rule[] = [
  rule(/^(?:rename|retitle|relabel) (?<target>.+?) (?:to|as|into) (?<text>.+)$/i, ({ target, text }, quotes) => rename(target, text, quotes)),
  rule(/^(?:change|set) (?:the )?name of (?<target>.+?) to (?<text>.+)$/i, ({ target, text }, quotes) => rename(target, text, quotes)),
  rule(/^(?:change|set) (?<target>.+?)(?:'s| s)? name to (?<text>.+)$/i, ({ target, text }, quotes) => rename(target, text, quotes)),
  rule(/^(?:call|name) (?<rest>.+)$/i, ({ rest = '' }, quotes) => callQuoted(rest, quotes)),
  rule(/^(?:rename|retitle|relabel) (?<target>.+)$/i, ({ target }, quotes) => (reference(target, quotes) ? clarify(RENAME_HELP) : null)),
];

export const ATTRIBUTE_RULES: readonly Rule[] = [...VOLUME_RULES, ...RENAME_RULES];
