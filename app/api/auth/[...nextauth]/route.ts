import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { readCredentialsForm, type CredentialsForm } from '@/lib/auth/credentialsForm';
import { SIGN_IN_PATH } from '@/lib/auth/signInPage';
import { getAuthOptions } from '@/server/auth/options';
import { reserveSignInAttempt, TOO_MANY_ATTEMPTS, tooManyAttemptsMessage } from '@/server/auth/signInThrottle';
import { clientAddress } from '@/lib/rateLimit';

interface AuthRouteContext {
  params: Promise<{ nextauth: string[] }>;
}

function handleAuth(request: NextRequest, context: AuthRouteContext): Promise<Response> {
  return NextAuth(request, context, getAuthOptions()) as Promise<Response>;
}

/**
 * Email and password sign-in, throttled per account and per address (server/auth/signInThrottle.ts).
 * The form is read once, here; next-auth is handed exactly what was read and counted, so the
 * email that is throttled is the email that is checked.
 */
async function handleAuthPost(request: NextRequest, context: AuthRouteContext): Promise<Response> {
  const { nextauth } = await context.params;
  if (nextauth.join('/') !== 'callback/credentials') return handleAuth(request, context);

  const read = await readCredentialsForm(request);
  if (!read.ok) return Response.json({ error: read.problem }, { status: 400 });

  const attempt = await reserveSignInAttempt(read.form.email, clientAddress(request));
  if (!attempt.allowed) {
    return Response.json(
      { url: `${new URL(request.url).origin}${SIGN_IN_PATH}?error=${TOO_MANY_ATTEMPTS}`, error: tooManyAttemptsMessage(attempt.retryAfterSeconds) },
      { status: 429, headers: { 'retry-after': String(attempt.retryAfterSeconds) } },
    );
  }
  const response = await handleAuth(withForm(request, read.form), context);
  if (!(await signInFailed(response))) await attempt.giveBack();
  return response;
}

/** The same request with `form` as its body, in the encoding next-auth reads field by field. */
function withForm(request: NextRequest, form: CredentialsForm): NextRequest {
  const headers = new Headers(request.headers);
  headers.set('content-type', 'application/x-www-form-urlencoded');
  headers.delete('content-length');
  return new NextRequest(request.url, { method: 'POST', headers, body: new URLSearchParams(form).toString() });
}

/** next-auth answers a rejected password with a redirect, or a JSON url, carrying `error=`. */
async function signInFailed(response: Response): Promise<boolean> {
  const location = response.headers.get('location');
  if (location) return location.includes('error=');
  const body = (await response
    .clone()
    .json()
    .catch(() => null)) as { url?: string } | null;
  return typeof body?.url === 'string' && body.url.includes('error=');
}

export { handleAuth as GET, handleAuthPost as POST };
