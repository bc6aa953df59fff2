import type { DateLabel } from './dates';

/**
 * Dates in the viewer's time zone, for the history drawer: which day group a session falls in
 * (Today, Yesterday, Previous 7 days, Previous 30 days, then month by month) and its date and
 * time. Days are calendar days in that zone, so 23:59 and 00:01 are different days and a day of
 * a DST change is still one day.
 */

export const DEFAULT_TIME_ZONE = 'UTC';
/** The cookie the browser's time zone travels in to server rendering (components/app-shell/TimeZoneCookie.tsx). */
export const TIME_ZONE_COOKIE = 'tz';

/** The zone when the runtime knows it (an IANA name such as "Europe/Lisbon"), else UTC. */
export function validTimeZone(zone: string | null | undefined): string {
  if (!zone || zone.length > 64) return DEFAULT_TIME_ZONE;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

/** The calendar day of `date` in `timeZone`, as a day number (days since 1970-01-01 of that calendar). */
function dayNumber(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(date);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return Math.floor(Date.UTC(part('year'), part('month') - 1, part('day')) / 86_400_000);
}

export function historyGroup(date: Date, now: Date, timeZone: string): string {
  const age = dayNumber(now, timeZone) - dayNumber(date, timeZone);
  if (age <= 0) return 'Today';
  if (age === 1) return 'Yesterday';
  if (age <= 7) return 'Previous 7 days';
  if (age <= 30) return 'Previous 30 days';
  const sameYear = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' });
  const month = new Intl.DateTimeFormat('en', { timeZone, month: 'long', ...(sameYear.format(date) === sameYear.format(now) ? {} : { year: 'numeric' }) });
  return month.format(date);
}

/** Date and time in the zone ("Mar 5, 2026, 14:03"); the full timestamp (with the zone) for hover and screen readers. */
export function labelDateTime(date: Date, timeZone: string): DateLabel {
  return {
    iso: date.toISOString(),
    text: new Intl.DateTimeFormat('en', { timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(date),
    full: new Intl.DateTimeFormat('en', { timeZone, dateStyle: 'full', timeStyle: 'long' }).format(date),
  };
}
