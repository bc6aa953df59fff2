import { config } from '@/lib/config';

/** What the sign-in and sign-up pages offer: where signing in happens, and which OAuth providers have a button. */

export const SIGN_IN_PATH = '/signin';

export type OAuthProviderId = 'github' | 'google';

export interface OAuthProviderLink {
  id: OAuthProviderId;
  name: string;
}

/** The OAuth providers whose credentials are in the environment, in the order their buttons show. */
export function configuredOAuthProviders(env: Readonly<Record<string, string | undefined>> = process.env): OAuthProviderLink[] {
  const { GITHUB_ID, GITHUB_SECRET, GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET } = config(env);
  const providers: OAuthProviderLink[] = [];
  if (GITHUB_ID && GITHUB_SECRET) providers.push({ id: 'github', name: 'GitHub' });
  if (GOOGLE_CLIENT_ID && GOOGLE_CLIENT_SECRET) providers.push({ id: 'google', name: 'Google' });
  return providers;
}
