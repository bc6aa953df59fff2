/**
 * Amounts as people type them: digits or words ("3", "1.5", "three", "twenty five",
 * "one and a half"), durations ("2 seconds", "2s", "500ms", "1 minute 30 seconds", "0:05"),
 * ordinals ("second", "3rd", "last", "second last"), speed factors ("2x", "twice") and
 * percentages ("50%", "fifty percent").
 */

const SMALL_NUMBERS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const ORDINAL_WORDS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

const DIGITS = /^(?:\d+(?:\.\d+)?|\.\d+)$/;

function wordsOf(text: string): string[] {
  return text.trim().toLowerCase().split(/\s+/).filter(Boolean);
}

function sameWords(words: readonly string[], phrase: string): boolean {
  return words.join(' ') === phrase;
}

function parseBelowHundred(words: readonly string[]): number | null {
  if (words.length === 1) return SMALL_NUMBERS[words[0]] ?? TENS[words[0]] ?? null;
  if (words.length === 2) {
    const tens = TENS[words[0]];
    const unit = SMALL_NUMBERS[words[1]];
    if (tens !== undefined && unit !== undefined && unit >= 1 && unit <= 9) return tens + unit;
  }
  return null;
}

function parseNumberWords(words: readonly string[]): number | null {
  if (words.length === 1 && DIGITS.test(words[0])) return Number(words[0]);
  const hundredAt = words.indexOf('hundred');
  if (hundredAt === -1) return parseBelowHundred(words);
  const head = words.slice(0, hundredAt);
  const multiplier = head.length === 0 || sameWords(head, 'a') ? 1 : parseBelowHundred(head);
  if (multiplier === null || multiplier < 1 || multiplier > 9) return null;
  const tail = words[hundredAt + 1] === 'and' ? words.slice(hundredAt + 2) : words.slice(hundredAt + 1);
  if (tail.length === 0) return multiplier * 100;
  const rest = parseBelowHundred(tail);
  return rest === null ? null : multiplier * 100 + rest;
}

/** The whole phrase as a non-negative number, or null if it is anything else. */
export function parseNumber(text: string): number | null {
  let words = wordsOf(text);
  if (words.length === 0) return null;
  if (sameWords(words, 'a') || sameWords(words, 'an')) return 1;
  if (['half', 'a half', 'half a', 'half an'].some((phrase) => sameWords(words, phrase))) return 0.5;
  if (['a couple', 'a couple of', 'couple of'].some((phrase) => sameWords(words, phrase))) return 2;
  let fraction = 0;
  if (words.length > 3 && sameWords(words.slice(-3), 'and a half')) {
    fraction = 0.5;
    words = words.slice(0, -3);
  }
  const whole = parseNumberWords(words);
  return whole === null || !Number.isFinite(whole) ? null : whole + fraction;
}

/** A whole number, zero included, for positions ("clip 3", "position 0" gets a clear refusal). */
export function parseWholeNumber(text: string): number | null {
  const value = parseNumber(text);
  return value !== null && Number.isInteger(value) ? value : null;
}

/** A whole number of at least one, for counts like "the last three changes". */
export function parseCount(text: string): number | null {
  const value = parseWholeNumber(text);
  return value !== null && value >= 1 ? value : null;
}

/** A position counted from the start ("second" → 1) or from the end ("last" → 0). */
export interface Ordinal {
  index: number;
  fromEnd: boolean;
}

function ordinalNumber(word: string): number | null {
  const spelled = ORDINAL_WORDS.indexOf(word);
  if (spelled !== -1) return spelled + 1;
  const numeric = /^(\d+)(?:st|nd|rd|th)$/.exec(word);
  return numeric ? Number(numeric[1]) : null;
}

/** 1 → "first", 10 → "tenth", 23 → "23rd". */
export function ordinalWord(position: number): string {
  const spelled = position >= 1 ? ORDINAL_WORDS[position - 1] : undefined;
  if (spelled) return spelled;
  const teen = position % 100 >= 11 && position % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][position % 10] ?? 'th');
  return `${position}${suffix}`;
}

export function parseOrdinal(text: string): Ordinal | null {
  const words = wordsOf(text);
  const phrase = words.join(' ');
  if (phrase === 'last' || phrase === 'final' || phrase === 'very last') return { index: 0, fromEnd: true };
  if (phrase === 'penultimate' || phrase === 'next last') return { index: 1, fromEnd: true };
  if (words.length === 2 && words[1] === 'last') {
    const fromEnd = ordinalNumber(words[0]);
    return fromEnd !== null && fromEnd >= 1 ? { index: fromEnd - 1, fromEnd: true } : null;
  }
  if (words.length !== 1) return null;
  const position = ordinalNumber(words[0]);
  return position !== null && position >= 1 ? { index: position - 1, fromEnd: false } : null;
}

const MS_PER_UNIT: Record<string, number> = {
  ms: 1,
  msec: 1,
  msecs: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
};

interface AmountOptions {
  /** Whether a number without its marker (unit, "x", "%") counts; true only where the slot itself implies one. */
  bareNumber: boolean;
}

/** "90 frames at 30 fps": only with the rate said, since projects have no frame rate of their own. */
const FRAMES = /^(.+?) frames? (?:at|@) (.+?) ?(?:fps|frames per second|frames a second)$/;

/** Whether a phrase counts frames without saying the rate ("90 frames"), which no project can convert. */
export function mentionsFramesWithoutRate(text: string): boolean {
  return /\bframes?\b/i.test(text) && !/\b(?:fps|frames (?:per|a) second)\b/i.test(text);
}

