import { DatabaseConfigError, databaseConfigFromEnv } from '@/db/client';

/** One readable line for the problems a newcomer can fix by configuration. */
export function describeStartupError(error: unknown): string | null {
  if (error instanceof DatabaseConfigError) return error.message;
  const code = (error as { code?: string } | null)?.code;
  const config = databaseConfigFromEnv();
  if (config.driver !== 'postgres') return null;
  const where = safeUrl(config.url);
  switch (code) {
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'ETIMEDOUT':
    case 'CONNECT_TIMEOUT':
    case 'EHOSTUNREACH':
      return `Cannot reach the database at DATABASE_URL=${where} (${code}). Is Postgres running there? Unset DATABASE_URL to use the embedded database.`;
    case '28P01':
    case '28000':
      return `The database at DATABASE_URL=${where} refused the credentials (${code}).`;
    case '3D000':
      return `The database named in DATABASE_URL=${where} does not exist (${code}). Create it first.`;
    default:
      return null;
  }
}

function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a valid URL)';
  }
}

/** Runs a start-up step; configuration errors exit with one line instead of a stack trace. */
export async function runStartupStep(step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    const message = describeStartupError(error);
    if (!message) throw error;
    console.error(`error: ${message}`);
    process.exit(1);
  }
}
