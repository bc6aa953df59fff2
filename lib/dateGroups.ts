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

/**
 * The formats this module uses. Building an Intl.DateTimeFormat costs far more than formatting
 * with one (it was a third of a project page's render), so each is built once per time zone.
 */
const FORMATS = {
  day: ['en-US', { year: 'numeric', month: 'numeric', day: 'numeric' }],
  year: ['en', { year: 'numeric' }],
  month: ['en', { month: 'long' }],
  monthOfYear: ['en', { month: 'long', year: 'numeric' }],
  dateTime: ['en', { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }],
  full: ['en', { dateStyle: 'full', timeStyle: 'long' }],
} as const satisfies Record<string, readonly [string, Intl.DateTimeFormatOptions]>;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Callers pass canonical zone names only (validTimeZone), so the cache is bounded by the IANA list. */
function formatter(kind: keyof typeof FORMATS, timeZone: string): Intl.DateTimeFormat {
  const cacheKey = `${kind}\0${timeZone}`;
  let found = formatters.get(cacheKey);
  if (!found) {
    const [locale, options] = FORMATS[kind];
    found = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(cacheKey, found);
  }
  return found;
}

const canonicalZones = new Set<string>([DEFAULT_TIME_ZONE]);

/** The zone when the runtime knows it (an IANA name such as "Europe/Lisbon"), else UTC. */
export function validTimeZone(zone: string | null | undefined): string {
  if (!zone || zone.length > 64) return DEFAULT_TIME_ZONE;
  if (canonicalZones.has(zone)) return zone;
  try {
    // Spellings other than the canonical one ("europe/lisbon") are checked each time, never cached.
    const canonical = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
    canonicalZones.add(canonical);
    return canonical;
  } catch {
    return DEFAULT_TIME_ZONE;
  }
}

/** The calendar day of `date` in `timeZone`, as a day number (days since 1970-01-01 of that calendar). */
function dayNumber(date: Date, timeZone: string): number {
  const parts = formatter('day', timeZone).formatToParts(date);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return Math.floor(Date.UTC(part('year'), part('month') - 1, part('day')) / 86_400_000);
}

export function historyGroup(date: Date, now: Date, timeZone: string): string {
  const age = dayNumber(now, timeZone) - dayNumber(date, timeZone);
  if (age <= 0) return 'Today';
  if (age === 1) return 'Yesterday';
  if (age <= 7) return 'Previous 7 days';
  if (age <= 30) return 'Previous 30 days';
  const year = formatter('year', timeZone);
  return formatter(year.format(date) === year.format(now) ? 'month' : 'monthOfYear', timeZone).format(date);
}

/** Date and time in the zone ("Mar 5, 2026, 14:03"); the full timestamp (with the zone) for hover and screen readers. */
export function labelDateTime(date: Date, timeZone: string): DateLabel {
  return {
    iso: date.toISOString(),
    text: formatter('dateTime', timeZone).format(date),
    full: formatter('full', timeZone).format(date),
  };
}
