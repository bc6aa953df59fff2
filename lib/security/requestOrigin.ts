import { config } from '@/lib/config';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The host a browser request was sent to: `Host`, or `X-Forwarded-Host` only when
 * TRUSTED_PROXY_HOPS says a proxy in front of us sets it (a client could send it otherwise).
 */
export function requestHost(headers: Headers, env: Env = process.env): string | null {
  const forwarded = config(env).TRUSTED_PROXY_HOPS > 0 ? headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  return forwarded || headers.get('host');
}

/** True when the request names an Origin other than the host it was sent to (a cross-site request). */
export function isForeignOrigin(headers: Headers, env: Env = process.env): boolean {
  const origin = headers.get('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host !== requestHost(headers, env);
  } catch {
    return true;
  }
}
