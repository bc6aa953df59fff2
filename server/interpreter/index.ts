import os from 'node:os';
import { config } from '@/lib/config';
import { getAssistant } from '@/lib/providers';
import type { Assistant } from '@/lib/assistant/types';
import { createInterpreterThreads } from './threads';

type Env = Readonly<Record<string, string | undefined>>;

/** INTERPRETER_DEADLINE_MS (default 2 s) and INTERPRETER_THREADS (default: the cores, at most 4). */
export function interpreterThreadsSettings(env: Env = process.env) {
  const { INTERPRETER_DEADLINE_MS, INTERPRETER_THREADS } = config(env);
  return { deadlineMs: INTERPRETER_DEADLINE_MS, threads: INTERPRETER_THREADS ?? Math.min(4, os.availableParallelism()) };
}

// One set of threads per process; kept on globalThis so a development reload does not start more.
const shared = globalThis as typeof globalThis & { codirectorInterpreterThreads?: Assistant };

/**
 * The assistant the server answers instructions with: ASSISTANT_PROVIDER's model, or the built-in
 * interpreter on its worker threads. Throws ProviderConfigError for a provider that cannot work.
 */
export function serverAssistant(env: Env = process.env): Assistant {
  const assistant = getAssistant(env);
  if (assistant.name !== 'interpreter') return assistant;
  shared.codirectorInterpreterThreads ??= createInterpreterThreads(interpreterThreadsSettings(env));
  return shared.codirectorInterpreterThreads;
}
