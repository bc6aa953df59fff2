'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';
import styles from './AuthCard.module.css';
import { TOO_MANY_ATTEMPTS_MESSAGE, WRONG_CREDENTIALS } from './messages';
import { formText } from '@/components/ui/formText';

interface SignInFormProps {
  callbackUrl: string;
  initialError: string | null;
}

export function SignInForm({ callbackUrl, initialError }: SignInFormProps) {
  const [error, setError] = useState(initialError);
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setSubmitting(true);
    setError(null);
    const result = await signIn('credentials', {
      email: formText(form, 'email'),
      password: formText(form, 'password'),
      redirect: false,
    }).catch(() => undefined);
    if (result?.ok && !result.error) {
      // A full load, so every server component renders for the signed-in user.
      window.location.assign(callbackUrl);
      return;
    }
    setSubmitting(false);
    setError(
      result?.status === 429
        ? TOO_MANY_ATTEMPTS_MESSAGE
        : result?.error === 'CredentialsSignin'
          ? WRONG_CREDENTIALS
          : 'Could not sign in. Check your connection and try again.',
    );
  }

  return (
    // Without JavaScript the browser posts to next-auth, never puts the password in a URL.
    <form className={styles.form} method="post" action="/api/auth/callback/credentials" onSubmit={submit} noValidate>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor="signin-email">Email</label>
        <input id="signin-email" className="input" name="email" type="email" autoComplete="email" required autoFocus />
      </div>
      <div className="field">
        <label htmlFor="signin-password">Password</label>
        <input id="signin-password" className="input" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button type="submit" className={`button primary ${styles.submit}`} disabled={submitting}>
        {submitting ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
