import 'server-only';
import { listEditsForSession } from '@/db/edits';
import { latestProjectEventId } from '@/db/events';
import { getAllMessages } from '@/db/messages';
import type { Edit, Message } from '@/db/schema';
import { toGlobalId } from '@/graphql/ids';
import { staleAfterMs } from '@/server/generations';
import type { AppliedEdit, ConversationTurn } from '@/components/codirector/types';

/** A session's conversation for the panel: each reply carries the edits its instruction applied. */
export async function loadConversation(sessionId: string, projectId: string): Promise<ConversationTurn[]> {
  // Read before the messages: a streaming reply resumes its deltas after this event, so none is
  // missed between the text read here and the stream opening (overlap is dropped by offset).
  const afterEventId = await latestProjectEventId(projectId);
  const [messages, edits] = await Promise.all([getAllMessages(sessionId), listEditsForSession(sessionId)]);
  const editsByInstruction = groupByMessage(edits);
  return messages.map((message) => ({
    id: message.id,
    role: message.role,
    content: message.content,
    clientMessageId: message.clientMessageId,
    edits: message.role === 'assistant' && message.replyToId ? (editsByInstruction.get(message.replyToId) ?? []) : [],
    ...(isGenerating(message) ? { stream: { projectId, messageId: message.id, apiId: toGlobalId('Message', message.id), afterEventId } } : {}),
    ...endedWithoutAnswer(message),
  }));
}

const INTERRUPTED = 'This answer was interrupted (the server stopped while answering). Retry to ask again.';

/** A failed or stopped reply, and one whose server died mid-reply (it reads as failed, as the API says). */
function endedWithoutAnswer(message: Message): Pick<ConversationTurn, 'ended' | 'content'> | null {
  if (message.role !== 'assistant') return null;
  if (message.status === 'failed' || message.status === 'stopped') return { ended: message.status, content: message.content };
  const active = message.status === 'pending' || message.status === 'streaming';
  if (active && !isGenerating(message)) return { ended: 'failed', content: message.content || INTERRUPTED };
  return null;
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
