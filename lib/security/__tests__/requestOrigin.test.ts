import { isForeignOrigin, requestHost } from '../requestOrigin';

const headers = (entries: Record<string, string>) => new Headers(entries);

describe('the host a request was sent to', () => {
  it('is Host unless TRUSTED_PROXY_HOPS says a proxy sets X-Forwarded-Host', () => {
    const sent = headers({ host: 'app.example', 'x-forwarded-host': 'evil.example' });
    expect(requestHost(sent, { TRUSTED_PROXY_HOPS: '0' })).toBe('app.example');
    expect(requestHost(sent, {})).toBe('app.example');
    expect(requestHost(sent, { TRUSTED_PROXY_HOPS: '1' })).toBe('evil.example');
    // Read through lib/config.ts: a bad value is refused, not read as 0.
    expect(() => requestHost(sent, { TRUSTED_PROXY_HOPS: 'one' })).toThrow('TRUSTED_PROXY_HOPS="one" is not allowed');
  });

  it('makes a forged X-Forwarded-Host no way to pass another site’s Origin off as ours', () => {
    const forged = headers({ host: 'app.example', origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' });
    expect(isForeignOrigin(forged, { TRUSTED_PROXY_HOPS: '0' })).toBe(true);
    expect(isForeignOrigin(headers({ host: 'app.example', origin: 'https://app.example' }), {})).toBe(false);
    expect(isForeignOrigin(headers({ host: 'app.example' }), {})).toBe(false);
    expect(isForeignOrigin(headers({ host: 'app.example', origin: 'null' }), {})).toBe(true);
  });
});
