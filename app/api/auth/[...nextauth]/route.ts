import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { getAuthOptions, SIGN_IN_PATH } from '@/lib/auth/options';
import { recordFailedSignIn, signInBlockedBy, TOO_MANY_ATTEMPTS } from '@/lib/auth/signInThrottle';
import { clientAddress } from '@/lib/rateLimit';

interface AuthRouteContext {
  params: Promise<{ nextauth: string[] }>;
}

function handleAuth(request: NextRequest, context: AuthRouteContext): Promise<Response> {
  return NextAuth(request, context, getAuthOptions());
}

/**
 * Email and password sign-in, throttled: once an account or an address has too many failed
 * attempts in 15 minutes, further attempts get 429 with Retry-After until the window ends.
 */
async function handleAuthPost(request: NextRequest, context: AuthRouteContext): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth.join('/') !== 'callback/credentials') return handleAuth(request, context);

  const form = await request.clone().formData().catch(() => null);
  const email = String(form?.get('email') ?? '');
  const address = clientAddress(request);
  const blocked = await signInBlockedBy(email, address);
  if (blocked) {
    const message = `Too many failed sign-in attempts. Try again in ${Math.ceil(blocked.retryAfterSeconds / 60)} minutes.`;
    return Response.json(
      { url: `${new URL(request.url).origin}${SIGN_IN_PATH}?error=${TOO_MANY_ATTEMPTS}`, error: message },
      { status: 429, headers: { 'retry-after': String(blocked.retryAfterSeconds) } },
    );
  }

  const response = await handleAuth(request, context);
  if (await signInFailed(response)) await recordFailedSignIn(email, address);
  return response;
}

/** next-auth answers a failed attempt with a redirect, or a JSON url, carrying `error=`. */
async function signInFailed(response: Response): Promise<boolean> {
  const location = response.headers.get('location');
  if (location) return location.includes('error=');
  const body = (await response.clone().json().catch(() => null)) as { url?: string } | null;
  return typeof body?.url === 'string' && body.url.includes('error=');
}

export { handleAuth as GET, handleAuthPost as POST };
