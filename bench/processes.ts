import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';

/**
 * Every server the benchmark starts runs in a process group of its own, so stopping it also
 * stops whatever it spawned. All of them are stopped when the benchmark ends, fails or is
 * interrupted.
 */

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  readonly exited: Promise<number | string>;
  hasExited(): boolean;
  stop(): Promise<void>;
}

export interface StartOptions {
  name: string;
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  logFile: string;
}

const STOP_GRACE_MS = 10_000;
const running = new Set<ManagedProcess>();
/** Synchronous SIGKILLs for the process groups still alive, run if the benchmark exits early. */
const exitKillers = new Map<ManagedProcess, () => void>();

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

export function startProcess(options: StartOptions): ManagedProcess {
  const log = fs.openSync(options.logFile, 'w');
  const child = spawn(options.command, [...options.args], {
    env: options.env,
    detached: true,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  if (child.pid === undefined) throw new Error(`Could not start ${options.name} (${options.command}).`);

  let ended = false;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      ended = true;
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', (error) => {
      ended = true;
      resolve(error.message);
    });
  });

  const managed: ManagedProcess = {
    name: options.name,
    pid: child.pid,
    logFile: options.logFile,
    exited,
    hasExited: () => ended,
    async stop() {
      if (!ended) {
        signalGroup(child, 'SIGTERM');
        const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), STOP_GRACE_MS).unref());
        if ((await Promise.race([exited, timer])) === 'timeout') {
          signalGroup(child, 'SIGKILL');
          await exited;
        }
      }
      // Children the group leader left behind.
      signalGroup(child, 'SIGKILL');
      running.delete(managed);
    },
  };
  running.add(managed);
  exitKillers.set(managed, () => signalGroup(child, 'SIGKILL'));
  void exited.then(() => exitKillers.delete(managed));
  return managed;
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((managed) => managed.stop()));
}

let handlersInstalled = false;

/** Stops every started process on Ctrl-C, SIGTERM or an unexpected exit. */
export function installCleanupHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const kill of exitKillers.values()) kill();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the servers…`);
      void stopAll().finally(() => process.exit(130));
    });
  }
}

/** Runs a command to completion with its output in a log file; rejects on a non-zero exit. */
export async function runToCompletion(options: StartOptions): Promise<void> {
  const managed = startProcess(options);
  const result = await managed.exited;
  await managed.stop();
  if (result !== 0) {
    throw new Error(`${options.name} failed (${String(result)}); its output is in ${options.logFile}.`);
  }
}

/** A TCP port that was free a moment ago on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('No free port.'))));
    });
  });
}

export interface WaitOptions {
  url: string;
  process: ManagedProcess;
  timeoutMs: number;
  init?: RequestInit;
}

/** Polls until the server answers (any status below 500), or fails when it dies or times out. */
export async function waitForHttp({ url, process: managed, timeoutMs, init }: WaitOptions): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = 'no answer yet';
  while (Date.now() < deadline) {
    if (managed.hasExited()) {
      throw new Error(`${managed.name} exited before it was ready; its output is in ${managed.logFile}.`);
    }
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.status < 500) return;
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${managed.name} was not ready at ${url} within ${timeoutMs / 1000} s (${lastError}); see ${managed.logFile}.`);
}
