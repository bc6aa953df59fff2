import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_NAMES, CONFIG_SCHEMA, ConfigError, config, parseConfig, type ConfigName } from '../config';

/** What the platform sets, not the operator: left out of .env.example and the reference. */
const SET_BY_THE_PLATFORM = new Set(['NODE_ENV']);
const OPERATOR_SETTINGS = CONFIG_NAMES.filter((name) => !SET_BY_THE_PLATFORM.has(name));

const read = (...file: string[]) => fs.readFileSync(path.join(process.cwd(), ...file), 'utf8');

/** `.env.example`'s variables: the value (blank when commented out) and the comment line above. */
function envExample(): Record<string, { value: string; meaning: string }> {
  const lines = read('.env.example').split('\n');
  const entries = lines.flatMap((line, index) => {
    const match = /^#?\s?([A-Z][A-Z0-9_]+)=(.*)$/.exec(line);
    return match ? [[match[1], { value: match[2], meaning: (lines[index - 1] ?? '').replace(/^# ?/, '') }] as const] : [];
  });
  return Object.fromEntries(entries);
}

/**
 * The variables of a Markdown table under `heading`, each with its default: the backquoted
 * value, or null where the table says it has none (unset, generated, the cores...). A row may
 * name several variables, with their defaults in the same order.
 */
function tableDefaults(markdown: string, heading: string): Map<string, string | null> {
  const section = markdown.slice(markdown.indexOf(heading)).split(/\n#{1,2} /)[0];
  const defaults = new Map<string, string | null>();
  for (const row of section.split('\n').filter((line) => /^\| `[A-Z]/.test(line))) {
    const [names, values] = row.split('|').slice(1, 3);
    const variables = [...names.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((match) => match[1]);
    const cells = variables.length > 1 ? values.split(',') : [values];
    variables.forEach((name, index) => defaults.set(name, /^\s*`([^`]*)`\s*$/.exec(cells[index] ?? '')?.[1] ?? null));
  }
  return defaults;
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
    [
      { CORS_ORIGINS: 'https://app.example.com/graphql' },
      'CORS_ORIGINS="https://app.example.com/graphql" is not allowed: comma-separated origins such as https://app.example.com (http or https, host and port, no path or wildcard)',
    ],
    [
      { CORS_ORIGINS: 'https://ok.example, *' },
      'CORS_ORIGINS="https://ok.example, *" is not allowed: comma-separated origins such as https://app.example.com (http or https, host and port, no path or wildcard)',
    ],
    [
      { CORS_ORIGINS: 'https://*.example.com' },
      'CORS_ORIGINS="https://*.example.com" is not allowed: comma-separated origins such as https://app.example.com (http or https, host and port, no path or wildcard)',
    ],
    [
      { CORS_ORIGINS: 'app.example.com' },
      'CORS_ORIGINS="app.example.com" is not allowed: comma-separated origins such as https://app.example.com (http or https, host and port, no path or wildcard)',
    ],
    [
      { CORS_ORIGINS: 'ftp://files.example' },
      'CORS_ORIGINS="ftp://files.example" is not allowed: comma-separated origins such as https://app.example.com (http or https, host and port, no path or wildcard)',
    ],
    [
      { CORS_ORIGINS: 'https://user@app.example.com' },
      'CORS_ORIGINS="https://user@app.example.com" is not allowed: comma-separated origins such as https://app.example.com (http or https, host and port, no path or wildcard)',
    ],
    [
      { CORS_ORIGINS: 'https://app.example.com?x=1' },
      'CORS_ORIGINS="https://app.example.com?x=1" is not allowed: comma-separated origins such as https://app.example.com (http or https, host and port, no path or wildcard)',
    ],
  ])('refuses %j, naming the variable and what it allows', (env, message) => {
    expect(refusal(env)).toBe(message);
  });

  it('reads CORS_ORIGINS as exact origins in the spelling browsers send, none when unset', () => {
    expect(parseConfig({}).CORS_ORIGINS).toEqual([]);
    expect(parseConfig({ CORS_ORIGINS: ' , ' }).CORS_ORIGINS).toEqual([]);
    expect(parseConfig({ CORS_ORIGINS: 'https://App.Example.com:443/, http://localhost:3001,https://app.example.com' }).CORS_ORIGINS).toEqual([
      'https://app.example.com',
      'http://localhost:3001',
    ]);
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
    expect(Object.keys(example).sort()).toEqual([...OPERATOR_SETTINGS].sort());
    const uncommented = Object.fromEntries(Object.entries(example).flatMap(([name, { value }]) => (value === '' ? [] : [[name, value]])));
    expect(parseConfig(uncommented)).toEqual(parseConfig({}));
    // Commented out exactly where the schema has no default of its own to write there.
    const withoutDefault = OPERATOR_SETTINGS.filter((name) => CONFIG_SCHEMA.shape[name].safeParse(undefined).data === undefined);
    expect(withoutDefault.filter((name) => example[name].value !== '')).toEqual([]);
  });

  it("gives each variable, in .env.example, the schema's one line of meaning", () => {
    const example = envExample();
    const meanings = Object.fromEntries(OPERATOR_SETTINGS.map((name) => [name, example[name]?.meaning]));
    expect(meanings).toEqual(Object.fromEntries(OPERATOR_SETTINGS.map((name) => [name, CONFIG_SCHEMA.shape[name].description])));
  });

  it.each([
    ['README.md', '## Configuration'],
    ['docs/deploying.md', '## Configuration reference'],
  ])('agrees with the table in %s (%s): its variables, and the defaults it names, are those of .env.example', (file, heading) => {
    const example = envExample();
    const table = tableDefaults(read(file), heading);
    expect(table.size).toBeGreaterThan(0);
    expect([...table.keys()].filter((name) => !OPERATOR_SETTINGS.includes(name as ConfigName))).toEqual([]);
    for (const [name, stated] of table) expect({ name, default: stated ?? '' }).toEqual({ name, default: example[name]?.value });
  });

  it('is explained, variable by variable, in the configuration reference', () => {
    const reference = tableDefaults(read('docs', 'deploying.md'), '## Configuration reference');
    expect(OPERATOR_SETTINGS.filter((name) => !reference.has(name))).toEqual([]);
  });

  it("is pointed to from README's Configuration section", () => {
    const section = read('README.md').split('\n## Configuration\n')[1].split('\n## ')[0];
    expect(section).toContain('[`.env.example`](.env.example)');
  });
});
