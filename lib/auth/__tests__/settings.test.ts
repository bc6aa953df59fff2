import { getAuthSecret } from '@/lib/auth/secret';
import { configuredOAuthProviders } from '@/lib/auth/signInPage';
import { ConfigError } from '@/lib/config';

/** The sign-in settings, read through lib/config.ts. */
describe('the sign-in settings', () => {
  it('offer an OAuth button only for a provider with both its ID and its secret (blank is unset)', () => {
    expect(configuredOAuthProviders({})).toEqual([]);
    expect(configuredOAuthProviders({ GITHUB_ID: 'id', GITHUB_SECRET: ' ' })).toEqual([]);
    expect(configuredOAuthProviders({ GITHUB_ID: 'id', GITHUB_SECRET: 's', GOOGLE_CLIENT_ID: 'g' })).toEqual([{ id: 'github', name: 'GitHub' }]);
    expect(configuredOAuthProviders({ GITHUB_ID: 'id', GITHUB_SECRET: 's', GOOGLE_CLIENT_ID: 'g', GOOGLE_CLIENT_SECRET: 'gs' }).map(({ id }) => id)).toEqual([
      'github',
      'google',
    ]);
  });

  it('sign with NEXTAUTH_SECRET, trimmed', () => {
    expect(getAuthSecret({ NODE_ENV: 'production', NEXTAUTH_SECRET: ' s3cret ' })).toBe('s3cret');
  });

  it('refuse, as a ConfigError naming it, a production without NEXTAUTH_SECRET', () => {
    expect(() => getAuthSecret({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => getAuthSecret({ NODE_ENV: 'production', NEXTAUTH_SECRET: '' })).toThrow(/^NEXTAUTH_SECRET is required in production/);
  });

  it('refuse a NODE_ENV that is none of the three', () => {
    expect(() => getAuthSecret({ NODE_ENV: 'staging', NEXTAUTH_SECRET: 's' })).toThrow('NODE_ENV="staging" is not allowed: development, production or test');
  });
});
