import { z } from 'zod';

/**
 * Every setting the app reads from its environment, parsed in one place: its type, default and
 * allowed values. `.env.example` lists the same variables with the same defaults, and
 * docs/deploying.md explains each (lib/__tests__/config.test.ts holds the three together).
 */

type Env = Readonly<Record<string, string | undefined>>;

/** Unset and blank read the same: `FOO=` in a .env file means "the default". */
const blankAsUnset = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : typeof value === 'string' ? value.trim() : value);

const text = () => z.preprocess(blankAsUnset, z.string().optional());
const textOr = (fallback: string) => z.preprocess(blankAsUnset, z.string().default(fallback));
const whole = (fallback: number, { min = 1, max = Number.MAX_SAFE_INTEGER } = {}) => {
  const error = `a whole number from ${min} to ${max}`;
  return z.preprocess(blankAsUnset, z.coerce.number({ error }).int(error).min(min, error).max(max, error).default(fallback));
};
const flag = (fallback: boolean) =>
  z
    .preprocess(
      (value) => (typeof value === 'string' ? blankAsUnset(value.toLowerCase()) : value),
      z.enum(['true', 'false', '1', '0'], { error: 'true or false' }).default(fallback ? 'true' : 'false'),
    )
    .transform((value) => value === 'true' || value === '1');
const httpUrl = (fallback?: string) => {
  const url = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });
  return z.preprocess(blankAsUnset, fallback === undefined ? url.optional() : url.default(fallback));
};

export const CONFIG_SCHEMA = z.object({
  NODE_ENV: z.preprocess(blankAsUnset, z.enum(['development', 'production', 'test'], { error: 'development, production or test' }).default('development')),
  /** Set by Next.js in its server runtime; the interpreter's worker threads load differently there. */
  NEXT_RUNTIME: text(),

  DATABASE_URL: z.preprocess(blankAsUnset, z.url({ protocol: /^postgres(ql)?$/, error: 'a postgres:// connection string' }).optional()),
  PGLITE_DIR: textOr('.data/pglite'),
  DATABASE_POOL_MAX: whole(10, { max: 1000 }),
  DATABASE_CONNECT_TIMEOUT_S: whole(5, { max: 600 }),
  DATABASE_STATEMENT_TIMEOUT_MS: whole(4000, { min: 100 }),
  DATABASE_PREPARE: flag(true),

  PORT: whole(3000, { max: 65535 }),
  SKIP_BUILD: flag(false),
  TRUSTED_PROXY_HOPS: whole(0, { min: 0, max: 10 }),

  NEXTAUTH_SECRET: text(),
  NEXTAUTH_URL: httpUrl(),
  GITHUB_ID: text(),
  GITHUB_SECRET: text(),
  GOOGLE_CLIENT_ID: text(),
  GOOGLE_CLIENT_SECRET: text(),

  GRAPHQL_INTROSPECTION: flag(false),
  GRAPHQL_TRUSTED_DOCUMENTS: z.preprocess(blankAsUnset, z.enum(['off', 'only'], { error: 'off or only' }).default('off')),
  RATE_LIMIT_GRAPHQL_PER_HOUR: whole(5000),
  RATE_LIMIT_SIGNIN_PER_ACCOUNT: whole(10),
  RATE_LIMIT_SIGNIN_PER_IP: whole(50),
  RATE_LIMIT_SIGNUP_PER_IP: whole(30),

  EVENT_STREAM_RECHECK_MS: whole(5000, { min: 10 }),
  EVENT_STREAMS_PER_USER: whole(20, { max: 10_000 }),

  ASSISTANT_PROVIDER: z.preprocess(
    blankAsUnset,
    z.enum(['interpreter', 'openai', 'anthropic'], { error: 'interpreter, openai or anthropic' }).default('interpreter'),
  ),
  INTERPRETER_DEADLINE_MS: whole(2000, { min: 10 }),
  /** Unset: the machine's cores, at most 4 (decided where the threads start). */
  INTERPRETER_THREADS: z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ error: 'a whole number from 1 to 64' })
      .int('a whole number from 1 to 64')
      .min(1, 'a whole number from 1 to 64')
      .max(64, 'a whole number from 1 to 64')
      .optional(),
  ),
  ASSISTANT_CONTEXT_TOKENS: whole(8000, { min: 500 }),
  ASSISTANT_TIMEOUT_MS: whole(60_000, { min: 100 }),
  ASSISTANT_MAX_RETRIES: whole(2, { min: 0, max: 10 }),
  OPENAI_API_KEY: text(),
  OPENAI_BASE_URL: httpUrl('https://api.openai.com/v1'),
  OPENAI_MODEL: textOr('gpt-4o-mini'),
  ANTHROPIC_API_KEY: text(),
  ANTHROPIC_BASE_URL: httpUrl('https://api.anthropic.com/v1'),
  ANTHROPIC_MODEL: textOr('claude-3-5-haiku-latest'),
});

export type Config = z.output<typeof CONFIG_SCHEMA>;
export type ConfigName = keyof Config;
export const CONFIG_NAMES = Object.keys(CONFIG_SCHEMA.shape) as ConfigName[];

/** A setting with a value it cannot take: the message names the variable and what it allows. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function parseConfig(env: Env): Config {
  const parsed = CONFIG_SCHEMA.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `${issue.path.join('.')}=${JSON.stringify(env[String(issue.path[0])] ?? '')} is not allowed: ${issue.message}`,
  );
  throw new ConfigError(problems.join('\n'));
}

// Parsed once per set of values: tests may change process.env between cases, the server does not.
let cached: { key: string; config: Config } | undefined;

/** The app's settings from process.env; a bad value throws ConfigError (start-up checks it first). */
export function config(env: Env = process.env): Config {
  const key = CONFIG_NAMES.map((name) => env[name] ?? '\u0000').join('\u0001');
  if (cached?.key !== key) cached = { key, config: parseConfig(env) };
  return cached.config;
}
