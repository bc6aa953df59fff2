/**
 * `npm run bench:breakdown [-- --quick] [-- --skip-build]`: where a sessions page's time goes.
 * Our server answers a ladder of requests, each doing one thing more than the one before (a
 * Next.js route, a GraphQL request, a token, the project's ownership, the page, its cursors);
 * the difference between two rungs is what that step costs per request on this machine.
 * Uses the benchmark's database and build (bench/run.ts).
 */
import { randomBytes } from 'node:crypto';
import { ensureBenchData } from './generate-data';
import { runLoad } from './loads';
import { parseOptions } from './options';
import { buildOurs, oursSettings, startOurs } from './ours';
import { installCleanupHandlers, stopAll } from './processes';
import { graphqlRequest, type HttpRequestSpec } from './requests';

interface Rung {
  label: string;
  request: HttpRequestSpec;
}

const SECONDS = 8;

function ladder(projectId: string, authorization: string): Rung[] {
  const auth = { authorization };
  const page = (fields: string) => `query($id: ID!) { project(id: $id) { sessions(first: 20) { ${fields} } } }`;
  return [
    { label: 'a Next.js route doing nothing (GET /api/health)', request: { method: 'GET', path: '/api/health', headers: {} } },
    { label: 'GraphQL `{ __typename }`, anonymous', request: graphqlRequest('/api/graphql', '{ __typename }', {}) },
    { label: '… with a bearer token', request: graphqlRequest('/api/graphql', '{ __typename }', {}, auth) },
    {
      label: '… `project(id) { id name }` (its ownership)',
      request: graphqlRequest('/api/graphql', 'query($id: ID!) { project(id: $id) { id name } }', { id: projectId }, auth),
    },
    {
      label: '… its first 20 sessions, no cursors',
      request: graphqlRequest('/api/graphql', page('edges { node { id title createdAt } } pageInfo { hasNextPage }'), { id: projectId }, auth),
    },
    {
      label: "… with every edge cursor (the benchmark's sessions page)",
      request: graphqlRequest('/api/graphql', page('edges { cursor node { id title createdAt } } pageInfo { hasNextPage endCursor }'), { id: projectId }, auth),
    },
  ];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options === 'help') return;
  installCleanupHandlers();
  const data = await ensureBenchData(options.databaseUrl, options.data, { fresh: false, log: console.log });
  const server = { databaseUrl: options.databaseUrl, outDir: options.outDir, poolMax: 10, logSuffix: '-breakdown' };
  const settings = oursSettings(options, server, null, randomBytes(32).toString('base64url'));
  if (!options.skipBuild) await buildOurs(settings);
  const ours = await startOurs(settings, data, 1);
  const authorization = ours.contender.sessionsRequest(null).headers.authorization;
  console.log(`| Request (${options.connections} connections, ${SECONDS} s each) | req/s | ms/request | this step |`);
  console.log('| --- | ---: | ---: | ---: |');
  let previousMs: number | null = null;
  for (const { label, request } of ladder(ours.mainProjectGlobalId, authorization)) {
    const target = {
      load: 'page1' as const,
      contender: 'ours' as const,
      baseUrl: ours.contender.baseUrl,
      pid: ours.process.pid,
      connections: options.connections,
      source: { kind: 'fixed' as const, request },
    };
    await runLoad(target, options.warmupSeconds);
    const result = await runLoad(target, SECONDS);
    if (result.failures > 0) throw new Error(`${label}: ${result.failures} failed requests (see bench/out).`);
    const ms = 1000 / result.requestsPerSecond;
    const step = previousMs === null ? '' : `${ms - previousMs >= 0 ? '+' : ''}${(ms - previousMs).toFixed(2)}`;
    console.log(`| ${label} | ${result.requestsPerSecond.toFixed(0)} | ${ms.toFixed(2)} | ${step} |`);
    previousMs = ms;
  }
  await stopAll();
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
