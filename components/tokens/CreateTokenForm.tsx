'use client';

import { useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/actionResult';
import { NAME_MAX_LENGTH } from '@/lib/validation';
import { NewTokenSecret } from './NewTokenSecret';
import styles from './Tokens.module.css';

interface CreateTokenFormProps {
  createTokenAction: (name: string) => Promise<ActionResult<{ token: string }>>;
}

/** Names a new token; the created secret is then shown once, with a copy button. */
export function CreateTokenForm({ createTokenAction }: CreateTokenFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [creating, startCreating] = useTransition();

  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = String(new FormData(form).get('name') ?? '');
    setError(null);
    startCreating(async () => {
      const result = await createTokenAction(name);
      startCreating(() => {
        if (!result.ok) {
          setError(result.message);
          return;
        }
        form.reset();
        setCreated({ name: name.trim(), token: result.token });
      });
    });
  }

  return (
    <>
      <form className={styles.createForm} onSubmit={create}>
        <label htmlFor="token-name" className="visually-hidden">
          Token name
        </label>
        <input
          id="token-name"
          className="input"
          name="name"
          placeholder="What is it for? e.g. Render farm"
          maxLength={NAME_MAX_LENGTH}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'token-name-error' : undefined}
        />
        <button type="submit" className="button primary" disabled={creating}>
          {creating ? 'Creating…' : 'Create token'}
        </button>
        {error && (
          <p id="token-name-error" className={`field-error ${styles.formError}`} role="alert">
            {error}
          </p>
        )}
      </form>
      {created && <NewTokenSecret name={created.name} token={created.token} onDismiss={() => setCreated(null)} />}
    </>
  );
}