/** A duration in whole milliseconds. A bare number, where allowed, means seconds. */
export function parseDurationMs(text: string, { bareNumber }: AmountOptions): number | null {
  const phrase = text.trim().toLowerCase();
  const frames = FRAMES.exec(phrase);
  if (frames) {
    const [count, rate] = [parseNumber(frames[1]), parseNumber(frames[2])];
    return count === null || rate === null || rate <= 0 ? null : Math.round((count / rate) * 1000);
  }
  const timecode = /^(\d+):([0-5]\d)(?:\.(\d{1,3}))?$/.exec(phrase);
  if (timecode) {
    const fraction = timecode[3] ? Number(`0.${timecode[3]}`) : 0;
    return Math.round((Number(timecode[1]) * 60 + Number(timecode[2]) + fraction) * 1000);
  }
  const words = wordsOf(phrase.replace(/(\d)([a-z])/g, '$1 $2'));
  let total = 0;
  let sawUnit = false;
  let pending: string[] = [];
  for (const word of words) {
    const unitMs = MS_PER_UNIT[word];
    if (unitMs !== undefined) {
      const amount = parseNumber(pending.join(' '));
      if (amount === null) return null;
      total += amount * unitMs;
      sawUnit = true;
      pending = [];
    } else if (!(word === 'and' && sawUnit && pending.length === 0)) {
      pending.push(word);
    }
  }
  if (pending.length > 0) {
    if (sawUnit || !bareNumber) return null;
    const seconds = parseNumber(pending.join(' '));
    if (seconds === null) return null;
    total = seconds * 1000;
  } else if (!sawUnit) {
    return null;
  }
  return Number.isFinite(total) ? Math.round(total) : null;
}

const NAMED_FACTORS: Record<string, number> = {
  twice: 2,
  double: 2,
  triple: 3,
  half: 0.5,
  normal: 1,
  regular: 1,
  original: 1,
};

/** A playback-rate factor: "2x", "x1.5", "3 times", "twice", "half", "normal speed". */
export function parseSpeedFactor(text: string, { bareNumber }: AmountOptions): number | null {
  const phrase = wordsOf(text)
    .join(' ')
    .replace(/ (?:speed|as fast|the speed)$/, '');
  const named = NAMED_FACTORS[phrase];
  if (named !== undefined) return named;
  const marked = /^(.+?) ?x$/.exec(phrase) ?? /^x ?(.+)$/.exec(phrase) ?? /^(.+) times$/.exec(phrase);
  const value = marked ? parseNumber(marked[1]) : bareNumber ? parseNumber(phrase) : null;
  return value !== null && value > 0 ? value : null;
}

/** A percentage: "50%", "50 percent", "half"; a bare number where the slot is a volume. */
export function parsePercent(text: string, { bareNumber }: AmountOptions): number | null {
  const phrase = wordsOf(text).join(' ');
  if (phrase === 'half') return 50;
  if (phrase === 'full' || phrase === 'max' || phrase === 'maximum') return 100;
  const marked = /^(.+?) ?(?:%|percent|per cent)$/.exec(phrase);
  if (marked) return parseNumber(marked[1]);
  return bareNumber ? parseNumber(phrase) : null;
}

const FRACTION_WORDS: Record<string, number> = {
  half: 50,
  'a half': 50,
  'one half': 50,
  'a third': 100 / 3,
  'one third': 100 / 3,
  third: 100 / 3,
  'two thirds': 200 / 3,
  'a quarter': 25,
  'one quarter': 25,
  quarter: 25,
  'three quarters': 75,
  'a fifth': 20,
  'one fifth': 20,
  'a tenth': 10,
  'one tenth': 10,
};

/** A share of a clip's own length: "10%", "ten percent", "a third", "half". */
export function parseFractionPercent(text: string): number | null {
  const phrase = wordsOf(text).join(' ');
  const named = FRACTION_WORDS[phrase];
  if (named !== undefined) return named;
  const marked = /^(.+?) ?(?:%|percent|per cent)$/.exec(phrase);
  const value = marked ? parseNumber(marked[1]) : null;
  return value !== null && value > 0 ? value : null;
}

/**
 * "twice" → 2, "three times" → 3, "half" → 0.5, "two thirds" → 2/3, "one and a half times" → 1.5:
 * how many times as long (or fast) something should become.
 */
export function parseMultiplier(text: string): number | null {
  const phrase = wordsOf(text).join(' ');
  if (phrase === 'twice' || phrase === 'double') return 2;
  if (phrase === 'triple' || phrase === 'thrice') return 3;
  const share = FRACTION_WORDS[phrase];
  if (share !== undefined) return share / 100;
  const times = /^(.+) times$/.exec(phrase);
  const value = times ? parseNumber(times[1]) : null;
  return value !== null && value > 0 ? value : null;
}

/**
 * Words for "a large amount" ("a lot", "much", "way"), which a fixed, documented amount stands
 * for. The small ones ("a bit", "slightly", "a touch") are dropped while normalizing, since they
 * mean the default amount anyway.
 */
const LARGE_DEGREE =
  /^(?:a lot|lots|loads|a whole lot|a good deal|a great deal|a good bit|much|way|far|a ton|tons|heaps|significantly|considerably|substantially|dramatically)$/;

export function isLargeDegree(text: string): boolean {
  return LARGE_DEGREE.test(wordsOf(text).join(' '));
}
