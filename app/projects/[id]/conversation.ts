import 'server-only';
import { listEditsForSession } from '@/db/edits';
import { getAllMessages } from '@/db/messages';
import type { Edit } from '@/db/schema';
import type { AppliedEdit, ConversationTurn } from '@/components/codirector/types';

/** A session's conversation for the panel: each reply carries the edits its instruction applied. */
export async function loadConversation(sessionId: string): Promise<ConversationTurn[]> {
  const [messages, edits] = await Promise.all([getAllMessages(sessionId), listEditsForSession(sessionId)]);
  const editsByInstruction = groupByMessage(edits);
  return messages.map((message) => ({
    id: message.id,
    role: message.role,
    content: message.content,
    clientMessageId: message.clientMessageId,
    edits: message.role === 'assistant' && message.replyToId ? (editsByInstruction.get(message.replyToId) ?? []) : [],
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
