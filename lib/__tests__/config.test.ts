import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_NAMES, ConfigError, config, parseConfig } from '../config';

/** What the platform sets, not the operator: left out of .env.example and the reference. */
const SET_BY_THE_PLATFORM = new Set(['NODE_ENV', 'NEXT_RUNTIME']);

function envExample(): Record<string, string> {
  const lines = fs.readFileSync(path.join(process.cwd(), '.env.example'), 'utf8').split('\n');
  const entries = lines.map((line) => /^#?\s?([A-Z][A-Z0-9_]+)=(.*)$/.exec(line)).filter((match) => match !== null);
  return Object.fromEntries(entries.map((match) => [match[1], match[2]]));
}

function refusal(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('the configuration', () => {
  it('has a default for every setting an operator may leave unset', () => {
    expect(parseConfig({})).toMatchObject({
      PGLITE_DIR: '.data/pglite',
      DATABASE_PREPARE: true,
      PORT: 3000,
      GRAPHQL_TRUSTED_DOCUMENTS: 'off',
      ASSISTANT_PROVIDER: 'interpreter',
    });
  });

  it('reads blank as unset and trims values', () => {
    expect(parseConfig({ PORT: ' 8080 ', DATABASE_URL: '', INTERPRETER_THREADS: '' })).toMatchObject({
      PORT: 8080,
      DATABASE_URL: undefined,
      INTERPRETER_THREADS: undefined,
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT="abc" is not allowed: a whole number from 1 to 65535'],
    [{ PORT: '3.5' }, 'PORT="3.5" is not allowed: a whole number from 1 to 65535'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL="mysql://db/x" is not allowed: a postgres:// connection string'],
    [{ GRAPHQL_TRUSTED_DOCUMENTS: 'yes' }, 'GRAPHQL_TRUSTED_DOCUMENTS="yes" is not allowed: off or only'],
    [{ ASSISTANT_PROVIDER: 'gpt' }, 'ASSISTANT_PROVIDER="gpt" is not allowed: interpreter, openai or anthropic'],
    [{ DATABASE_PREPARE: 'nope' }, 'DATABASE_PREPARE="nope" is not allowed: true or false'],
    [{ OPENAI_BASE_URL: 'ftp://models' }, 'OPENAI_BASE_URL="ftp://models" is not allowed: an http(s) URL'],
    [{ TRUSTED_PROXY_HOPS: '-1' }, 'TRUSTED_PROXY_HOPS="-1" is not allowed: a whole number from 0 to 10'],
  ])('refuses %j, naming the variable and what it allows', (env, message) => {
    expect(refusal(env)).toBe(message);
  });

  it('lists every problem at once', () => {
    expect(refusal({ PORT: '0', EVENT_STREAMS_PER_USER: 'many' }).split('\n')).toHaveLength(2);
  });

  it('parses again only when the environment changed', () => {
    const env = { PORT: '4000' };
    expect(config(env)).toBe(config({ ...env }));
    expect(config({ PORT: '4001' }).PORT).toBe(4001);
  });

  it('is listed whole in .env.example, whose values are the defaults', () => {
    const example = envExample();
    expect(Object.keys(example).sort()).toEqual(CONFIG_NAMES.filter((name) => !SET_BY_THE_PLATFORM.has(name)).sort());
    const uncommented = Object.fromEntries(Object.entries(example).filter(([, value]) => value !== ''));
    expect(parseConfig(uncommented)).toEqual(parseConfig({}));
  });

  it('is explained, variable by variable, in the configuration reference', () => {
    const reference = fs.readFileSync(path.join(process.cwd(), 'docs', 'deploying.md'), 'utf8');
    const missing = CONFIG_NAMES.filter((name) => !SET_BY_THE_PLATFORM.has(name) && !reference.includes(`\`${name}\``));
    expect(missing).toEqual([]);
  });
});
