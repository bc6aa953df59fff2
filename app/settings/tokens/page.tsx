import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { expiryState } from '@/lib/auth/tokenScopes';
import { labelDate } from '@/lib/dates';
import { viewerDateSettings } from '@/app/_lib/viewerDates';
import { TimeZoneCookie } from '@/components/app-shell/TimeZoneCookie';
import { AppHeader } from '@/components/app-shell/AppHeader';
import { SignOutEverywhereForm } from '@/components/auth/SignOutEverywhereForm';
import { CreateTokenForm } from '@/components/tokens/CreateTokenForm';
import { TokenList } from '@/components/tokens/TokenList';
import styles from '@/components/tokens/Tokens.module.css';
import { pageViewer, readForPage } from '@/server/adapters/page';
import type { Caller } from '@/server/access';
import { listAccessTokens } from '@/server/accessTokens';
import { listProjects } from '@/server/projects';
import { createTokenAction, revokeTokenAction } from './actions';
import { signOutEverywhereAction } from './signOutEverywhere';

export const metadata: Metadata = { title: 'API tokens' };

/** The viewer's projects a new token can be limited to: the newest PROJECT_CHOICE_PAGES pages. */
const PROJECT_CHOICE_PAGES = 5;

async function projectChoices(caller: Caller): Promise<{ id: string; name: string }[]> {
  const choices: { id: string; name: string }[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < PROJECT_CHOICE_PAGES; page += 1) {
    const listed: Awaited<ReturnType<typeof listProjects>> = await listProjects(caller, { cursor });
    choices.push(...listed.page.rows.map((project) => ({ id: project.id, name: project.name })));
    cursor = listed.nextCursor;
    if (!cursor) break;
  }
  return choices;
}

export default async function AccessTokensPage() {
  const viewer = await pageViewer('/settings/tokens');
  const [tokens, projects] = await Promise.all([readForPage(viewer, listAccessTokens), readForPage(viewer, projectChoices)]);
  const projectNames = new Map(projects.map((project) => [project.id, project.name]));
  const host = (await headers()).get('host') ?? 'localhost:3000';
  const now = new Date();
  const dates = await viewerDateSettings();

  return (
    <>
      <AppHeader email={viewer.user.email} current="tokens" />
      <TimeZoneCookie renderedIn={dates.timeZone} />
      <main id="main" className={styles.main}>
        <div>
          <h1 className={styles.title}>API tokens</h1>
          <p className={styles.subtitle}>
            Personal access tokens let your own tools and third-party clients use the GraphQL API as you. Treat them like passwords, and revoke one as soon as
            you no longer need it.
          </p>
        </div>
        <section className={styles.card} aria-labelledby="create-token-heading">
          <h2 id="create-token-heading" className={styles.cardTitle}>
            Create a token
          </h2>
          <CreateTokenForm projects={projects} createTokenAction={createTokenAction} />
        </section>
        <section className={styles.card} aria-labelledby="your-tokens-heading">
          <h2 id="your-tokens-heading" className={styles.cardTitle}>
            Your tokens
          </h2>
          <TokenList
            revokeTokenAction={revokeTokenAction}
            tokens={tokens.map((token) => ({
              id: token.id,
              name: token.name,
              prefix: token.tokenPrefix,
              createdAt: labelDate(token.createdAt, now, dates),
              lastUsedAt: token.lastUsedAt && labelDate(token.lastUsedAt, now, dates),
              revokedAt: token.revokedAt && labelDate(token.revokedAt, now, dates),
              // Only tokens made before scopes have no expiry (lib/auth/tokenScopes.ts).
              access:
                token.expiresAt === null
                  ? { kind: 'legacy' }
                  : { kind: 'scoped', scope: token.scope, projects: token.projectIds && token.projectIds.flatMap((id) => projectNames.get(id) ?? []) },
              expiry: expiryState(token.expiresAt, now),
              expiresAt: token.expiresAt && labelDate(token.expiresAt, now, dates),
            }))}
          />
        </section>
        <section className={styles.card} aria-labelledby="token-usage-heading">
          <h2 id="token-usage-heading" className={styles.cardTitle}>
            Using a token
          </h2>
          {/* Focusable, so a keyboard can scroll it sideways on a narrow screen. */}
          <pre className={styles.usage} tabIndex={0} role="region" aria-label="Example request with a token">
            {`curl http://${host}/api/graphql \\\n  -H 'Authorization: Bearer <token>' \\\n  -H 'Content-Type: application/json' \\\n  -d '{"query":"{ viewer { email } }"}'`}
          </pre>
        </section>
        <section className={styles.card} aria-labelledby="devices-heading">
          <h2 id="devices-heading" className={styles.cardTitle}>
            Signed-in devices
          </h2>
          <SignOutEverywhereForm signOutEverywhereAction={signOutEverywhereAction} />
        </section>
      </main>
    </>
  );
}
