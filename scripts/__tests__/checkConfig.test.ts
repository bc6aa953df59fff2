import { spawnSync } from 'node:child_process';

/** `npm start`'s configuration check, as it runs: its exit code and what it prints. */
function checkConfig(env: Record<string, string>) {
  const { ASSISTANT_PROVIDER: _provider, GRAPHQL_TRUSTED_DOCUMENTS: _mode, ...inherited } = process.env;
  const result = spawnSync('npx', ['tsx', 'scripts/check-config.ts'], { env: { ...inherited, ...env }, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}

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
