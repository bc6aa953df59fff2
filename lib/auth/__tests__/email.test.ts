import { MAX_EMAIL_LENGTH, normalizeEmail, parseAccountEmail } from '../email';

describe('account emails', () => {
  it('have one spelling: trimmed, NFKC-folded and lower-cased', () => {
    expect(normalizeEmail('  Demo@CoDirector.dev ')).toBe('demo@codirector.dev');
    // Full-width letters fold into ASCII, so they cannot open a look-alike second account.
    expect(normalizeEmail('ｄｅｍｏ@codirector.dev')).toBe('demo@codirector.dev');
    expect(parseAccountEmail('ＤＥＭＯ＠codirector.dev')).toBe('demo@codirector.dev');
  });

  it.each([
    ['a NUL byte', 'demo\u0000@codirector.dev'],
    ['a control character', 'demo\u0007@codirector.dev'],
    ['a zero-width space', 'de\u200bmo@codirector.dev'],
    ['a zero-width joiner', 'demo\u200d@codirector.dev'],
    ['a byte order mark', 'de\ufeffmo@codirector.dev'],
    ['a right-to-left override', 'demo\u202e@codirector.dev'],
    ['a bidi isolate', 'demo\u2067@codirector.dev'],
    ['a soft hyphen', 'de\u00admo@codirector.dev'],
    ['no domain', 'demo@'],
    ['spaces inside', 'de mo@codirector.dev'],
    ['more than 254 characters', `${'a'.repeat(MAX_EMAIL_LENGTH)}@x.dev`],
    ['a megabyte', `${'a'.repeat(1024 * 1024)}@x.dev`],
  ])('are refused with %s', (_label, email) => {
    expect(parseAccountEmail(email)).toBeNull();
  });
});
