#!/usr/bin/env node
// The browser end-to-end suite: builds the app once, serves the production build on a fresh
// database (a temporary PGlite folder, or a new database on DATABASE_URL's server), drives it
// with Debian's Chromium through playwright-core, then stops the server and cleans up.
//
//   node e2e/run.mjs                   everything
//   E2E_SKIP_BUILD=1 node e2e/run.mjs  reuse the existing .next build
//   node e2e/run.mjs e2e/auth.e2e.ts   only some test files
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const artifactsDir = path.join('e2e', '.artifacts');
const startedAt = Date.now();
const cleanups = [];

function log(message) {
  console.log(`\n[e2e] ${message}`);
}

function runOrExit(label, command, args, env) {
  log(label);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status ?? result.signal}).`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A database of our own: a temporary PGlite folder, or a new database on DATABASE_URL's server. */
async function prepareDatabase() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'codirector-e2e-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    return { label: `embedded PGlite in ${dataDir}`, env: { PGLITE_DIR: dataDir } };
  }
  const name = `cds_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  cleanups.push(async () => {
    const dropper = postgres(serverUrl, { max: 1, onnotice: () => {} });
    try {
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
    } finally {
      await dropper.end({ timeout: 5 });
    }
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { label: `Postgres database ${name}`, env: { DATABASE_URL: url.toString() } };
}

function startServer(port, env, name = 'server') {
  mkdirSync(artifactsDir, { recursive: true });
  const logFile = path.join(artifactsDir, `${name}.log`);
  const output = createWriteStream(logFile);
  const server = spawn(process.execPath, [path.join('scripts', 'server.mjs'), '--port', String(port), '--hostname', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout.pipe(output);
  server.stderr.pipe(output);
  const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(code ?? signal)));
  cleanups.push(async () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    await exited;
  });
  return { exited, logFile };
}

async function waitUntilServing(baseUrl, server) {
  const deadline = Date.now() + 60_000;
  let serverExit = null;
  void server.exited.then((code) => (serverExit = code));
  while (Date.now() < deadline) {
    if (serverExit !== null) throw new Error(`The server exited (${serverExit}) before serving; see ${server.logFile}.`);
    try {
      const response = await fetch(`${baseUrl}/signin`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The server did not answer within 60 s; see ${server.logFile}.`);
}

function testFiles() {
  const requested = process.argv.slice(2);
  if (requested.length > 0) return requested;
  return readdirSync('e2e')
    .filter((file) => file.endsWith('.e2e.ts'))
    .sort()
    .map((file) => path.join('e2e', file));
}

async function main() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No Chromium at ${chromiumPath}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  rmSync(artifactsDir, { recursive: true, force: true });
  const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  if (process.env.E2E_SKIP_BUILD !== '1') runOrExit('Building the app (next build)', 'npx', ['next', 'build'], baseEnv);

  const database = await prepareDatabase();
  const appEnv = { ...baseEnv, ...database.env };
  runOrExit(`Migrating ${database.label}`, 'npx', ['tsx', 'scripts/migrate.ts'], appEnv);
  runOrExit('Seeding the demo user and project', 'npx', ['tsx', 'scripts/seed.ts'], appEnv);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  log(`Serving the production build at ${baseUrl}`);
  // Every browser test signs up from 127.0.0.1: the per-address sign-up limit (tested on a server
  // of its own) would otherwise refuse the suite's later sign-ups.
  const serverEnv = {
    RATE_LIMIT_SIGNUP_PER_IP: '100000',
    ...appEnv,
    NODE_ENV: 'production',
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
  };
  const server = startServer(port, { ...serverEnv, NEXTAUTH_URL: baseUrl });
  await waitUntilServing(baseUrl, server);

  // On a Postgres server a second instance shares the database, as behind a load balancer;
  // the embedded database belongs to one process, so there is only one instance on it.
  const extraEnv = {};
  if (database.env.DATABASE_URL) {
    const secondPort = await freePort();
    const secondUrl = `http://127.0.0.1:${secondPort}`;
    log(`Serving a second instance on the same database at ${secondUrl}`);
    const second = startServer(secondPort, { ...serverEnv, NEXTAUTH_URL: secondUrl }, 'server-2');
    await waitUntilServing(secondUrl, second);
    extraEnv.E2E_SECOND_BASE_URL = secondUrl;
  }

  const files = testFiles();
  log(`Running ${files.length} test files in Chromium`);
  const tests = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files], {
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv, E2E_BASE_URL: baseUrl, CHROMIUM_PATH: chromiumPath },
  });
  if (tests.status !== 0) {
    printLogTails();
    throw new Error(`Browser tests failed; the servers' logs are in ${artifactsDir}.`);
  }
}

/** CI keeps only what is printed: the end of each server's log, for a failure that happened there. */
function printLogTails(lines = 60) {
  for (const file of readdirSync(artifactsDir)
    .filter((name) => name.endsWith('.log'))
    .sort()) {
    const tail = readFileSync(path.join(artifactsDir, file), 'utf8').trimEnd().split('\n').slice(-lines);
    console.error(`\n[e2e] The last ${tail.length} lines of ${file}:\n${tail.map((line) => `  | ${line}`).join('\n')}`);
  }
}

async function cleanUp() {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`[e2e] Cleanup step failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

let exitCode = 0;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    void cleanUp().then(() => process.exit(130));
  });
}
try {
  await main();
  log(`Passed in ${Math.round((Date.now() - startedAt) / 1000)} s.`);
} catch (error) {
  console.error(`\n[e2e] ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
