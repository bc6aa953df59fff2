/**
 * How far a typed word may be from the word meant: Damerau–Levenshtein distance (optimal string
 * alignment: a swap of two neighbouring letters counts 1), allowed to grow with the word's length.
 */

/** Typos forgiven in a word: none up to 3 letters ("cut" vs "cat"), one up to 7, two from 8. */
export function allowedTypos(length: number): number {
  if (length <= 3) return 0;
  return length <= 7 ? 1 : 2;
}

/**
 * The distance between two words, or `limit + 1` as soon as it must exceed `limit`: callers only
 * ask "within the limit?", so rows stop early and the cost stays O(length × limit).
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const beyond = limit + 1;
  let previousRow: number[] = [];
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previousRow[j - 2] + 1);
      next.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return beyond;
    previousRow = row;
    row = next;
  }
  return Math.min(row[b.length], beyond);
}

/** Whether `typed` may be a misspelling of `meant`; the shorter word sets the allowance, so short words stay strict. */
export function isCloseMisspelling(typed: string, meant: string): boolean {
  if (typed === meant) return false;
  const limit = allowedTypos(Math.min(typed.length, meant.length));
  return limit > 0 && editDistance(typed, meant, limit) <= limit;
}

/** Every candidate the typed word may be a misspelling of, each once. */
export function misspellingCandidates(typed: string, candidates: Iterable<string>): string[] {
  const close = new Set<string>();
  for (const candidate of candidates) if (isCloseMisspelling(typed, candidate)) close.add(candidate);
  return [...close];
}
