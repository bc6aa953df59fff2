'use client';

import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actionResult';
import styles from './Tokens.module.css';

interface RevokeTokenButtonProps {
  tokenId: string;
  tokenName: string;
  revokeTokenAction: (tokenId: string) => Promise<ActionResult>;
}

/** Revoke, confirmed in place: clients using the token stop working at once. */
export function RevokeTokenButton({ tokenId, tokenName, revokeTokenAction }: RevokeTokenButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [revoking, startRevoking] = useTransition();

  if (!confirming) {
    return (
      <button type="button" className="button small" aria-label={`Revoke ${tokenName}`} onClick={() => setConfirming(true)}>
        Revoke
      </button>
    );
  }

  function revoke() {
    startRevoking(async () => {
      const result = await revokeTokenAction(tokenId);
      if (!result.ok) startRevoking(() => setError(result.message));
    });
  }

  return (
    <div className={styles.confirm} role="group" aria-label={`Revoke ${tokenName}?`}>
      <button type="button" className="button danger small" onClick={revoke} disabled={revoking}>
        {revoking ? 'Revoking…' : 'Confirm revoke'}
      </button>
      <button type="button" className="button ghost small" onClick={() => setConfirming(false)} autoFocus>
        Cancel
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
