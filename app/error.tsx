'use client';

import Link from 'next/link';
import { StatusPage } from '@/components/app-shell/StatusPage';

interface ErrorPageProps {
  error: unknown;
  retry: () => void;
}

/** Any unexpected failure while rendering a page: a way forward instead of a raw error. */
export default function ErrorPage({ error, retry }: ErrorPageProps) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <StatusPage
      code={digest ? `Error ${digest}` : 'Error'}
      title="Something went wrong"
      actions={
        <>
          <button type="button" className="button primary" onClick={retry}>
            Try again
          </button>
          <Link className="button" href="/">
            Your projects
          </Link>
        </>
      }
    >
      CoDirector could not load this page. Your work is saved; try again in a moment.
    </StatusPage>
  );
}
