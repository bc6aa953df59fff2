/**
 * Turns a typed instruction into the plain form the grammar matches: quoted text set aside
 * (so its case and punctuation survive), punctuation and filler words dropped, spacing
 * collapsed. Case is kept because unquoted names ("rename it to Opening") are copied as typed.
 */

export interface NormalizedInstruction {
  text: string;
  /** Quoted passages in order; the text holds a token for each (see quoteToken). */
  quotes: string[];
}

const QUOTED = /"([^"]*)"|“([^”]*)”|‘([^’]*)’|(?<!\w)'([^']*)'(?!\w)/g;
const TOKEN = /⟪(\d+)⟫/;

function quoteToken(index: number): string {
  return `⟪${index}⟫`;
}

/** The quoted passage a token stands for, or null if the text is not exactly one token. */
export function quotedText(text: string, quotes: readonly string[]): string | null {
  const match = new RegExp(`^${TOKEN.source}$`).exec(text.trim());
  return match ? (quotes[Number(match[1])] ?? null) : null;
}

/** The instruction with `change` applied to what lies outside its quoted passages, which stay as typed. */
export function outsideQuotes(instruction: string, change: (text: string) => string): string {
  let changed = '';
  let from = 0;
  for (const match of instruction.matchAll(QUOTED)) {
    const at = match.index ?? 0;
    changed += change(instruction.slice(from, at)) + match[0];
    from = at + match[0].length;
  }
  return changed + change(instruction.slice(from));
}

/** The first quote token in the text and where it is. */
export function findQuoteToken(text: string): { token: string; index: number } | null {
  const match = TOKEN.exec(text);
  return match ? { token: match[0], index: match.index } : null;
}

const FILLER_ANYWHERE =
  /\b(?:please|pls|actually|kindly|a tiny little bit|a tiny bit|a little bit|a tiny|a little|tiny bit|a bit|a tad|a touch|a smidge|a hair|ever so slightly|slightly|somewhat|marginally|just|real quick)\b/gi;

const FILLER_LEADING =
  /^(?:ok|okay|hey|hi|hello|so|and|then|now|also|alright|right|oh|um|uh|hmm|well|maybe|perhaps|can you|could you|would you|will you|can we|could we|shall we|should we|may i ask you to|would you mind|do you think you could|would it be possible to|is it possible to|if you could|if possible|possibly|let's|lets|let us|plus|i want you to|i'd like you to|i would like you to|i need you to|i want to|i'd like to|i would like to|we should|we could|you could|i think we should|go ahead and|try to|make sure to)\b\s*/i;

const FILLER_TRAILING =
  /\s*\b(?:thanks|thank you|thx|ty|now|too|as well|also|for me|then|each|apiece|if you can|if you could|if possible|if that's ok|if that's okay|would you|could you|ok|okay)$|(?<=\S)\s+again$|(?<=\S)\s+(?:(?:it|that)(?:'s| is| feels| seems) (?:way |much |a bit |kind of )?too (?:long|short|slow|fast)|it drags(?: on)?)$/i;

const GERUNDS: Record<string, string> = {
  making: 'make',
  trimming: 'trim',
  shortening: 'shorten',
  lengthening: 'lengthen',
  extending: 'extend',
  stretching: 'stretch',
  fading: 'fade',
  muting: 'mute',
  unmuting: 'unmute',
  moving: 'move',
  speeding: 'speed',
  slowing: 'slow',
  cutting: 'cut',
  deleting: 'delete',
  removing: 'remove',
  adding: 'add',
  putting: 'put',
  swapping: 'swap',
  splitting: 'split',
  renaming: 'rename',
  setting: 'set',
  turning: 'turn',
  duplicating: 'duplicate',
};

/** "would you mind making the outro longer", "how about trimming the intro": the verb as a request. */
const GERUND_REQUEST = new RegExp(`^(?:(?:would you mind|do you mind|mind|how about|what about|try|consider) )?(${Object.keys(GERUNDS).join('|')})\\b`, 'i');

/** "I'd like the intro a bit longer", "I want the closing shot to be 8 seconds": "make … …". */
const WISH =
  /^(?:i'd like|i would like|i want|i need|i'd prefer|we need|we want|let's have|let's get|can i have|could i have|can we have|can we get|could we have|could we get) (.+?) (?:to be |to last )?(longer|shorter|faster|slower|\S+ (?:seconds?|secs?|s)(?: long)?)$/i;

function stripRepeatedly(text: string, pattern: RegExp): string {
  let current = text;
  for (let next = current.replace(pattern, ''); next !== current; next = current.replace(pattern, '')) {
    current = next.trim();
  }
  return current;
}

export function normalizeInstruction(instruction: string): NormalizedInstruction {
  const quotes: string[] = [];
  let text = instruction.replace(QUOTED, (...groups: unknown[]) => {
    const content = groups.slice(1, 5).find((group): group is string => typeof group === 'string') ?? '';
    quotes.push(content.trim());
    return ` ${quoteToken(quotes.length - 1)} `;
  });
  text = text
    .replace(/[’`]/g, "'")
    .replace(/\bfade(in|out)s?\b/gi, 'fade $1')
    // A decimal comma ("1,5 s") is a decimal point, not a pause.
    .replace(/(\d),(\d{1,2})(?!\d)/g, '$1.$2')
    .replace(/(\d)\s*%/g, '$1 percent')
    // A minus sign before a number stays, so "-2 seconds" is refused rather than read as 2.
    .replace(/[–—_/]|-(?!\d)/g, ' ')
    .replace(/[,;!?()[\]{}"“”]/g, ' ')
    .replace(/(?<!\d):|:(?!\d)/g, ' ')
    .replace(/\.(?!\d)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\b(second|third|fourth|fifth|next) (?:to|from) (?:the )?last\b/gi, '$1 last')
    .replace(FILLER_ANYWHERE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  text = stripRepeatedly(stripRepeatedly(text, FILLER_LEADING), FILLER_TRAILING);
  text = text.replace(GERUND_REQUEST, (_, verb: string) => GERUNDS[verb.toLowerCase()] ?? verb);
  text = text.replace(WISH, 'make $1 $2');
  return { text, quotes };
}
