import { historyGroup } from '../dateGroups';

const at = (iso: string) => new Date(iso);
const zone = (timeZone: string) => ({ locale: 'en-US', timeZone });

describe('history groups in the viewer’s time zone', () => {
  it('puts 23:59 yesterday and 00:01 today on different days', () => {
    // 00:01 on 10 March in Lisbon (UTC+0 in winter).
    const now = at('2026-03-10T00:01:00Z');
    expect(historyGroup(at('2026-03-10T00:01:00Z'), now, zone('Europe/Lisbon'))).toBe('Today');
    expect(historyGroup(at('2026-03-09T23:59:00Z'), now, zone('Europe/Lisbon'))).toBe('Yesterday');
    // The same instants in New York (UTC−4 after its DST change on 8 March) are both on 9 March.
    expect(historyGroup(at('2026-03-09T23:59:00Z'), now, zone('America/New_York'))).toBe('Today');
  });

  it('counts calendar days across a DST change in New York (springs forward on 8 March 2026)', () => {
    const now = at('2026-03-09T04:30:00Z'); // 00:30 on 9 March, EDT (UTC−4)
    expect(historyGroup(at('2026-03-08T04:59:00Z'), now, zone('America/New_York'))).toBe('Previous 7 days'); // 23:59 on 7 March, EST (UTC−5)
    expect(historyGroup(at('2026-03-08T05:01:00Z'), now, zone('America/New_York'))).toBe('Yesterday'); // 00:01 on 8 March, EST (a 23-hour day)
    expect(historyGroup(at('2026-03-09T03:59:00Z'), now, zone('America/New_York'))).toBe('Yesterday'); // 23:59 on 8 March, EDT
    expect(historyGroup(at('2026-03-09T04:01:00Z'), now, zone('America/New_York'))).toBe('Today'); // 00:01 on 9 March, EDT
  });

  it('counts calendar days across a DST change in Berlin (falls back on 25 October 2026)', () => {
    const now = at('2026-10-25T23:01:00Z'); // 00:01 on 26 October, CET (UTC+1)
    expect(historyGroup(at('2026-10-25T23:00:00Z'), now, zone('Europe/Berlin'))).toBe('Today'); // 00:00 on 26 October
    expect(historyGroup(at('2026-10-25T22:59:00Z'), now, zone('Europe/Berlin'))).toBe('Yesterday'); // 23:59 on 25 October, CET
    expect(historyGroup(at('2026-10-24T22:01:00Z'), now, zone('Europe/Berlin'))).toBe('Yesterday'); // 00:01 on 25 October, CEST (a 25-hour day)
    expect(historyGroup(at('2026-10-24T21:59:00Z'), now, zone('Europe/Berlin'))).toBe('Previous 7 days'); // 23:59 on 24 October, CEST
  });

  it('goes from the previous 7 and 30 days to month names, with the year when it is not this one', () => {
    const now = at('2026-03-31T12:00:00Z');
    expect(historyGroup(at('2026-03-24T12:00:00Z'), now, zone('UTC'))).toBe('Previous 7 days');
    expect(historyGroup(at('2026-03-23T12:00:00Z'), now, zone('UTC'))).toBe('Previous 30 days');
    expect(historyGroup(at('2026-03-01T12:00:00Z'), now, zone('UTC'))).toBe('Previous 30 days');
    expect(historyGroup(at('2026-02-28T12:00:00Z'), now, zone('UTC'))).toBe('February');
    expect(historyGroup(at('2025-12-31T12:00:00Z'), now, zone('UTC'))).toBe('December 2025');
  });

  it('names months in the viewer’s locale', () => {
    const now = at('2026-03-31T12:00:00Z');
    expect(historyGroup(at('2026-02-28T12:00:00Z'), now, { locale: 'de-DE', timeZone: 'UTC' })).toBe('Februar');
    expect(historyGroup(at('2025-12-31T12:00:00Z'), now, { locale: 'en-GB', timeZone: 'UTC' })).toBe('December 2025');
  });
});
