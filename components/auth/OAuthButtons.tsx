'use client';

import { signIn } from 'next-auth/react';
import type { OAuthProviderLink } from '@/lib/auth/signInPage';
import styles from './AuthCard.module.css';

interface OAuthButtonsProps {
  providers: readonly OAuthProviderLink[];
  callbackUrl: string;
}

/** One button per configured OAuth provider; nothing at all when none is configured. */
export function OAuthButtons({ providers, callbackUrl }: OAuthButtonsProps) {
  if (providers.length === 0) return null;
  return (
    <>
      <div className={styles.providers}>
        {providers.map((provider) => (
          <button key={provider.id} type="button" className="button" onClick={() => void signIn(provider.id, { callbackUrl })}>
            Continue with {provider.name}
          </button>
        ))}
      </div>
      <p className={styles.divider}>or</p>
    </>
  );
}
