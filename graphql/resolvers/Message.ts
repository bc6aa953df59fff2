import type { Message as MessageRow } from '@/db/schema';
import type { MessageRole } from '../__generated__/resolvers-types';
import { requireViewer } from '../access';
import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';

const ROLES: Record<MessageRow['role'], MessageRole> = { user: 'USER', assistant: 'ASSISTANT' };

export const Message: TypeResolvers<'Message'> = {
  id: (message) => toGlobalId('Message', message.id),
  role: (message) => ROLES[message.role],
  edits: (message, _args, ctx) => requireViewer(ctx).loaders.editsByMessage.load(message.id),
};
