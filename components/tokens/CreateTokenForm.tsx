'use client';

import { useState, useTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/actionResult';
import { DEFAULT_TOKEN_LIFETIME_DAYS, TOKEN_LIFETIME_CHOICES_DAYS, type TokenScope } from '@/lib/auth/tokenScopes';
import { NAME_MAX_LENGTH } from '@/lib/validation';
import { NewTokenSecret } from './NewTokenSecret';
import { SCOPE_CHOICES } from './scopeLabels';
import styles from './Tokens.module.css';
import { formText } from '@/components/ui/formText';

export interface NewTokenInput {
  name: string;
  scope: TokenScope;
  /** Null: every project. */
  projectIds: string[] | null;
  expiresInDays: number;
}

interface CreateTokenFormProps {
  /** The viewer's projects a token can be limited to. */
  projects: readonly { id: string; name: string }[];
  createTokenAction: (input: NewTokenInput) => Promise<ActionResult<{ token: string }>>;
}

const lifetimeLabel = (days: number) => (days === 365 ? '1 year' : `${days} days`);

/** Names a new token and chooses what it may do, where and for how long; the created secret is then shown once, with a copy button. */
export function CreateTokenForm({ projects, createTokenAction }: CreateTokenFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [creating, startCreating] = useTransition();

  function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const fields = new FormData(form);
    const name = formText(fields, 'name');
    const projectIds = fields.getAll('projectIds').map(String);
    const input: NewTokenInput = {
      name,
      scope: (formText(fields, 'scope') || 'READ') as TokenScope,
      projectIds: projectIds.length > 0 ? projectIds : null,
      expiresInDays: Number(fields.get('expiresInDays') ?? DEFAULT_TOKEN_LIFETIME_DAYS),
    };
    setError(null);
    startCreating(async () => {
      const result = await createTokenAction(input);
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
      <form className={styles.createForm} onSubmit={create} aria-describedby={error ? 'token-form-error' : undefined}>
        <div className={styles.nameRow}>
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
          />
        </div>
        <fieldset className={styles.choices}>
          <legend className={styles.legend}>Access</legend>
          {SCOPE_CHOICES.map((choice) => (
            <label key={choice.scope} className={styles.choice}>
              <input type="radio" name="scope" value={choice.scope} defaultChecked={choice.scope === 'READ'} />
              <span>
                <strong>{choice.label}</strong> <span className={styles.hint}>{choice.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {projects.length > 0 && (
          <fieldset className={styles.choices} aria-describedby="token-projects-hint">
            <legend className={styles.legend}>Projects</legend>
            <p id="token-projects-hint" className={styles.hint}>
              Leave all unchecked for a token that reaches every project, including later ones.
            </p>
            {projects.map((project) => (
              <label key={project.id} className={styles.choice}>
                <input type="checkbox" name="projectIds" value={project.id} />
                <span className={styles.name}>{project.name}</span>
              </label>
            ))}
          </fieldset>
        )}
        <div className={styles.expiryRow}>
          <label htmlFor="token-expiry" className={styles.legend}>
            Expires after
          </label>
          <select id="token-expiry" className="input" name="expiresInDays" defaultValue={DEFAULT_TOKEN_LIFETIME_DAYS}>
            {TOKEN_LIFETIME_CHOICES_DAYS.map((days) => (
              <option key={days} value={days}>
                {lifetimeLabel(days)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit" className="button primary" disabled={creating}>
            {creating ? 'Creating…' : 'Create token'}
          </button>
        </div>
        {error && (
          <p id="token-form-error" className={`field-error ${styles.formError}`} role="alert">
            {error}
          </p>
        )}
      </form>
      {created && <NewTokenSecret name={created.name} token={created.token} onDismiss={() => setCreated(null)} />}
    </>
  );
}
