import type { Transaction } from '@/db/client';
import { recordProjectEvent } from '@/db/events';
import type { Message, Session } from '@/db/schema';

type SessionKey = Pick<Session, 'id' | 'projectId'>;

/** A reply ended (done, failed or stopped): devices showing it stop their spinner. */
export async function recordReplyFinished(session: SessionKey, reply: Message, tx: Transaction): Promise<void> {
  await recordProjectEvent(
    { projectId: session.projectId, type: 'reply.finished', sessionId: session.id, messageId: reply.id, data: { status: reply.status } },
    tx,
  );
}

/** The turn is recorded: devices refresh the session and the timeline. The event names the reply. */
export async function recordInstructionAnswered(session: SessionKey, userMessage: Message, reply: Message, tx: Transaction): Promise<void> {
  await recordProjectEvent(
    { projectId: session.projectId, type: 'instruction.answered', sessionId: session.id, messageId: reply.id, data: sentFrom(userMessage) },
    tx,
  );
}

/** An answered instruction's event data: its clientMessageId lets the device that sent it skip a second refresh. */
export function sentFrom(userMessage: Message): { clientMessageId: string } | null {
  return userMessage.clientMessageId ? { clientMessageId: userMessage.clientMessageId } : null;
}
