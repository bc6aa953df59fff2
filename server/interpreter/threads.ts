/**
 * The built-in interpreter, run on worker threads with a deadline. Its work is bounded
 * (INTERPRETER_MAX_LENGTH, MAX_CHANGES_PER_INSTRUCTION, linear compound splitting), and this is
 * the guard for what those bounds miss: an instruction that still runs past the deadline gets
 * a reply saying so, its thread is replaced, and every other request meanwhile is answered,
 * because the server's own event loop never runs the interpreter.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Assistant, AssistantInput, AssistantResult } from '@/lib/assistant/types';
import type { InterpreterJob, InterpreterReply } from './protocol';

export const TOOK_TOO_LONG = 'That took me too long to work out, so I changed nothing. Try it as shorter instructions, one change at a time.';

export interface InterpreterThreadsOptions {
  /** How long one instruction may run on its thread. */
  deadlineMs: number;
  /** How many threads answer at once; more instructions queue. */
  threads: number;
  /** The worker's entry, from source; the production interpreter unless a test passes another. */
  entry?: URL;
}

interface Job {
  id: number;
  input: AssistantInput;
  resolve(result: AssistantResult): void;
  reject(error: Error): void;
}

class InterpreterThread {
  private worker: Worker | null = null;
  private job: Job | null = null;
  private deadline: NodeJS.Timeout | null = null;

  constructor(
    private readonly entry: URL | null,
    private readonly deadlineMs: number,
    private readonly onIdle: (thread: InterpreterThread) => void,
  ) {}

  get busy(): boolean {
    return this.job !== null;
  }

  run(job: Job): void {
    this.job = job;
    this.deadline = setTimeout(() => this.settle({ result: { reply: TOOK_TOO_LONG, actions: [] } }, { replace: true }), this.deadlineMs);
    this.workerFor().postMessage({ id: job.id, input: job.input } satisfies InterpreterJob);
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }

  private workerFor(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(this.entry);
    // A replaced worker's last words (its exit, a late answer) are not about the current job.
    const current = () => this.worker === worker;
    worker.on('message', (reply: InterpreterReply) => {
      if (!current() || reply.id !== this.job?.id) return;
      this.settle('result' in reply ? { result: reply.result } : { error: new Error(`The interpreter failed: ${reply.error}`) });
    });
    worker.on('error', (error) => {
      if (current()) this.settle({ error }, { replace: true });
    });
    worker.on('exit', () => {
      if (!current()) return;
      this.worker = null;
      this.settle({ error: new Error('The interpreter thread stopped.') });
    });
    // An idle thread does not keep the process alive.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(outcome: { result: AssistantResult } | { error: Error }, options: { replace?: boolean } = {}): void {
    const job = this.job;
    if (!job) return;
    this.job = null;
    if (this.deadline) clearTimeout(this.deadline);
    this.deadline = null;
    if (options.replace && this.worker) {
      void this.worker.terminate();
      this.worker = null;
    }
    if ('result' in outcome) job.resolve(outcome.result);
    else job.reject(outcome.error);
    this.onIdle(this);
  }
}

const TSX_LOADER = 'tsx/cjs/api';

/**
 * Under Next.js the bundler compiles the entry it finds in `new Worker(new URL(…))`. From source,
 * the thread registers tsx first (it reads tsconfig.json's paths from the working directory).
 */
function startWorker(entry: URL | null): Worker {
  // Next.js writes NEXT_RUNTIME into its bundles at build time (so it is not read through
  // lib/config.ts); Jest and scripts run by tsx load the TypeScript source.
  if (process.env.NEXT_RUNTIME) return new Worker(new URL('./worker.ts', import.meta.url));
  const file = fileURLToPath(entry ?? import.meta.url.replace(/threads\.ts$/, 'worker.ts'));
  const loader = createRequire(file).resolve(TSX_LOADER);
  return new Worker(`require(${JSON.stringify(loader)}).register(); require(${JSON.stringify(file)});`, { eval: true });
}

export function createInterpreterThreads(options: InterpreterThreadsOptions): Assistant & { close(): Promise<void> } {
  const queue: Job[] = [];
  let nextId = 1;
  const dispatch = (thread: InterpreterThread) => {
    const job = queue.shift();
    if (job) thread.run(job);
  };
  const threads = Array.from({ length: Math.max(1, options.threads) }, () => new InterpreterThread(options.entry ?? null, options.deadlineMs, dispatch));
  return {
    name: 'interpreter',
    respond(input) {
      return new Promise<AssistantResult>((resolve, reject) => {
        queue.push({ id: nextId++, input, resolve, reject });
        const idle = threads.find((thread) => !thread.busy);
        if (idle) dispatch(idle);
      });
    },
    async close() {
      await Promise.all(threads.map((thread) => thread.close()));
    },
  };
}
