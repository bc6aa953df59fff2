/** What the sign-in and sign-up pages offer: where signing in happens, and which OAuth providers have a button. */

export const SIGN_IN_PATH = '/signin';

export type OAuthProviderId = 'github' | 'google';

export interface OAuthProviderLink {
  id: OAuthProviderId;
  name: string;
}

/** The OAuth providers whose credentials are in the environment, in the order their buttons show. */
export function configuredOAuthProviders(env: NodeJS.ProcessEnv = process.env): OAuthProviderLink[] {
  const providers: OAuthProviderLink[] = [];
  if (env.GITHUB_ID && env.GITHUB_SECRET) providers.push({ id: 'github', name: 'GitHub' });
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) providers.push({ id: 'google', name: 'Google' });
  return providers;
}
