import { ConfigError } from '@/lib/config';
import { clientAddress, trustedProxyHops } from '../clientAddress';

const request = (forwardedFor?: string) => ({ headers: new Headers(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }) });

describe('the client address', () => {
  it('is the peer the app server saw (the right-most entry) with no trusted proxy', () => {
    expect(clientAddress(request('198.51.100.7'), 0)).toBe('198.51.100.7');
    // A client cannot choose its bucket by sending X-Forwarded-For: the server appended the real peer.
    expect(clientAddress(request('1.2.3.4, 198.51.100.7'), 0)).toBe('198.51.100.7');
    expect(clientAddress(request(' 1.2.3.4 ,  5.6.7.8,198.51.100.7 '), 0)).toBe('198.51.100.7');
  });

  it('is the address the outermost of N trusted proxies saw', () => {
    // client -> CDN -> load balancer -> app: the app server appended the load balancer.
    const chain = 'spoofed, 203.0.113.9, 192.0.2.10, 10.0.0.2';
    expect(clientAddress(request(chain), 1)).toBe('192.0.2.10');
    expect(clientAddress(request(chain), 2)).toBe('203.0.113.9');
  });

  it('is the left-most entry when there are fewer entries than trusted hops', () => {
    expect(clientAddress(request('10.0.0.2'), 2)).toBe('10.0.0.2');
  });

  it('is "unknown" only for a request that did not come through the app server', () => {
    expect(clientAddress(request(), 0)).toBe('unknown');
    expect(clientAddress(request(' , '), 0)).toBe('unknown');
  });

  it('trusts TRUSTED_PROXY_HOPS when it is a whole number, no proxy when unset or blank', () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '' })).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: '2' })).toBe(2);
  });

  // Decided for issue #27: a bad value used to fall back to 0 in silence, which behind a proxy
  // puts every client in the proxy's rate-limit bucket. Now it stops the start (lib/config.ts).
  it.each(['-1', 'one', '1.5', '11'])('refuses TRUSTED_PROXY_HOPS=%s with a ConfigError naming it, instead of falling back to 0', (value) => {
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: value })).toThrow(ConfigError);
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: value })).toThrow(
      `TRUSTED_PROXY_HOPS=${JSON.stringify(value)} is not allowed: a whole number from 0 to 10`,
    );
  });
});
