import { MAX_PAGE_SIZE } from '@/lib/listKeys';
import * as checkpoints from '@/server/checkpoints';
import { databaseId, requireNode, requireProject, requireViewer } from '../access';
import { badUserInput } from '../errors';
import { withGlobalClipIds } from './clipConflicts';
import type { TypeResolvers } from './types';

export const Query: TypeResolvers<'Query'> = {
  viewer: (_root, _args, ctx) => requireViewer(ctx).user,
  node: (_root, { id }, ctx) => requireNode(ctx, id),
  nodes(_root, { ids }, ctx) {
    requireViewer(ctx);
    if (ids.length > MAX_PAGE_SIZE) throw badUserInput('ids', `Ask for at most ${MAX_PAGE_SIZE} ids at a time; got ${ids.length}.`);
    // Each id fails on its own: a missing one is null with its own NOT_FOUND error.
    return ids.map((id) => requireNode(ctx, id, 'ids'));
  },
  project: (_root, { id }, ctx) => requireProject(ctx, id),
  previewTimelineRestore: (_root, { messageId }, ctx) =>
    withGlobalClipIds(() => checkpoints.previewTimelineRestore(ctx, { messageId: databaseId(ctx, messageId, 'Message', 'messageId') })),
};
