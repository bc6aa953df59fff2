import { spawnSync } from 'node:child_process';

const { ASSISTANT_PROVIDER: _provider, GRAPHQL_TRUSTED_DOCUMENTS: _mode, NEXT_PHASE: _phase, ...inherited } = process.env;

function run(args: string[], env: Record<string, string>) {
  const result = spawnSync('npx', ['tsx', ...args], { env: { ...inherited, ...env }, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

/** `npm start`'s configuration check, as it runs: its exit code and what it prints. */
const checkConfig = (env: Record<string, string>) => run(['scripts/check-config.ts'], env);

/** The server's start-up hook (instrumentation.ts), called as Next.js calls it in a Node.js server. */
const serverStart = (env: Record<string, string>) =>
  run(['--eval', "import('./instrumentation.ts').then((module) => (module.register ?? module.default.register)())"], { NEXT_RUNTIME: 'nodejs', ...env });

describe('the start-up configuration check', () => {
  it('passes the defaults and GRAPHQL_TRUSTED_DOCUMENTS=only', () => {
    expect(checkConfig({})).toEqual({ status: 0, output: '' });
    expect(checkConfig({ GRAPHQL_TRUSTED_DOCUMENTS: 'only' })).toEqual({ status: 0, output: '' });
  });

  it('stops with one line naming the setting when a value cannot work', () => {
    expect(checkConfig({ GRAPHQL_TRUSTED_DOCUMENTS: 'strict' })).toEqual({
      status: 1,
      output: 'GRAPHQL_TRUSTED_DOCUMENTS="strict" is not allowed: off or only',
    });
    expect(checkConfig({ PORT: 'eighty' })).toEqual({ status: 1, output: 'PORT="eighty" is not allowed: a whole number from 1 to 65535' });
    const provider = checkConfig({ ASSISTANT_PROVIDER: 'openai' });
    expect(provider.status).toBe(1);
    expect(provider.output.split('\n')).toHaveLength(1);
    expect(provider.output).toMatch(/OPENAI_/);
  });
});

describe('the server start-up hook (instrumentation.ts)', () => {
  it('lets settings that can work through', () => {
    expect(serverStart({ NODE_ENV: 'production', NEXTAUTH_SECRET: 'secret', TRUSTED_PROXY_HOPS: '1' })).toEqual({ status: 0, output: '' });
  });

  it('stops the server with one line naming the variable and what it allows, never a stack', () => {
    expect(serverStart({ TRUSTED_PROXY_HOPS: 'two' })).toEqual({ status: 1, output: 'TRUSTED_PROXY_HOPS="two" is not allowed: a whole number from 0 to 10' });
    expect(serverStart({ NODE_ENV: 'production' })).toEqual({
      status: 1,
      output: 'NEXTAUTH_SECRET is required in production: any long random string, e.g. `openssl rand -base64 32`.',
    });
  });

  it('checks nothing while `next build` loads the app, nor in the edge runtime', () => {
    expect(serverStart({ NEXT_PHASE: 'phase-production-build', NODE_ENV: 'production', PORT: 'eighty' })).toEqual({ status: 0, output: '' });
    expect(serverStart({ NEXT_RUNTIME: 'edge', PORT: 'eighty' })).toEqual({ status: 0, output: '' });
  });
});
