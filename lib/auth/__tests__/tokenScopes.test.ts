import { daysFrom, expiryProblem, expiryState, grantWithin, highestScope, impliedScopes, reachesProject, scopeIncludes } from '../tokenScopes';

const now = new Date('2026-03-01T12:00:00.000Z');
const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';

describe('token scopes', () => {
  it('are levels: each includes the ones below it and none above', () => {
    expect(scopeIncludes('ADMIN', 'READ')).toBe(true);
    expect(scopeIncludes('WRITE', 'WRITE')).toBe(true);
    expect(scopeIncludes('WRITE', 'ADMIN')).toBe(false);
    expect(scopeIncludes('READ', 'WRITE')).toBe(false);
    expect(impliedScopes('WRITE')).toEqual(['READ', 'WRITE']);
    expect(highestScope(['READ', 'ADMIN', 'WRITE'])).toBe('ADMIN');
  });

  it('let a token mint only grants within its own scope and projects', () => {
    const limited = { scope: 'WRITE' as const, projectIds: [P1] };
    expect(grantWithin({ scope: 'READ', projectIds: [P1] }, limited)).toBe(true);
    expect(grantWithin({ scope: 'ADMIN', projectIds: [P1] }, limited)).toBe(false);
    expect(grantWithin({ scope: 'READ', projectIds: [P1, P2] }, limited)).toBe(false);
    expect(grantWithin({ scope: 'READ', projectIds: null }, limited)).toBe(false);
    expect(grantWithin({ scope: 'READ', projectIds: [P2] }, { scope: 'ADMIN', projectIds: null })).toBe(true);
    expect(reachesProject(limited, P1.toUpperCase())).toBe(true);
  });

  it('take an expiry in the future, at most 366 days ahead', () => {
    expect(expiryProblem(daysFrom(now, 90), now)).toBeNull();
    expect(expiryProblem(now, now)).toMatch(/future/);
    expect(expiryProblem(daysFrom(now, 367), now)).toMatch(/366 days/);
    expect(expiryProblem(new Date(Number.NaN), now)).toMatch(/valid/);
  });

  it('read as never, expired, soon (7 days or fewer) or later', () => {
    expect(expiryState(null, now)).toEqual({ kind: 'never' });
    expect(expiryState(daysFrom(now, -1), now)).toEqual({ kind: 'expired' });
    expect(expiryState(daysFrom(now, 3), now)).toEqual({ kind: 'soon', days: 3 });
    expect(expiryState(daysFrom(now, 7), now)).toEqual({ kind: 'soon', days: 7 });
    expect(expiryState(daysFrom(now, 30), now)).toEqual({ kind: 'later', days: 30 });
  });
});
