import 'server-only';
import type { Edit, Message } from '@/db/schema';
import { toGlobalId } from '@/graphql/ids';
import { isGenerating } from '@/server/generations';
import type { AppliedEdit, ConversationTurn } from '@/components/codirector/types';

/**
 * A session's conversation for the panel: each reply carries the edits its instruction applied.
 * `afterEventId`: the last project event before the messages were read; a streaming reply
 * resumes its deltas after it, so none is missed (overlap is dropped by offset).
 */
export function conversationTurns(
  session: { projectId: string; messages: readonly Message[]; edits: readonly Edit[] },
  afterEventId: number,
  databaseNow: Date,
): ConversationTurn[] {
  const editsByInstruction = groupByMessage(session.edits);
  return session.messages.map((message) => ({
    id: message.id,
    role: message.role,
    content: message.content,
    clientMessageId: message.clientMessageId,
    edits: message.role === 'assistant' && message.replyToId ? (editsByInstruction.get(message.replyToId) ?? []) : [],
    ...(isGenerating(message, databaseNow.getTime())
      ? { stream: { projectId: session.projectId, messageId: message.id, apiId: toGlobalId('Message', message.id), afterEventId } }
      : {}),
  }));
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
