import 'server-only';
import type { Edit, Message } from '@/db/schema';
import { toGlobalId } from '@/graphql/ids';
import { staleAfterMs } from '@/server/generations';
import type { AppliedEdit, ConversationTurn } from '@/components/codirector/types';

/**
 * A session's conversation for the panel: each reply carries the edits its instruction applied.
 * `afterEventId`: the last project event before the messages were read; a streaming reply
 * resumes its deltas after it, so none is missed (overlap is dropped by offset).
 */
export function conversationTurns(
  session: { projectId: string; messages: readonly Message[]; edits: readonly Edit[] },
  afterEventId: number,
): ConversationTurn[] {
  const editsByInstruction = groupByMessage(session.edits);
  return session.messages.map((message) => ({
    id: message.id,
    role: message.role,
    content: message.content,
    clientMessageId: message.clientMessageId,
    edits: message.role === 'assistant' && message.replyToId ? (editsByInstruction.get(message.replyToId) ?? []) : [],
    ...(isGenerating(message)
      ? { stream: { projectId: session.projectId, messageId: message.id, apiId: toGlobalId('Message', message.id), afterEventId } }
      : {}),
  }));
}

/** A reply still being written, and not one whose server died long ago. */
function isGenerating(message: Message): boolean {
  const active = message.status === 'pending' || message.status === 'streaming';
  return active && Date.now() - message.createdAt.getTime() <= staleAfterMs();
}

function groupByMessage(edits: readonly Edit[]): Map<string, AppliedEdit[]> {
  const grouped = new Map<string, AppliedEdit[]>();
  for (const edit of edits) {
    if (!edit.messageId) continue;
    const applied = { id: edit.id, description: edit.description, undone: edit.revertedAt !== null };
    grouped.set(edit.messageId, [...(grouped.get(edit.messageId) ?? []), applied]);
  }
  return grouped;
}
