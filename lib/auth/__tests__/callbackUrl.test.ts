import { sameOriginPath } from '../callbackUrl';

const ORIGIN = 'https://app.example';

describe('sameOriginPath', () => {
  it.each([
    ['/projects/42', '/projects/42'],
    ['/projects/42?tab=history', '/projects/42?tab=history'],
    ['/projects/42#clip-3', '/projects/42'],
    ['projects', '/projects'],
    ['https://app.example/settings/tokens', '/settings/tokens'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/%09/evil.example', '/%09/evil.example'],
    ['/%0A/evil.example', '/%0A/evil.example'],
    ['/%0D/evil.example', '/%0D/evil.example'],
    // Full-width solidi are not slashes to the parser: an odd path here, not another host.
    ['／／evil.example', '/%EF%BC%8F%EF%BC%8Fevil.example'],
    ['https:evil.example', '/evil.example'],
  ])('keeps %j on this origin as %j', (value, expected) => {
    expect(sameOriginPath(value, ORIGIN)).toBe(expected);
  });

  it.each([
    '//evil.example',
    '///evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    ' //evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    'https://evil.example/',
    'http://app.example/',
    'https://app.example.evil.example/',
    'https://app.example@evil.example/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/projects/..//evil.example',
    '',
  ])('sends %j to the projects page', (value) => {
    expect(sameOriginPath(value, ORIGIN)).toBe('/');
  });

  it('never answers a path a browser would read as another host, or with a character a header cannot carry', () => {
    const payloads = ['/%09/evil.example', '/\t/evil.example', '/\n/evil.example', '/%5C/evil.example', '/\u3000/evil.example', '/／evil.example'];
    for (const payload of payloads) {
      const path = sameOriginPath(payload, ORIGIN);
      expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
      expect(path).not.toMatch(/[\u0000-\u001f\\]/);
      expect(path.startsWith('//')).toBe(false);
    }
  });
});
