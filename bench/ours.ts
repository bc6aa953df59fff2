import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { createAccessToken } from '@/db/accessTokens';
import { openDatabase } from '@/db/client';
import { sessions } from '@/db/schema';
import { toGlobalId } from '@/graphql/ids';
import { daysFrom } from '@/lib/auth/tokenScopes';
import { logFile, sessionsContender, PAGE_SIZE, type Contender, type ServerSettings } from './contenders';
import { BENCH_USER, MAIN_PROJECT_NAME, type BenchData } from './generate-data';
import type { BenchOptions } from './options';
import { freePort, runToCompletion, startProcess, waitForHttp, type ManagedProcess } from './processes';
import { graphqlRequest, graphqlValue, pathValue, type HttpRequestSpec } from './requests';

/**
 * Our app as it ships: `next build` into its own folder, then its server (scripts/server.mjs), called with a
 * personal access token (GraphQL) and a next-auth session cookie (pages).
 */

const NEXT_BIN = path.join(process.cwd(), 'node_modules', 'next', 'dist', 'bin', 'next');
const APP_SERVER = path.join(process.cwd(), 'scripts', 'server.mjs');
const GRAPHQL_ROUTE = path.join(process.cwd(), 'app', 'api', 'graphql', 'route.ts');
const PROJECT_PAGE = path.join(process.cwd(), 'app', 'projects', '[id]', 'page.tsx');
const READY_TIMEOUT_MS = 120_000;
/** High enough that a benchmark run never reaches it. */
const BENCH_RATE_LIMIT_PER_HOUR = 1_000_000_000;

export const oursAvailability = () => ({
  graphql: fs.existsSync(GRAPHQL_ROUTE),
  projectPage: fs.existsSync(PROJECT_PAGE),
});

