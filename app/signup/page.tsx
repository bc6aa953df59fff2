import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import type { SearchParams } from '@/app/_lib/searchParams';
import { AuthCard } from '@/components/auth/AuthCard';
import { OAuthButtons } from '@/components/auth/OAuthButtons';
import { SignUpForm } from '@/components/auth/SignUpForm';
import { configuredOAuthProviders } from '@/lib/auth/signInPage';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/passwordPolicy';
import { getSignedInUser, safeCallbackUrl } from '@/server/auth/session';
import { signUpAction } from './actions';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await getSignedInUser()) redirect(callbackUrl);

  return (
    <AuthCard
      title="Create your account"
      subtitle="Edit your videos by talking to CoDirector."
      footer={
        <>
          Already have an account? <Link href={`/signin?${new URLSearchParams({ callbackUrl })}`}>Sign in</Link>
        </>
      }
    >
      <OAuthButtons providers={configuredOAuthProviders()} callbackUrl={callbackUrl} />
      <SignUpForm callbackUrl={callbackUrl} minPasswordLength={MIN_PASSWORD_LENGTH} signUpAction={signUpAction} />
    </AuthCard>
  );
}
