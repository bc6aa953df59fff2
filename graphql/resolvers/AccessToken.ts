import { impliedScopes } from '@/lib/auth/tokenScopes';
import { requireViewer } from '../access';
import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';

export const AccessToken: TypeResolvers<'AccessToken'> = {
  id: (token) => toGlobalId('AccessToken', token.id),
  prefix: (token) => token.tokenPrefix,
  scopes: (token) => impliedScopes(token.scope),
  // Read as the viewer reads projects: a deleted one (or one outside the calling token's list) drops out.
  projects: async (token, _args, ctx) => {
    if (token.projectIds === null) return null;
    const projects = await requireViewer(ctx).loaders.projects.loadMany(token.projectIds);
    return projects.flatMap((project) => (project && !(project instanceof Error) ? [project] : []));
  },
};
