import type { Executor } from '@/db/client';
import { toSessionEdit } from '@/db/edits';
import type { Edit, Message } from '@/db/schema';
import { readSessionState } from '@/db/sessions';
import type { Clip, SessionContext } from '@/lib/assistant/types';
import type { EditLogEntry, PromptMessage, SessionSummary } from '@/lib/providers/context';

/** A session as read for a turn: its timeline, all its messages and edits (oldest first), its summary. */
export interface SessionRead {
  timeline: Clip[];
  messages: readonly Message[];
  edits: readonly Edit[];
  summary: SessionSummary | null;
}

/** What an assistant answers a turn from. The interpreter reads `context`; a model the rest, folded to its budget. */
export interface TurnContext {
  timeline: Clip[];
  context: SessionContext;
  messages: PromptMessage[];
  editLog: EditLogEntry[];
  summary: SessionSummary | null;
}

/**
 * The one rule for what an assistant sees of a session (docs/assistant.md, "What the assistant sees"):
 * the instructions, and the replies that were answers: `done`, or `stopped` (what the user read before
 * stopping it). A failed reply is the service's error, not anything the assistant said, so it is left out,
 * text so far included; so is a reply still being written, and anything empty. Every edit of the session
 * is there, undone ones marked. `beforeSeq` leaves out the instruction being answered and what follows it.
 */
export function isConversationTurn(message: Pick<Message, 'role' | 'content' | 'status'>): boolean {
  if (message.content === '') return false;
  return message.role === 'user' || message.status === 'done' || message.status === 'stopped';
}

/** What the assistant answers from, out of a session already read: the rule above, the same for both assistants. */
export function turnContext(read: SessionRead, beforeSeq: number | null): TurnContext {
  const conversation = read.messages.filter((message) => (beforeSeq === null || message.seq < beforeSeq) && isConversationTurn(message));
  const instructionOf = new Map(read.messages.map((message) => [message.id, message.content]));
  return {
    timeline: read.timeline,
    context: { messages: conversation.map(({ role, content }) => ({ role, content })), edits: read.edits.map(toSessionEdit) },
    messages: conversation.map(({ seq, role, content }) => ({ seq, role, content })),
    editLog: read.edits.map((edit) => ({
      description: edit.description,
      instruction: edit.messageId ? (instructionOf.get(edit.messageId) ?? null) : null,
      reverted: edit.revertedAt !== null,
    })),
    summary: read.summary,
  };
}

/** The session read in one statement (db/sessions/state.ts readSessionState), as an assistant is given it. */
export async function readTurnContext(sessionId: string, beforeSeq: number | null, db: Executor): Promise<TurnContext> {
  return turnContext(await readSessionState(sessionId, db), beforeSeq);
}
