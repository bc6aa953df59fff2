import { createdAtKeyOf } from '@/lib/listKeys';
import { listAccessTokens } from '@/server/accessTokens';
import { requireViewer } from '../access';
import { createdAtIdCursorKey, resolveConnection } from '../connections';
import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';

export const User: TypeResolvers<'User'> = {
  id: (user) => toGlobalId('User', user.id),
  projects(user, args, ctx, info) {
    const { loaders } = requireViewer(ctx);
    return resolveConnection(args, info, {
      parentId: user.id,
      cursorKey: createdAtIdCursorKey,
      keyOf: createdAtKeyOf,
      fetchPage: (page) => loaders.projectPages.load(user.id, page),
      count: () => loaders.projectCount(),
    });
  },
  // Through the use case: listing tokens needs the ADMIN scope.
  accessTokens: (_user, _args, ctx) => listAccessTokens(ctx),
};
