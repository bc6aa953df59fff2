import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

/**
 * A server of a test's own, on a database of its own, for tests that kill or stop it
 * (the shared server of the suite must stay up). Uses the same production build.
 */
export interface OwnDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function prepareOwnDatabase(): Promise<OwnDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  let database: OwnDatabase;
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'codirector-e2e-own-'));
    database = {
      env: { PGLITE_DIR: dataDir },
      drop: () => {
        rmSync(dataDir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  } else {
    const name = `cds_e2e_own_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end({ timeout: 5 });
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    database = {
      env: { DATABASE_URL: url.toString() },
      drop: async () => {
        const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
        await dropper.end({ timeout: 5 });
      },
    };
  }
  for (const script of ['scripts/migrate.ts', 'scripts/seed.ts']) {
    const result = spawnSync('npx', ['tsx', script], { env: { ...process.env, ...database.env }, stdio: 'ignore' });
    if (result.status !== 0) throw new Error(`${script} failed for the test's own database`);
  }
  return database;
}

export interface OwnServer {
  url: string;
  process: ChildProcess;
  exited: Promise<number | string | null>;
}

const SECRET = randomBytes(32).toString('base64url');
const ARTIFACTS_DIR = path.join('e2e', '.artifacts');

/** `port` reuses a port (a restart that browsers already pointed at the server should reach). */
export async function startOwnServer(database: OwnDatabase, extraEnv: Record<string, string> = {}, port?: number): Promise<OwnServer> {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.join('scripts', 'server.mjs'), '--port', String(port), '--hostname', '127.0.0.1'], {
    env: { ...process.env, ...database.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: url, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // e2e/run.mjs prints the end of every log in the artifacts folder when a test fails.
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const log = createWriteStream(path.join(ARTIFACTS_DIR, `own-server-${process.pid}-${port}-${Date.now()}.log`));
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/signin`)).ok) return { url, process: child, exited };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill('SIGKILL');
  throw new Error('The test server did not start within 60 s');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** next-auth's CSRF token and the cookie that goes with it, as its client fetches them before posting. */
export async function csrfPair(baseUrl: string): Promise<{ csrfToken: string; cookie: string }> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return {
    csrfToken,
    cookie: csrf.headers
      .getSetCookie()
      .map((entry) => entry.split(';')[0])
      .join('; '),
  };
}

/** One email-and-password attempt as next-auth's client makes it: CSRF token, then the form POST. */
export async function postCredentials(
  baseUrl: string,
  email: string,
  password: string,
  options: { callbackUrl?: string; json?: boolean; headers?: Record<string, string> } = {},
): Promise<Response> {
  const { csrfToken, cookie } = await csrfPair(baseUrl);
  const form = new URLSearchParams({ email, password, csrfToken, json: String(options.json ?? true) });
  if (options.callbackUrl !== undefined) form.set('callbackUrl', options.callbackUrl);
  return fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, ...options.headers },
    body: form,
  });
}

/** Signs in as a browser would; returns the Cookie header. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await postCredentials(baseUrl, email, password);
  const session = response.headers.getSetCookie().find((entry) => entry.includes('next-auth.session-token='));
  if (!session) throw new Error(`Sign-in failed with ${response.status}`);
  return session.split(';')[0];
}

export async function graphql<Data>(baseUrl: string, cookie: string, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${baseUrl}/api/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Data; errors?: { message: string; extensions?: { code?: string } }[] };
}
