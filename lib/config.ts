import { z } from 'zod';

/**
 * Every setting the app reads from its environment, parsed in one place: its type, default and
 * allowed values. `.env.example` lists the same variables with the same defaults and meanings,
 * README's Configuration table and docs/deploying.md explain them (lib/__tests__/config.test.ts
 * holds the four together). Start-up parses them first (instrumentation.ts, scripts/check-config.ts):
 * a bad value stops the server with one line naming it and what it allows.
 *
 * Nothing else in the app reads process.env; readers take an `env = process.env` parameter that
 * they pass to config(), so a test can hand them other values. Two exceptions, on purpose:
 * - scripts/*.mjs (start, server, test) are launchers that run before the app is loaded (and
 *   cannot load TypeScript): they read PORT, SKIP_BUILD, NEXTAUTH_SECRET and set NODE_ENV.
 * - NEXT_RUNTIME is not a setting: Next.js writes it into its bundles at build time
 *   (`process.env.NEXT_RUNTIME` becomes "nodejs" or "edge"), and under `next dev` it is not in
 *   the process's environment at all, so a lookup by name here would miss it. Its readers
 *   (instrumentation.ts, server/interpreter/threads.ts, server/events/projectEventHub.ts,
 *   server/rateLimit/store.ts) keep the literal `process.env.NEXT_RUNTIME`. NODE_ENV is here:
 *   Next.js's CLI and scripts/server.mjs set it in the environment too.
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
const httpUrlSchema = () => z.url({ protocol: /^https?$/, error: 'an http(s) URL' });
const httpUrl = () => z.preprocess(blankAsUnset, httpUrlSchema().optional());
const httpUrlOr = (fallback: string) => z.preprocess(blankAsUnset, httpUrlSchema().default(fallback));

const ORIGINS_ERROR = 'comma-separated origins such as https://app.example.com (http or https, host and port, no path or wildcard)';
/** scheme://host[:port], nothing after but an optional slash; what a browser sends as Origin. */
const ORIGIN_SHAPE = /^https?:\/\/[^/?#@*\s]+\/?$/i;
/** A list of exact origins, each in the spelling browsers send (`https://App.example:443/` is `https://app.example`). */
const originList = () =>
  z.preprocess(blankAsUnset, z.string().optional()).transform((value, context) => {
    const entries = (value ?? '').split(',').map((entry) => entry.trim());
    const origins = entries.filter((entry) => entry !== '').map((entry) => (ORIGIN_SHAPE.test(entry) && URL.canParse(entry) ? new URL(entry).origin : null));
    if (origins.some((origin) => origin === null)) {
      context.addIssue({ code: 'custom', message: ORIGINS_ERROR });
      return z.NEVER;
    }
    return [...new Set(origins as string[])];
  });

/**
 * Each setting: its type, default and allowed values, and (`.describe`) its one line of meaning,
 * which is the comment above it in `.env.example`.
 */
export const CONFIG_SCHEMA = z.object({
  NODE_ENV: z
    .preprocess(blankAsUnset, z.enum(['development', 'production', 'test'], { error: 'development, production or test' }).default('development'))
    .describe('Set by Next.js, the launchers and Jest, not by the operator: development, production or test.'),

  DATABASE_URL: z
    .preprocess(blankAsUnset, z.url({ protocol: /^postgres(ql)?$/, error: 'a postgres:// connection string' }).optional())
    .describe('Postgres connection string. Unset: the embedded PGlite database in PGLITE_DIR.'),
  PGLITE_DIR: textOr('.data/pglite').describe('Data folder of the embedded database (memory:// keeps it in memory). One process per folder.'),
  DATABASE_POOL_MAX: whole(10, { max: 1000 }).describe('Connections in the Postgres pool per app process.'),
  DATABASE_CONNECT_TIMEOUT_S: whole(5, { max: 600 }).describe('Seconds to wait for a Postgres connection.'),
  DATABASE_STATEMENT_TIMEOUT_MS: whole(4000, { min: 100 }).describe(
    'Postgres ends a statement (or lock wait) after this long; such requests answer SERVICE_UNAVAILABLE.',
  ),
  DATABASE_PREPARE: flag(true).describe('Named prepared statements; false behind a pooler in transaction mode (PgBouncer).'),

  PORT: whole(3000, { max: 65535 }).describe('Port `npm start` and `npm run serve` listen on.'),
  SKIP_BUILD: flag(false).describe('true (or 1): `npm start` reuses the existing .next build.'),
  TRUSTED_PROXY_HOPS: whole(0, { min: 0, max: 10 }).describe(
    "How many proxies in front of the app append to X-Forwarded-For (0: the connection's address is the client's).",
  ),

  NEXTAUTH_SECRET: text().describe('Signs session cookies and cursors. Required in production; `npm start` generates one into .data/.'),
  NEXTAUTH_URL: httpUrl().describe("The app's public URL, for sign-in redirects (default: the request's origin)."),
  GITHUB_ID: text().describe('With GITHUB_SECRET: "Sign in with GitHub" (the OAuth app\'s client ID).'),
  GITHUB_SECRET: text().describe("With GITHUB_ID: the GitHub OAuth app's client secret."),
  GOOGLE_CLIENT_ID: text().describe('With GOOGLE_CLIENT_SECRET: "Sign in with Google" (the OAuth client ID).'),
  GOOGLE_CLIENT_SECRET: text().describe('With GOOGLE_CLIENT_ID: the Google OAuth client secret.'),

  GRAPHQL_INTROSPECTION: flag(false).describe(
    'true: schema introspection in production for everyone (by default token holders only; always on in development).',
  ),
  GRAPHQL_TRUSTED_DOCUMENTS: z
    .preprocess(blankAsUnset, z.enum(['off', 'only'], { error: 'off or only' }).default('off'))
    .describe("off: any document. only: sign-in cookie requests may run only the app's own persisted operations."),
  CORS_ORIGINS: originList().describe('Other origins whose pages may call /api/graphql and its stream route, with cookies, comma-separated (unset: none).'),
  RATE_LIMIT_GRAPHQL_PER_HOUR: whole(5000).describe('Requests per user (or per address when anonymous) per hour, API and web app together.'),
  RATE_LIMIT_SIGNIN_PER_ACCOUNT: whole(10).describe('Failed sign-in attempts per account per 15 minutes.'),
  RATE_LIMIT_SIGNIN_PER_IP: whole(50).describe('Failed sign-in attempts per address per 15 minutes.'),
  RATE_LIMIT_SIGNUP_PER_IP: whole(30).describe('Sign-up attempts per address per hour.'),

  EVENT_STREAM_RECHECK_MS: whole(5000, { min: 10 }).describe('How often an open stream checks that its token or sign-in still works (ms).'),
  EVENT_STREAMS_PER_USER: whole(20, { max: 10_000 }).describe('Open live streams per user per instance (events route and GraphQL subscriptions together).'),

  ASSISTANT_PROVIDER: z
    .preprocess(blankAsUnset, z.enum(['interpreter', 'openai', 'anthropic'], { error: 'interpreter, openai or anthropic' }).default('interpreter'))
    .describe('interpreter (built in, deterministic), openai or anthropic.'),
  INTERPRETER_DEADLINE_MS: whole(2000, { min: 10 }).describe('How long the built-in interpreter may spend on one instruction, on its worker thread (ms).'),
  /** Unset: the machine's cores, at most 4 (decided where the threads start). */
  INTERPRETER_THREADS: z
    .preprocess(
      blankAsUnset,
      z.coerce
        .number({ error: 'a whole number from 1 to 64' })
        .int('a whole number from 1 to 64')
        .min(1, 'a whole number from 1 to 64')
        .max(64, 'a whole number from 1 to 64')
        .optional(),
    )
    .describe('Worker threads of the built-in interpreter (default: the cores, at most 4).'),
  ASSISTANT_CONTEXT_TOKENS: whole(8000, { min: 500 }).describe('Token budget of what a model sees.'),
  ASSISTANT_TIMEOUT_MS: whole(60_000, { min: 100 }).describe('How long one model reply may take before it fails (ms).'),
  ASSISTANT_MAX_RETRIES: whole(2, { min: 0, max: 10 }).describe('Retries of a 429 or 5xx from the model service.'),
  OPENAI_API_KEY: text().describe('With ASSISTANT_PROVIDER=openai: the API key (required).'),
  OPENAI_BASE_URL: httpUrlOr('https://api.openai.com/v1').describe('With openai: the chat-completions service (any OpenAI-compatible one).'),
  OPENAI_MODEL: textOr('gpt-4o-mini').describe('With openai: the model (it must support tool calls).'),
  ANTHROPIC_API_KEY: text().describe('With ASSISTANT_PROVIDER=anthropic: the API key (required).'),
  ANTHROPIC_BASE_URL: httpUrlOr('https://api.anthropic.com/v1').describe('With anthropic: the Messages API base.'),
  ANTHROPIC_MODEL: textOr('claude-3-5-haiku-latest').describe('With anthropic: the Claude model.'),
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
