import { getAuthSecret } from '@/lib/auth/secret';
import { config, ConfigError } from '@/lib/config';
import { getAssistant, ProviderConfigError } from '@/lib/providers';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Why the server cannot start with these settings, as the lines to print (one per problem, each
 * naming its variable and what it allows), or null when they can work. Every variable parses
 * (lib/config.ts), and what would otherwise fail only when the first request needs it is tried
 * now: the chosen model provider's key and, in production, the signing secret. Any other error
 * is a bug, and is thrown.
 *
 * Run at start-up by instrumentation.ts (every Next.js server) and scripts/check-config.ts
 * (`npm start`, before the build), which print the lines and exit with 1, never with a stack.
 */
export function startUpProblems(env: Env = process.env): string | null {
  try {
    const settings = config(env);
    getAssistant(env);
    if (settings.NODE_ENV === 'production') getAuthSecret(env);
    return null;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ProviderConfigError) return error.message;
    throw error;
  }
}
