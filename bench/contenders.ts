import path from 'node:path';
import { freePort, startProcess, waitForHttp, type ManagedProcess } from './processes';
import { graphqlRequest, graphqlValue, pathValue, type HttpRequestSpec } from './requests';

/**
 * The servers under test. Each answers the same question, "a page of 20 sessions of this
 * project, newest first, after this cursor", in its own API; `fetchSessionsPage` reads the
 * answer back into one shape so pages can be walked and compared.
 */

export type ContenderName = 'ours' | 'postgraphile' | 'floor';

export const CONTENDER_LABELS: Record<ContenderName, string> = {
  ours: 'ours',
  postgraphile: 'PostGraphile',
  floor: 'floor',
};

export const PAGE_SIZE = 20;

export interface SessionSummary {
  title: string | null;
  /** Milliseconds since the epoch: the three APIs format instants differently. */
  createdAt: number;
}

export interface SessionsPage {
  sessions: SessionSummary[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Contender {
  name: ContenderName;
  baseUrl: string;
  process: ManagedProcess;
  sessionsRequest(after: string | null): HttpRequestSpec;
  fetchSessionsPage(after: string | null): Promise<SessionsPage>;
}

export interface ServerSettings {
  databaseUrl: string;
  outDir: string;
  poolMax: number;
  /** Told apart in log file names: `floor.log`, `floor-capture.log`. */
  logSuffix: string;
}

export const logFile = (settings: ServerSettings, name: string) => path.join(settings.outDir, `${name}${settings.logSuffix}.log`);

const READY_TIMEOUT_MS = 120_000;

export function readSessionsPage(connection: unknown, source: string): SessionsPage {
  const edges = pathValue(connection, ['edges']);
  if (!Array.isArray(edges)) throw new Error(`${source}: the answer has no sessions connection.`);
  const sessions = edges.map((edge): SessionSummary => {
    const title = pathValue(edge, ['node', 'title']);
    const createdAt = pathValue(edge, ['node', 'createdAt']);
    if (typeof createdAt !== 'string') throw new Error(`${source}: a session has no createdAt.`);
    return { title: typeof title === 'string' ? title : null, createdAt: Date.parse(createdAt) };
  });
  const hasNextPage = pathValue(connection, ['pageInfo', 'hasNextPage']);
  const endCursor = pathValue(connection, ['pageInfo', 'endCursor']);
  return { sessions, hasNextPage: hasNextPage === true, endCursor: typeof endCursor === 'string' ? endCursor : null };
}

/** A contender whose sessions page is one GraphQL(-shaped) POST answered at `data.<connectionPath>`. */
export function sessionsContender(options: {
  name: ContenderName;
  baseUrl: string;
  process: ManagedProcess;
  request: (after: string | null) => HttpRequestSpec;
  connectionPath: readonly string[];
}): Contender {
  return {
    name: options.name,
    baseUrl: options.baseUrl,
    process: options.process,
    sessionsRequest: options.request,
    async fetchSessionsPage(after) {
      const connection = await graphqlValue(options.baseUrl, options.request(after), options.connectionPath);
      return readSessionsPage(connection, options.name);
    },
  };
}

function nodeServerEnv(settings: ServerSettings, port: number): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    DATABASE_URL: settings.databaseUrl,
    DATABASE_POOL_MAX: String(settings.poolMax),
    PORT: String(port),
  };
}

export async function startFloor(settings: ServerSettings, script: string, projectId: string): Promise<Contender> {
  const port = await freePort();
  const server = startProcess({
    name: 'floor server',
    command: process.execPath,
    args: [script],
    env: nodeServerEnv(settings, port),
    logFile: logFile(settings, 'floor'),
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp({ url: baseUrl, process: server, timeoutMs: READY_TIMEOUT_MS });
  return sessionsContender({
    name: 'floor',
    baseUrl,
    process: server,
    request: (after) => graphqlRequest('/graphql', 'sessions', { id: projectId, after }),
    connectionPath: ['project', 'sessions'],
  });
}

const POSTGRAPHILE_SESSIONS_QUERY = `query($id: UUID!, $after: Cursor) {
  projectByRowId(rowId: $id) {
    sessionsByProjectId(first: ${PAGE_SIZE}, after: $after, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) {
      edges { cursor node { id title createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

export async function startPostGraphile(settings: ServerSettings, script: string, projectId: string): Promise<Contender> {
  const port = await freePort();
  const server = startProcess({
    name: 'PostGraphile server',
    command: process.execPath,
    args: ['--import', path.join(process.cwd(), 'bench', 'polyfills.mjs'), script],
    env: nodeServerEnv(settings, port),
    logFile: logFile(settings, 'postgraphile'),
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // The schema is introspected on the first request; this one waits for it.
  await waitForHttp({
    url: `${baseUrl}/graphql`,
    process: server,
    timeoutMs: READY_TIMEOUT_MS,
    init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) },
  });
  return sessionsContender({
    name: 'postgraphile',
    baseUrl,
    process: server,
    request: (after) => graphqlRequest('/graphql', POSTGRAPHILE_SESSIONS_QUERY, { id: projectId, after }),
    connectionPath: ['projectByRowId', 'sessionsByProjectId'],
  });
}
