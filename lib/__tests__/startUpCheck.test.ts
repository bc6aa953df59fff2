import { startUpProblems } from '../startUpCheck';

/** What stops the server at start-up (instrumentation.ts, scripts/check-config.ts print it as is). */
describe('the start-up check', () => {
  it('finds nothing wrong with the defaults, nor with a production that has its secret', () => {
    expect(startUpProblems({})).toBeNull();
    expect(startUpProblems({ NODE_ENV: 'production', NEXTAUTH_SECRET: 's' })).toBeNull();
  });

  it('names every bad variable, one line each, and what it allows', () => {
    expect(startUpProblems({ PORT: 'eighty', TRUSTED_PROXY_HOPS: '-1' })?.split('\n')).toEqual([
      'PORT="eighty" is not allowed: a whole number from 1 to 65535',
      'TRUSTED_PROXY_HOPS="-1" is not allowed: a whole number from 0 to 10',
    ]);
  });

  it('tries now what would fail only at the first request: the provider key, the production secret', () => {
    expect(startUpProblems({ ASSISTANT_PROVIDER: 'openai' })).toMatch(/^ASSISTANT_PROVIDER=openai needs OPENAI_API_KEY/);
    expect(startUpProblems({ NODE_ENV: 'production' })).toMatch(/^NEXTAUTH_SECRET is required in production/);
  });
});
