import { daysBetween, sameYear, type DateSettings } from './dates';

/**
 * Which day group a session falls in, in the history drawer (Today, Yesterday, Previous 7 days,
 * Previous 30 days, then month by month in the viewer's locale), counted in calendar days of the
 * viewer's zone (lib/dates.ts).
 */

const monthFormats = new Map<string, Intl.DateTimeFormat>();

function monthFormat(withYear: boolean, { locale, timeZone }: DateSettings): Intl.DateTimeFormat {
  const cacheKey = `${withYear}\0${locale}\0${timeZone}`;
  let found = monthFormats.get(cacheKey);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, withYear ? { month: 'long', year: 'numeric', timeZone } : { month: 'long', timeZone });
    monthFormats.set(cacheKey, found);
  }
  return found;
}

export function historyGroup(date: Date, now: Date, settings: DateSettings): string {
  const age = daysBetween(date, now, settings.timeZone);
  if (age <= 0) return 'Today';
  if (age === 1) return 'Yesterday';
  if (age <= 7) return 'Previous 7 days';
  if (age <= 30) return 'Previous 30 days';
  const label = monthFormat(!sameYear(date, now, settings.timeZone), settings).format(date);
  return label.charAt(0).toLocaleUpperCase(settings.locale) + label.slice(1);
}
