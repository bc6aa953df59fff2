'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';

export function SignOutButton() {
  const [signingOut, setSigningOut] = useState(false);
  return (
    <button
      type="button"
      className="button ghost small"
      disabled={signingOut}
      onClick={() => {
        setSigningOut(true);
        void signOut({ callbackUrl: '/signin' });
      }}
    >
      {signingOut ? 'Signing out…' : 'Sign out'}
    </button>
  );
}
