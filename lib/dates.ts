/** A date as the UI shows it: short text, and the full timestamp for hover and machines. */
export interface DateLabel {
  iso: string;
  text: string;
  full: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Dates closer than this read as "3 days ago"; older ones as a calendar date. */
const RELATIVE_LIMIT = 7 * DAY;

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const full = new Intl.DateTimeFormat('en', { dateStyle: 'full', timeStyle: 'long', timeZone: 'UTC' });

export function labelDate(date: Date, now: Date = new Date()): DateLabel {
  return { iso: date.toISOString(), text: describeDate(date, now), full: full.format(date) };
}

function describeDate(date: Date, now: Date): string {
  const age = now.getTime() - date.getTime();
  if (age < 0 || age >= RELATIVE_LIMIT) return absolute.format(date);
  if (age < MINUTE) return 'just now';
  if (age < HOUR) return relative.format(-Math.floor(age / MINUTE), 'minute');
  if (age < DAY) return relative.format(-Math.floor(age / HOUR), 'hour');
  return relative.format(-Math.floor(age / DAY), 'day');
}
