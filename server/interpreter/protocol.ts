import type { AssistantInput, AssistantResult } from '@/lib/assistant/types';

/** What the server sends an interpreter thread. */
export interface InterpreterJob {
  id: number;
  input: AssistantInput;
}

/** What the thread answers: the interpreter's result, or the failure it threw. */
export type InterpreterReply = { id: number; result: AssistantResult } | { id: number; error: string };
