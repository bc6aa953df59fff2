import type { MessageRow } from '../models';
import { visibleStatus } from '@/server/generations';
import type { MessageRole, MessageStatus } from '../__generated__/resolvers-types';
import { requireViewer } from '../access';
import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';

const ROLES: Record<MessageRow['role'], MessageRole> = { user: 'USER', assistant: 'ASSISTANT' };
export const STATUSES: Record<MessageRow['status'], MessageStatus> = {
  pending: 'PENDING',
  streaming: 'STREAMING',
  done: 'DONE',
  failed: 'FAILED',
  stopped: 'STOPPED',
};

export const Message: TypeResolvers<'Message'> = {
  id: (message) => toGlobalId('Message', message.id),
  role: (message) => ROLES[message.role],
  status: (message) => STATUSES[visibleStatus(message)],
  edits: (message, _args, ctx) => requireViewer(ctx).loaders.editsByMessage.load(message.id),
};
