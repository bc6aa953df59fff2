/**
 * Every date a person reads, in one format, from here: a short form for lists (today "14:47",
 * "Yesterday", this year "Dec 5", older "Dec 5, 2025") and a full form for tooltips, titles and
 * transcripts ("Saturday, December 5, 2026, 14:47"), in the viewer's locale and time zone. Pure:
 * `now`, the locale and the zone are arguments, so tests pin them. Days are calendar days in the
 * zone, so 23:59 and 00:01 are different days and the day of a DST change is still one day.
 * Times are on a 24-hour clock in every locale, as the editor's timecodes are.
 */

/** A date as the UI shows it: short text, the full form for hover and screen readers, ISO for machines (`<time dateTime>`). */
export interface DateLabel {
  iso: string;
  text: string;
  full: string;
}

/** Whose dates: a BCP 47 locale ("en-GB") and an IANA time zone ("Europe/Lisbon"). */
export interface DateSettings {
  locale: string;
  timeZone: string;
}

export const DEFAULT_LOCALE = 'en-US';
export const DEFAULT_TIME_ZONE = 'UTC';
export const DEFAULT_DATE_SETTINGS: DateSettings = { locale: DEFAULT_LOCALE, timeZone: DEFAULT_TIME_ZONE };
/** The cookie the browser's time zone travels in to server rendering (components/app-shell/TimeZoneCookie.tsx). */
export const TIME_ZONE_COOKIE = 'tz';

const FORMATS = {
  day: { year: 'numeric', month: 'numeric', day: 'numeric' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  monthDay: { month: 'short', day: 'numeric' },
  monthDayYear: { month: 'short', day: 'numeric', year: 'numeric' },
  fullDate: { dateStyle: 'full' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * Building an Intl.DateTimeFormat costs far more than formatting with one (it was a third of a
 * project page's render), so each is built once per locale and zone. Callers pass what
 * validLocale and validTimeZone return, so the cache is bounded by the languages × regions and
 * the IANA zones the runtime knows.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const relatives = new Map<string, Intl.RelativeTimeFormat>();

function formatter(kind: keyof typeof FORMATS, { locale, timeZone }: DateSettings): Intl.DateTimeFormat {
  const cacheKey = `${kind}\0${locale}\0${timeZone}`;
  let found = formatters.get(cacheKey);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, { ...FORMATS[kind], timeZone });
    formatters.set(cacheKey, found);
  }
  return found;
}

/** "Yesterday" in the locale's words, capitalised as a list entry starts. */
function yesterday(locale: string): string {
  let found = relatives.get(locale);
  if (!found) {
    found = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relatives.set(locale, found);
  }
  const word = found.format(-1, 'day');
  return word.charAt(0).toLocaleUpperCase(locale) + word.slice(1);
}

/** The short form, for lists: "14:47" today, "Yesterday", "Dec 5" this year, "Dec 5, 2025" before. */
export function shortDate(date: Date, now: Date, settings: DateSettings): string {
  const age = daysBetween(date, now, settings.timeZone);
  if (age === 0) return formatter('time', settings).format(date);
  if (age === 1) return yesterday(settings.locale);
  return formatter(sameYear(date, now, settings.timeZone) ? 'monthDay' : 'monthDayYear', settings).format(date);
}

/** The full form, for tooltips, titles and transcripts: "Saturday, December 5, 2026, 14:47". */
export function fullDate(date: Date, settings: DateSettings): string {
  return `${formatter('fullDate', settings).format(date)}, ${formatter('time', settings).format(date)}`;
}

export function labelDate(date: Date, now: Date, settings: DateSettings): DateLabel {
  return { iso: date.toISOString(), text: shortDate(date, now, settings), full: fullDate(date, settings) };
}

function calendarDay(date: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = formatter('day', { locale: 'en-US', timeZone }).formatToParts(date);
  const part = (type: string) => Number(parts.find((candidate) => candidate.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day') };
}

export function sameYear(date: Date, now: Date, timeZone: string): boolean {
  return calendarDay(date, timeZone).year === calendarDay(now, timeZone).year;
}

/** How many calendar days in `timeZone` `date` lies before `now` (0 the same day; negative for a later day). */
export function daysBetween(date: Date, now: Date, timeZone: string): number {
  const dayNumber = (when: Date) => {
    const { year, month, day } = calendarDay(when, timeZone);
    return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
  };
  return dayNumber(now) - dayNumber(date);
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

/**
 * The first language of an Accept-Language header the runtime can format dates in, as language
 * and region only ("de-DE", "en"; extensions and scripts dropped), else en-US.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): string {
  for (const entry of (header ?? '').slice(0, 256).split(',')) {
    const tag = entry.split(';')[0].trim();
    if (!tag || tag === '*') continue;
    try {
      const parsed = new Intl.Locale(tag);
      const base = parsed.region ? `${parsed.language}-${parsed.region}` : parsed.language;
      if (Intl.DateTimeFormat.supportedLocalesOf(base).length > 0) return base;
    } catch {
      // Not a language tag: try the next one.
    }
  }
  return DEFAULT_LOCALE;
}
