'use client';

import dynamic from 'next/dynamic';
import styles from './ApiExplorer.module.css';

// GraphiQL runs Monaco and web workers: browser only, and loaded only on this page.
const GraphiQLExplorer = dynamic(() => import('./GraphiQLExplorer'), {
  ssr: false,
  loading: () => <p className={styles.loading}>Loading the explorer…</p>,
});

/** `needsToken`: the server runs only trusted documents for the sign-in cookie, so queries here need a token. */
export function ApiExplorer({ needsToken }: { needsToken: boolean }) {
  return <GraphiQLExplorer needsToken={needsToken} />;
}