const SESSIONS_QUERY = `query($id: ID!, $after: String) {
  project(id: $id) {
    sessions(first: ${PAGE_SIZE}, after: $after) {
      edges { cursor node { id title createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

const SEND_MESSAGE_MUTATION = `mutation($input: SendMessageInput!) {
  sendMessage(input: $input) {
    reply { id content }
    edits { id description }
    session { id messageCount }
  }
}`;

/** Instructions the sendMessage load alternates on each session: an edit, then its undo. */
const INSTRUCTIONS = ['Make the outro a bit longer', 'Undo that last change'] as const;

export interface OursSettings extends ServerSettings {
  distDir: string;
  cpuProfileDir: string | null;
  /** NEXTAUTH_SECRET: signs session cookies and our cursors, so every instance of a run shares it. */
  authSecret: string;
}

/** Our server's settings in a run: the benchmark's build folder, a folder for CPU profiles or none, and the run's NEXTAUTH_SECRET. */
export function oursSettings(
  options: Pick<BenchOptions, 'nextDistDir'>,
  server: ServerSettings,
  cpuProfileDir: string | null,
  authSecret: string,
): OursSettings {
  return { ...server, distDir: options.nextDistDir, cpuProfileDir, authSecret };
}

export interface Ours {
  contender: Contender;
  process: ManagedProcess;
  /** Global id of the large project, for GraphQL. */
  mainProjectGlobalId: string;
  /** The project page with the session drawer open; null while the page does not exist. */
  projectPageRequest: HttpRequestSpec | null;
  /** A new sendMessage request each call, cycling over sessions of different projects. */
  nextSendMessage(): HttpRequestSpec;
  /** The personal access token's header the API requests carry. */
  apiHeaders: Record<string, string>;
}

function nextEnv(settings: OursSettings, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: settings.distDir,
    DATABASE_URL: settings.databaseUrl,
    DATABASE_POOL_MAX: String(settings.poolMax),
    // The limiter still counts every request (its cost is part of the figures) but never refuses one.
    RATE_LIMIT_GRAPHQL_PER_HOUR: String(BENCH_RATE_LIMIT_PER_HOUR),
    ...extra,
  };
}

export async function buildOurs(settings: OursSettings): Promise<void> {
  await runToCompletion({
    name: 'next build',
    command: process.execPath,
    args: [NEXT_BIN, 'build'],
    env: nextEnv(settings, {}),
    logFile: logFile(settings, 'next-build'),
  });
}

async function mintAccessToken(settings: ServerSettings, userId: string): Promise<string> {
  const handle = openDatabase({ driver: 'postgres', url: settings.databaseUrl });
  try {
    const now = new Date();
    const { token } = await createAccessToken(
      userId,
      { name: `bench ${now.toISOString()}`, scope: 'ADMIN', projectIds: null, expiresAt: daysFrom(now, 1) },
      handle.db,
    );
    return token;
  } finally {
    await handle.close();
  }
}

async function sessionCookie(secret: string, userId: string): Promise<string> {
  // The bench user never signs out: its auth session version stays the initial 0.
  const jwt = await encode({ token: { sub: userId, email: BENCH_USER.email, name: BENCH_USER.name, authSessionVersion: 0 }, secret });
  return `next-auth.session-token=${jwt}`;
}

interface ProjectRef {
  id: string;
  name: string;
}

async function viewerProjects(baseUrl: string, headers: Record<string, string>): Promise<ProjectRef[]> {
  const edges = await graphqlValue(baseUrl, graphqlRequest('/api/graphql', '{ viewer { projects(first: 100) { edges { node { id name } } } } }', {}, headers), [
    'viewer',
    'projects',
    'edges',
  ]);
  if (!Array.isArray(edges)) throw new Error('ours: viewer.projects has no edges.');
  return edges.map((edge) => ({ id: String(pathValue(edge, ['node', 'id'])), name: String(pathValue(edge, ['node', 'name'])) }));
}

/** Sessions each sendMessage project gets, new for every server started (newSendMessageSessions). */
const SEND_MESSAGE_SESSIONS_PER_PROJECT = 20;

/**
 * Empty sessions for the sendMessage load, made anew each time our server starts: every run then
 * measures conversations that start empty and stay short (a full run gives each about fifteen
 * instructions). Reusing the data set's sessions made the same few grow run after run, to
 * hundreds of messages, and the interpreter reads a session's whole history.
 */
async function newSendMessageSessions(settings: ServerSettings, data: BenchData, projectCount: number): Promise<string[][]> {
  const handle = openDatabase({ driver: 'postgres', url: settings.databaseUrl });
  try {
    const projectIds = data.otherProjectIds.slice(0, projectCount);
    const rows = await handle.db
      .insert(sessions)
      .values(projectIds.flatMap((projectId) => Array.from({ length: SEND_MESSAGE_SESSIONS_PER_PROJECT }, () => ({ projectId, createdById: data.userId }))))
      .returning({ id: sessions.id, projectId: sessions.projectId });
    return projectIds.map((projectId) => rows.filter((row) => row.projectId === projectId).map((row) => toGlobalId('Session', row.id)));
  } finally {
    await handle.close();
  }
}

/**
 * Sessions for the sendMessage load, interleaved so consecutive requests land in different
 * projects: concurrent requests then rarely wait on the same project's timeline lock.
 */
function interleave(perProject: readonly string[][]): string[] {
  const longest = Math.max(...perProject.map((ids) => ids.length));
  const order: string[] = [];
  for (let index = 0; index < longest; index += 1) {
    for (const ids of perProject) if (index < ids.length) order.push(ids[index]);
  }
  return order;
}

/** `extraEnv`: more of the server's environment (a model provider for the streaming figures). */
export async function startOurs(settings: OursSettings, data: BenchData, sendMessageProjects: number, extraEnv: Record<string, string> = {}): Promise<Ours> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const profileArgs = settings.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', settings.cpuProfileDir] : [];
  const server = startProcess({
    name: 'app server',
    command: process.execPath,
    args: [...profileArgs, APP_SERVER, '--port', String(port), '--hostname', '127.0.0.1'],
    env: nextEnv(settings, { NEXTAUTH_SECRET: settings.authSecret, NEXTAUTH_URL: baseUrl, ...extraEnv }),
    logFile: logFile(settings, 'next-start'),
  });
  await waitForHttp({ url: `${baseUrl}/api/graphql`, process: server, timeoutMs: READY_TIMEOUT_MS });

  const headers = { authorization: `Bearer ${await mintAccessToken(settings, data.userId)}` };
  const projects = await viewerProjects(baseUrl, headers);
  const main = projects.find((project) => project.name === MAIN_PROJECT_NAME);
  if (!main) throw new Error(`ours: the viewer's projects do not include "${MAIN_PROJECT_NAME}".`);
  const sessionOrder = interleave(await newSendMessageSessions(settings, data, sendMessageProjects));
  if (sessionOrder.length === 0) throw new Error('ours: no sessions to send messages to.');

  const cookie = await sessionCookie(settings.authSecret, data.userId);
  let sent = 0;
  return {
    process: server,
    apiHeaders: headers,
    mainProjectGlobalId: main.id,
    contender: sessionsContender({
      name: 'ours',
      baseUrl,
      process: server,
      request: (after) => graphqlRequest('/api/graphql', SESSIONS_QUERY, { id: main.id, after }, headers),
      connectionPath: ['project', 'sessions'],
    }),
    projectPageRequest: oursAvailability().projectPage ? { method: 'GET', path: `/projects/${data.mainProjectId}?history=open`, headers: { cookie } } : null,
    nextSendMessage() {
      const sessionId = sessionOrder[sent % sessionOrder.length];
      const content = INSTRUCTIONS[Math.floor(sent / sessionOrder.length) % INSTRUCTIONS.length];
      sent += 1;
      return graphqlRequest('/api/graphql', SEND_MESSAGE_MUTATION, { input: { sessionId, content, clientMessageId: randomUUID() } }, headers);
    },
  };
}
