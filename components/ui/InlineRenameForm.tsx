'use client';

import { useState, useTransition, type FormEvent, type KeyboardEvent } from 'react';
import { NAME_MAX_LENGTH } from '@/lib/validation';
import { formText } from './formText';

interface InlineRenameFormProps {
  /** The input's id; the error message's id derives from it. */
  inputId: string;
  /** The input's accessible name, e.g. "Project name". */
  label: string;
  defaultValue: string;
  /** Saves the new name; resolves to an error to show, or null once saved. */
  onSave: (value: string) => Promise<string | null>;
  onDone: () => void;
  formClassName: string;
  buttonsClassName: string;
}

/**
 * Renames something in place: Save, Cancel, Escape to cancel (marked handled, so an enclosing
 * drawer stays open), and the server's refusal shown under the field.
 */
export function InlineRenameForm({ inputId, label, defaultValue, onSave, onDone, formClassName, buttonsClassName }: InlineRenameFormProps) {
  const [error, setError] = useState<string | null>(null);
  const [saving, startSaving] = useTransition();
  const errorId = `${inputId}-error`;

  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = formText(new FormData(event.currentTarget), 'name');
    startSaving(async () => {
      const failure = await onSave(value);
      startSaving(() => (failure ? setError(failure) : onDone()));
    });
  }

  function cancelOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onDone();
  }

  return (
    <form className={formClassName} onSubmit={save} onKeyDown={cancelOnEscape}>
      <label className="visually-hidden" htmlFor={inputId}>
        {label}
      </label>
      <input
        id={inputId}
        className="input"
        name="name"
        defaultValue={defaultValue}
        maxLength={NAME_MAX_LENGTH}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className={buttonsClassName}>
        <button type="submit" className="button primary small" disabled={saving}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button ghost small" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
