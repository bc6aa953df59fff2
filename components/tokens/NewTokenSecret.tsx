'use client';

import { useEffect, useRef, useState } from 'react';
import { CheckIcon, CopyIcon } from '@/components/ui/icons';
import styles from './Tokens.module.css';

interface NewTokenSecretProps {
  name: string;
  token: string;
  onDismiss: () => void;
}

/** The secret of a token just created: shown this once, ready to copy. */
export function NewTokenSecret({ name, token, onDismiss }: NewTokenSecretProps) {
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    field.current?.focus();
    field.current?.select();
  }, [token]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(token);
    } catch {
      // No clipboard API (an insecure origin): leave the text selected for Ctrl+C.
      field.current?.select();
      return;
    }
    setCopied(true);
  }

  return (
    <div className={styles.secret} role="region" aria-label={`New token ${name}`}>
      <p>
        <strong>Copy your new token now.</strong> It will not be shown again.
      </p>
      <div className={styles.secretRow}>
        <label htmlFor="new-token" className="visually-hidden">
          New token
        </label>
        <input id="new-token" ref={field} className={`input ${styles.secretValue}`} value={token} readOnly />
        <button type="button" className="button" onClick={copy}>
          {copied ? <CheckIcon /> : <CopyIcon />}
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className={styles.secretNote} role="status">
        {copied ? 'Copied to the clipboard.' : 'Send it as “Authorization: Bearer <token>”.'}
      </p>
      <div>
        <button type="button" className="button ghost small" onClick={onDismiss}>
          Done
        </button>
      </div>
    </div>
  );
}
