import Link from 'next/link';
import { StatusPage } from '@/components/app-shell/StatusPage';

export default function NotFound() {
  return (
    <StatusPage
      code="404"
      title="This page could not be found"
      actions={
        <Link className="button primary" href="/">
          Go to your projects
        </Link>
      }
    >
      The link may be wrong, or the project may belong to another account.
    </StatusPage>
  );
}
