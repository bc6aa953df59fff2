import { and, eq, sql } from 'drizzle-orm';
import { selectRows, type Executor } from './client';
import { listInstructionEdits } from './edits';
import { messages, type Edit, type Message } from './schema';
import { getTimeline } from './timeline';
import type { Clip } from '@/lib/timeline/model';

export interface InstructionResult {
  userMessage: Message;
  reply: Message;
  /** Edits this instruction created, reverted or re-applied, as they are now. */
  edits: Edit[];
  /** The project's timeline after the instruction. */
  timeline: Clip[];
}

/** The stored outcome of an instruction sent before (a retried request). */
export async function loadInstructionResult(projectId: string, userMessage: Message, tx: Executor): Promise<InstructionResult> {
  const [reply] = await tx
    .select()
    .from(messages)
    .where(and(eq(messages.sessionId, userMessage.sessionId), eq(messages.replyToId, userMessage.id)))
    .limit(1);
  const [touched, timeline] = await Promise.all([listInstructionEdits([userMessage.id], tx), getTimeline(projectId, tx)]);
  return { userMessage, reply, edits: touched.get(userMessage.id) ?? [], timeline };
}

/**
 * The time edits are stamped with, read after the locks are held so stamps follow the
 * order in which changes to the project really happened.
 */
export async function transactionClock(tx: Executor): Promise<Date> {
  const [row] = await selectRows<{ now: Date | string }>(tx, sql`select clock_timestamp() as now`);
  return new Date(row.now);
}
