import type { ActionResult } from '@/lib/actionResult';
import type { ExpiryState, TokenScope } from '@/lib/auth/tokenScopes';
import type { DateLabel } from '@/lib/dates';
import { RevokeTokenButton } from './RevokeTokenButton';
import { scopeLabel } from './scopeLabels';
import styles from './Tokens.module.css';

export interface TokenSummary {
  id: string;
  name: string;
  /** The token's first characters, enough to tell tokens apart. */
  prefix: string;
  createdAt: DateLabel;
  lastUsedAt: DateLabel | null;
  revokedAt: DateLabel | null;
  /** What it may do: `legacy` for a token made before scopes, with full access; else its scope and project names (null: every project). */
  access: { kind: 'legacy' } | { kind: 'scoped'; scope: TokenScope; projects: string[] | null };
  expiry: ExpiryState;
  expiresAt: DateLabel | null;
}

interface TokenListProps {
  tokens: readonly TokenSummary[];
  revokeTokenAction: (tokenId: string) => Promise<ActionResult>;
}

export function TokenList({ tokens, revokeTokenAction }: TokenListProps) {
  if (tokens.length === 0) return <p className={styles.empty}>You have no tokens yet.</p>;
  return (
    <table className={styles.table} aria-label="Your tokens">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col" className={styles.hideOnPhone}>
            Token
          </th>
          <th scope="col" className={styles.hideOnPhone}>
            Created
          </th>
          <th scope="col">Access</th>
          <th scope="col">Expires</th>
          <th scope="col" className={styles.hideOnPhone}>
            Last used
          </th>
          <th scope="col">
            <span className="visually-hidden">Status</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id} className={token.revokedAt ? styles.revoked : undefined}>
            <td className={styles.name}>{token.name}</td>
            <td className={`${styles.prefix} ${styles.hideOnPhone}`}>{token.prefix}…</td>
            <td className={styles.hideOnPhone}>
              <DateText date={token.createdAt} />
            </td>
            <td>
              <Access access={token.access} />
            </td>
            <td>
              <Expiry expiry={token.expiry} date={token.expiresAt} />
            </td>
            <td className={styles.hideOnPhone}>{token.lastUsedAt ? <DateText date={token.lastUsedAt} /> : 'Never'}</td>
            <td>
              {token.revokedAt ? (
                <span className={styles.status}>
                  Revoked <DateText date={token.revokedAt} />
                </span>
              ) : (
                <RevokeTokenButton tokenId={token.id} tokenName={token.name} revokeTokenAction={revokeTokenAction} />
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Access({ access }: { access: TokenSummary['access'] }) {
  if (access.kind === 'legacy') return <span>Full access (made before scopes)</span>;
  return (
    <span className={styles.access}>
      <span>{scopeLabel(access.scope)}</span>
      <span className={styles.hint}>
        {access.projects === null ? 'All projects' : access.projects.length > 0 ? access.projects.join(', ') : 'No projects left'}
      </span>
    </span>
  );
}

function Expiry({ expiry, date }: { expiry: ExpiryState; date: DateLabel | null }) {
  const title = date?.full;
  switch (expiry.kind) {
    case 'never':
      return <span>Never</span>;
    case 'expired':
      return (
        <span className={styles.expired} title={title}>
          Expired
        </span>
      );
    case 'soon':
      return (
        <strong className={styles.expiresSoon} title={title}>
          Expires in {expiry.days} {expiry.days === 1 ? 'day' : 'days'}
        </strong>
      );
    case 'later':
      return (
        <time dateTime={date?.iso} title={title}>
          In {expiry.days} days
        </time>
      );
  }
}

function DateText({ date }: { date: DateLabel }) {
  return (
    <time dateTime={date.iso} title={date.full}>
      {date.text}
    </time>
  );
}
