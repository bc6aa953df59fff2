'use client';

import { useActionState } from 'react';
import styles from './Projects.module.css';

/** What the form shows after a failed attempt (a successful one opens the new project). */
export interface CreateProjectState {
  error: string | null;
}

interface CreateProjectFormProps {
  createProjectAction: (previous: CreateProjectState, form: FormData) => Promise<CreateProjectState>;
}

export function CreateProjectForm({ createProjectAction }: CreateProjectFormProps) {
  const [state, formAction, pending] = useActionState(createProjectAction, { error: null });
  return (
    <form className={styles.createForm} action={formAction}>
      <label htmlFor="new-project-name" className="visually-hidden">
        Project name
      </label>
      <input
        id="new-project-name"
        className="input"
        name="name"
        placeholder="Name a new project"
        required
        maxLength={120}
        aria-invalid={state.error ? true : undefined}
        aria-describedby={state.error ? 'new-project-error' : undefined}
      />
      <button type="submit" className="button primary" disabled={pending}>
        {pending ? 'Creating…' : 'Create project'}
      </button>
      {state.error && (
        <p id="new-project-error" className={`field-error ${styles.createError}`} role="alert">
          {state.error}
        </p>
      )}
    </form>
  );
}
