'use client';

import { useFormStatus } from 'react-dom';
import { PlusCircleIcon, SpinnerIcon } from '@/components/ui/icons';

interface NewSessionButtonProps {
  /** The server action that starts a fresh session; a form action, so it works without JavaScript. */
  startNewSession: () => Promise<void>;
}

export function NewSessionButton({ startNewSession }: NewSessionButtonProps) {
  return (
    <form action={startNewSession}>
      <NewSessionSubmit />
    </form>
  );
}

function NewSessionSubmit() {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      className="icon-button"
      aria-label="New session"
      data-tooltip="New session"
      // aria-disabled rather than disabled, so keyboard focus stays on the button.
      aria-disabled={pending}
      onClick={(event) => {
        if (pending) event.preventDefault();
      }}
    >
      {pending ? <SpinnerIcon /> : <PlusCircleIcon />}
    </button>
  );
}
