import { getDb, type Executor } from '@/db/client';
import type { InstructionResult } from '@/db/messages';
import { inSessionTransaction } from '@/db/transaction';
import type { Assistant } from '@/lib/assistant/types';
import { isStreamingAssistant } from '@/lib/providers/types';
import { generationTimeoutMs } from '../generations';
import { answerAtOnce, answerStreamed, openGeneration } from './answer';
import { applyTurn } from './apply';
import { beginTurn } from './begin';
import type { TurnStart } from './types';

export interface TurnOptions {
  db?: Executor;
  /** How long the assistant may take (ASSISTANT_TIMEOUT_MS). */
  timeoutMs?: number;
}

/**
 * Every turn, however it starts (docs/architecture.md, "A turn"): `begin` → `answer` → `apply`.
 * The stages are the same for every assistant; only `answer` differs between them, and whether
 * the stages share one transaction:
 *
 * - A new instruction to an assistant that does no I/O (the interpreter) is one transaction: it
 *   answers in microseconds, and instructions sent to one session at the same moment then queue
 *   on the session's lock and are answered in strict order.
 * - Otherwise (a model; a retry, whose reply devices already show) `begin` and `apply` are two
 *   short transactions and the assistant answers between them with no lock held, its text
 *   streamed, stoppable, within the timeout. One generation per session at a time.
 */
export async function runTurn(start: TurnStart, assistant: Assistant, options: TurnOptions = {}): Promise<InstructionResult> {
  const db = options.db ?? getDb();
  if (start.kind === 'instruction' && !isStreamingAssistant(assistant)) return runInOneTransaction(start, assistant, db);
  return runAcrossTransactions(start, assistant, db, options.timeoutMs ?? generationTimeoutMs());
}

function runInOneTransaction(start: TurnStart, assistant: Assistant, db: Executor): Promise<InstructionResult> {
  return inSessionTransaction(
    start.session,
    async (tx, project) => {
      const begun = await beginTurn(start, tx, { oneTransaction: true });
      if ('replayed' in begun) return begun.replayed;
      return applyTurn(begun.turn, await answerAtOnce(begun.turn, assistant), tx, project);
    },
    db,
  );
}

async function runAcrossTransactions(start: TurnStart, assistant: Assistant, db: Executor, timeoutMs: number): Promise<InstructionResult> {
  const begun = await inSessionTransaction(start.session, (tx) => beginTurn(start, tx, { oneTransaction: false, timeoutMs }), db);
  if ('replayed' in begun) return begun.replayed;
  const generation = openGeneration(begun.turn, db, timeoutMs);
  try {
    const answer = await answerStreamed(begun.turn, assistant, generation);
    return await inSessionTransaction(start.session, (tx, project) => applyTurn(begun.turn, answer, tx, project), db);
  } finally {
    generation.release();
  }
}
