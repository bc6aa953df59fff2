'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent, type InputHTMLAttributes } from 'react';
import type { SignUpErrors, SignUpInput, SignUpResult } from '@/lib/auth/signUpForm';
import styles from './AuthCard.module.css';
import { formText } from '@/components/ui/formText';

interface SignUpFormProps {
  callbackUrl: string;
  minPasswordLength: number;
  signUpAction: (input: SignUpInput) => Promise<SignUpResult>;
}

type FormErrors = SignUpErrors & { form?: string };

export function SignUpForm({ callbackUrl, minPasswordLength, signUpAction }: SignUpFormProps) {
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitting, setSubmitting] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input: SignUpInput = {
      name: formText(form, 'name'),
      email: formText(form, 'email'),
      password: formText(form, 'password'),
    };
    setSubmitting(true);
    setErrors({});
    const created = await signUpAction(input).catch(() => null);
    if (!created || !created.ok) {
      setSubmitting(false);
      setErrors(created ? created.errors : { form: 'Could not create the account. Check your connection and try again.' });
      return;
    }
    const signedIn = await signIn('credentials', { email: input.email, password: input.password, redirect: false }).catch(() => undefined);
    window.location.assign(signedIn?.ok && !signedIn.error ? callbackUrl : `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      {errors.form && (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      )}
      <Field id="signup-name" label="Name" error={errors.name} input={{ name: 'name', autoComplete: 'name', placeholder: 'Optional' }} />
      <Field id="signup-email" label="Email" error={errors.email} input={{ name: 'email', type: 'email', autoComplete: 'email', required: true }} />
      <Field
        id="signup-password"
        label="Password"
        error={errors.password}
        hint={`At least ${minPasswordLength} characters.`}
        input={{ name: 'password', type: 'password', autoComplete: 'new-password', required: true, minLength: minPasswordLength }}
      />
      <button type="submit" className={`button primary ${styles.submit}`} disabled={submitting}>
        {submitting ? 'Creating account…' : 'Create account'}
      </button>
    </form>
  );
}

interface FieldProps {
  id: string;
  label: string;
  error: string | undefined;
  hint?: string;
  input: InputHTMLAttributes<HTMLInputElement>;
}

/** A labelled input with its hint and inline error wired up for assistive technology. */
function Field({ id, label, error, hint, input }: FieldProps) {
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input {...input} id={id} className="input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
      {hint && !error && (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      )}
    </div>
  );
}
