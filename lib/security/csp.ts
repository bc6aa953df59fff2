import { config } from '@/lib/config';

/**
 * A Content-Security-Policy with a fresh nonce per page view: Next.js puts the nonce on its
 * own inline scripts, so no other inline script can run. Styles allow inline attributes
 * (clip widths on the timeline are set per clip).
 */
export function contentSecurityPolicy(nonce: string, development = config().NODE_ENV === 'development'): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
