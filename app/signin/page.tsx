import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { firstParam, type SearchParams } from '@/app/_lib/searchParams';
import { AuthCard } from '@/components/auth/AuthCard';
import { OAuthButtons } from '@/components/auth/OAuthButtons';
import { TOO_MANY_ATTEMPTS_MESSAGE, WRONG_CREDENTIALS } from '@/components/auth/messages';
import { TOO_MANY_ATTEMPTS } from '@/server/auth/signInThrottle';
import { SignInForm } from '@/components/auth/SignInForm';
import { configuredOAuthProviders } from '@/lib/auth/signInPage';
import { getSignedInUser, safeCallbackUrl } from '@/server/auth/session';

export const metadata: Metadata = { title: 'Sign in' };

/** next-auth sends errors here as `?error=<code>`; none of them should show as a raw code. */
function describeAuthError(code: string | undefined): string | null {
  if (!code) return null;
  if (code === 'CredentialsSignin') return WRONG_CREDENTIALS;
  if (code === TOO_MANY_ATTEMPTS) return TOO_MANY_ATTEMPTS_MESSAGE;
  if (code === 'SessionRequired') return 'Sign in to continue.';
  return 'Sign-in did not complete. Try again, or use your email and password.';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = await searchParams;
  const callbackUrl = safeCallbackUrl(query.callbackUrl);
  if (await getSignedInUser()) redirect(callbackUrl);

  return (
    <AuthCard
      title="Sign in"
      subtitle="Pick up your projects and sessions where you left them."
      footer={
        <>
          New to CoDirector? <Link href={`/signup?${new URLSearchParams({ callbackUrl })}`}>Create an account</Link>
        </>
      }
    >
      <OAuthButtons providers={configuredOAuthProviders()} callbackUrl={callbackUrl} />
      <SignInForm callbackUrl={callbackUrl} initialError={describeAuthError(firstParam(query.error))} />
    </AuthCard>
  );
}
