import { PHASE_PRODUCTION_BUILD } from 'next/constants';

/**
 * Next.js calls register() once as a server starts (next dev, next start, and scripts/server.mjs's
 * app.prepare(), before it listens): a setting that cannot work stops the server here, with one
 * line per problem naming the variable and what it allows (lib/startUpCheck.ts), never a stack.
 *
 * NEXT_RUNTIME and NEXT_PHASE are Next.js's own, read directly (lib/config.ts says why): the edge
 * runtime has no process to stop, and `next build` may load the app without the production secret.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD) return;
  const { startUpProblems } = await import('@/lib/startUpCheck');
  const problems = startUpProblems();
  if (problems === null) return;
  console.error(problems);
  process.exit(1);
}
