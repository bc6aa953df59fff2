import type { ActionResult } from '@/lib/actionResult';
import type { DateLabel } from '@/lib/dates';
import { RevokeTokenButton } from './RevokeTokenButton';
import styles from './Tokens.module.css';

export interface TokenSummary {
  id: string;
  name: string;
  /** The token's first characters, enough to tell tokens apart. */
  prefix: string;
  createdAt: DateLabel;
  lastUsedAt: DateLabel | null;
  revokedAt: DateLabel | null;
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
          <th scope="col">Last used</th>
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
            <td>{token.lastUsedAt ? <DateText date={token.lastUsedAt} /> : 'Never'}</td>
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

function DateText({ date }: { date: DateLabel }) {
  return (
    <time dateTime={date.iso} title={date.full}>
      {date.text}
    </time>
  );
}
