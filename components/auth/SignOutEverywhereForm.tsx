interface SignOutEverywhereFormProps {
  signOutEverywhereAction: () => Promise<void>;
}

/** A plain form posting to a server action: works before (and without) JavaScript. */
export function SignOutEverywhereForm({ signOutEverywhereAction }: SignOutEverywhereFormProps) {
  return (
    <form action={signOutEverywhereAction}>
      <p>Signs this browser out and every other device where you are signed in, at once.</p>
      <button type="submit" className="button ghost small">
        Sign out everywhere
      </button>
    </form>
  );
}
