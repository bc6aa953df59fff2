import { listAccessTokens } from '@/db/accessTokens';
import { countProjects, projectKey } from '@/db/projects';
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
      keyOf: projectKey,
      fetchPage: (page) => loaders.projectPages.load(user.id, page),
      count: () => countProjects(user.id),
    });
  },
  accessTokens: (user) => listAccessTokens(user.id),
};
