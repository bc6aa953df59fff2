import { config } from '@/lib/config';

/**
 * How many proxies in front of the app append to X-Forwarded-For (a load balancer, a CDN…).
 * 0: clients connect to the app directly. A value that is no whole number from 0 to 10 is a
 * ConfigError (lib/config.ts), not 0: falling back would silently rate-limit the proxy's
 * address, or trust an address the client chose.
 */
export function trustedProxyHops(env: Readonly<Record<string, string | undefined>> = process.env): number {
  return config(env).TRUSTED_PROXY_HOPS;
}

/**
 * The client's address as the outermost trusted proxy saw it. The app's server
 * (scripts/server.mjs) appends the address of the socket's peer to X-Forwarded-For, and each
 * trusted proxy appended the address it saw, so the entry `hops` places left of the right-most
 * one is the client. Entries further left are whatever the client sent, and never trusted.
 */
export function clientAddress(request: { headers: Headers }, hops = trustedProxyHops()): string {
  const entries = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  // Only requests that did not come through the app's server (handlers called in tests) have none.
  if (entries.length === 0) return 'unknown';
  return entries[Math.max(0, entries.length - 1 - hops)];
}
