import { fullDate, labelDate, localeFromAcceptLanguage, shortDate, validTimeZone } from '../dates';

const at = (iso: string) => new Date(iso);
const us = (timeZone: string) => ({ locale: 'en-US', timeZone });

describe('the short form, for lists', () => {
  const now = at('2026-12-05T18:00:00Z');

  it('is the time today, "Yesterday", the month and day this year, and the year too before', () => {
    expect(shortDate(at('2026-12-05T14:47:36Z'), now, us('UTC'))).toBe('14:47');
    expect(shortDate(at('2026-12-04T09:00:00Z'), now, us('UTC'))).toBe('Yesterday');
    expect(shortDate(at('2026-12-03T09:00:00Z'), now, us('UTC'))).toBe('Dec 3');
    expect(shortDate(at('2026-01-01T00:00:00Z'), now, us('UTC'))).toBe('Jan 1');
    expect(shortDate(at('2025-12-05T14:47:00Z'), now, us('UTC'))).toBe('Dec 5, 2025');
  });

  it('counts days in the zone: a negative offset moves an evening instant to the day before', () => {
    // 02:30 UTC on 5 December is 21:30 on 4 December in New York (UTC−5).
    const early = at('2026-12-05T02:30:00Z');
    expect(shortDate(early, now, us('UTC'))).toBe('02:30');
    expect(shortDate(early, now, us('America/New_York'))).toBe('Yesterday');
    // And a positive one to the day after: 20:00 UTC on 5 December is 05:00 on 6 December in Tokyo.
    expect(shortDate(at('2026-12-05T20:00:00Z'), at('2026-12-05T21:00:00Z'), us('Asia/Tokyo'))).toBe('05:00');
    expect(shortDate(at('2026-12-05T14:00:00Z'), at('2026-12-05T21:00:00Z'), us('Asia/Tokyo'))).toBe('Yesterday');
  });

  it('turns to "Yesterday" at midnight in the zone, not 24 hours later', () => {
    const justAfterMidnight = at('2026-03-10T00:01:00Z'); // Lisbon is UTC+0 in winter
    expect(shortDate(at('2026-03-09T23:59:00Z'), justAfterMidnight, us('Europe/Lisbon'))).toBe('Yesterday');
    expect(shortDate(at('2026-03-10T00:00:00Z'), justAfterMidnight, us('Europe/Lisbon'))).toBe('00:00');
    // Two days back is a date, even when under 48 hours.
    expect(shortDate(at('2026-03-08T23:59:00Z'), justAfterMidnight, us('Europe/Lisbon'))).toBe('Mar 8');
  });

  it('keeps calendar days and wall-clock times across DST changes', () => {
    // New York springs forward on 8 March 2026 (a 23-hour day); now is 00:30 on 9 March, EDT.
    const afterSpring = at('2026-03-09T04:30:00Z');
    expect(shortDate(at('2026-03-08T05:01:00Z'), afterSpring, us('America/New_York'))).toBe('Yesterday'); // 00:01 EST
    expect(shortDate(at('2026-03-08T04:59:00Z'), afterSpring, us('America/New_York'))).toBe('Mar 7'); // 23:59 EST
    expect(shortDate(at('2026-03-09T04:01:00Z'), afterSpring, us('America/New_York'))).toBe('00:01');
    // Berlin falls back on 25 October 2026 (a 25-hour day): 02:30 happens twice.
    const afterFall = at('2026-10-25T12:00:00Z');
    expect(shortDate(at('2026-10-25T00:30:00Z'), afterFall, us('Europe/Berlin'))).toBe('02:30'); // CEST
    expect(shortDate(at('2026-10-25T01:30:00Z'), afterFall, us('Europe/Berlin'))).toBe('02:30'); // CET
    expect(shortDate(at('2026-10-24T22:01:00Z'), afterFall, us('Europe/Berlin'))).toBe('00:01');
  });

  it('speaks the locale, on a 24-hour clock', () => {
    expect(shortDate(at('2026-12-05T14:47:00Z'), now, { locale: 'en-GB', timeZone: 'UTC' })).toBe('14:47');
    expect(shortDate(at('2026-12-03T09:00:00Z'), now, { locale: 'en-GB', timeZone: 'UTC' })).toBe('3 Dec');
    expect(shortDate(at('2025-12-05T09:00:00Z'), now, { locale: 'en-GB', timeZone: 'UTC' })).toBe('5 Dec 2025');
    expect(shortDate(at('2026-12-04T09:00:00Z'), now, { locale: 'de-DE', timeZone: 'Europe/Berlin' })).toBe('Gestern');
    expect(shortDate(at('2026-12-03T09:00:00Z'), now, { locale: 'de-DE', timeZone: 'Europe/Berlin' })).toBe('3. Dez.');
  });
});

describe('the full form, for tooltips, titles and transcripts', () => {
  it('is the weekday, date and time in the zone and locale', () => {
    expect(fullDate(at('2026-12-05T14:47:36Z'), us('UTC'))).toBe('Saturday, December 5, 2026, 14:47');
    expect(fullDate(at('2026-12-05T14:47:36Z'), us('America/Los_Angeles'))).toBe('Saturday, December 5, 2026, 06:47');
    expect(fullDate(at('2026-12-05T23:47:00Z'), us('Europe/Berlin'))).toBe('Sunday, December 6, 2026, 00:47');
    expect(fullDate(at('2026-12-05T14:47:36Z'), { locale: 'en-GB', timeZone: 'UTC' })).toBe('Saturday, 5 December 2026, 14:47');
    expect(fullDate(at('2026-12-05T14:47:36Z'), { locale: 'de-DE', timeZone: 'UTC' })).toBe('Samstag, 5. Dezember 2026, 14:47');
  });

  it('comes with the short form and the ISO instant in one label', () => {
    expect(labelDate(at('2026-12-05T14:47:36.250Z'), at('2026-12-05T18:00:00Z'), us('UTC'))).toEqual({
      iso: '2026-12-05T14:47:36.250Z',
      text: '14:47',
      full: 'Saturday, December 5, 2026, 14:47',
    });
  });
});

describe('whose dates', () => {
  it('takes a zone the runtime knows, in its canonical spelling, and UTC otherwise', () => {
    expect(validTimeZone('Europe/Lisbon')).toBe('Europe/Lisbon');
    expect(validTimeZone('europe/lisbon')).toBe('Europe/Lisbon');
    expect(validTimeZone('Not/AZone')).toBe('UTC');
    expect(validTimeZone(undefined)).toBe('UTC');
  });

  it('takes the first usable language of Accept-Language, as language and region, and en-US otherwise', () => {
    expect(localeFromAcceptLanguage('en-GB,en;q=0.9')).toBe('en-GB');
    expect(localeFromAcceptLanguage('de-DE-u-ca-buddhist')).toBe('de-DE');
    expect(localeFromAcceptLanguage('*, fr;q=0.5')).toBe('fr');
    expect(localeFromAcceptLanguage('not a tag!, de')).toBe('de');
    expect(localeFromAcceptLanguage(null)).toBe('en-US');
    expect(localeFromAcceptLanguage('')).toBe('en-US');
  });
});
