import 'server-only';
import { cookies, headers } from 'next/headers';
import { localeFromAcceptLanguage, TIME_ZONE_COOKIE, validTimeZone, type DateSettings } from '@/lib/dates';

/**
 * The viewer's locale and time zone for server rendering. Server components cannot ask the
 * browser, so the zone comes from the cookie TimeZoneCookie sets from the browser's Intl (UTC
 * until it has, and the page renders once more if the zone it was rendered in is not the
 * browser's), and the locale from Accept-Language, which the browser sends with every request.
 * Chosen over formatting in the browser after hydration: the first paint already shows the
 * viewer's dates, and pages without JavaScript (the drawer pages without it) show them too.
 */
export async function viewerDateSettings(): Promise<DateSettings> {
  const [jar, sent] = await Promise.all([cookies(), headers()]);
  return { locale: localeFromAcceptLanguage(sent.get('accept-language')), timeZone: validTimeZone(jar.get(TIME_ZONE_COOKIE)?.value) };
}
