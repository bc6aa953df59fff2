import type { MessageRow } from '../models';
import { staleAfterMs } from '@/server/generations';
import type { MessageRole, MessageStatus } from '../__generated__/resolvers-types';
import { requireViewer } from '../access';
import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';

const ROLES: Record<MessageRow['role'], MessageRole> = { user: 'USER', assistant: 'ASSISTANT' };
const STATUSES: Record<MessageRow['status'], MessageStatus> = {
  pending: 'PENDING',
  streaming: 'STREAMING',
  done: 'DONE',
  failed: 'FAILED',
  stopped: 'STOPPED',
};

/** A reply still generating long after its timeout lost its server: it reads as failed, no spinner forever. */
function statusOf(message: MessageRow): MessageStatus {
  const active = message.status === 'pending' || message.status === 'streaming';
  if (active && Date.now() - message.createdAt.getTime() > staleAfterMs()) return 'FAILED';
  return STATUSES[message.status];
}

export const Message: TypeResolvers<'Message'> = {
  id: (message) => toGlobalId('Message', message.id),
  role: (message) => ROLES[message.role],
  status: statusOf,
  edits: (message, _args, ctx) => requireViewer(ctx).loaders.editsByMessage.load(message.id),
};
