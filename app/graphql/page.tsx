import type { Metadata } from 'next';
import Link from 'next/link';
import { AppHeader } from '@/components/app-shell/AppHeader';
import { ApiExplorer } from '@/components/graphql/ApiExplorer';
import styles from '@/components/graphql/ApiExplorer.module.css';
import { trustedDocumentsMode } from '@/graphql/trustedDocuments';
import { requireSignedInUser } from '@/server/auth/session';

export const metadata: Metadata = { title: 'API explorer' };

export default async function ApiExplorerPage() {
  const user = await requireSignedInUser('/graphql');
  const needsToken = trustedDocumentsMode() === 'only';
  return (
    <>
      <AppHeader email={user.email} current="explorer" />
      <main id="main" className={styles.page}>
        <div className={styles.intro}>
          <h1 className={styles.title}>API explorer</h1>
          {needsToken ? (
            <p className={styles.subtitle}>
              On this server your sign-in runs only the app’s own operations. To try the GraphQL API at <code>/api/graphql</code> here, create a token under{' '}
              <Link href="/settings/tokens">API tokens</Link> and paste it into the Headers tab below.
            </p>
          ) : (
            <p className={styles.subtitle}>
              Try the GraphQL API at <code>/api/graphql</code> as yourself. Clients of your own use a token from <Link href="/settings/tokens">API tokens</Link>
              .
            </p>
          )}
        </div>
        <ApiExplorer needsToken={needsToken} />
      </main>
    </>
  );
}
