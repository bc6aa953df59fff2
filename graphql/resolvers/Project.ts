import type { GraphQLResolveInfo } from 'graphql';
import { searchListParent } from '@/lib/cursors';
import { pinnedCreatedAtKeyOf, rankKeyOf } from '@/lib/listKeys';
import { searchQuery } from '@/server/inputs';
import { requireViewer } from '../access';
import { pinnedCreatedAtIdCursorKey, rankCreatedAtIdCursorKey, resolveConnection, type ConnectionArgs } from '../connections';
import { toGlobalId } from '../ids';
import type { Loaders } from '../loaders';
import type { SearchResultRow, SessionRow } from '../models';
import type { TypeResolvers } from './types';

export const Project: TypeResolvers<'Project'> = {
  id: (project) => toGlobalId('Project', project.id),
  timeline: async (project, _args, ctx) => ({ projectId: project.id, clips: await requireViewer(ctx).loaders.timelines.load(project.id) }),
  currentSession: (project, _args, ctx) => requireViewer(ctx).loaders.currentSessions.load(project.id),
  sessions(project, args, ctx, info) {
    const { loaders } = requireViewer(ctx);
    const query = searchQuery(args.query);
    if (query !== null) return searchConnection(loaders, project.id, query, args, info);
    const archived = args.archived === true;
    return resolveConnection(args, info, {
      parentId: project.id,
      cursorKey: pinnedCreatedAtIdCursorKey,
      keyOf: (session: SessionRow) => pinnedCreatedAtKeyOf(session),
      fetchPage: (page) => (archived ? loaders.archivedSessionPages : loaders.sessionPages).load(project.id, page),
      count: () => (archived ? loaders.archivedSessionCounts : loaders.sessionCounts).load(project.id),
    });
  },
  sessionCounts: (project) => ({ projectId: project.id }),
};

/** Each count is read only when selected. */
export const SessionCounts: TypeResolvers<'SessionCounts'> = {
  active: ({ projectId }, _args, ctx) => requireViewer(ctx).loaders.sessionCounts.load(projectId),
  archived: ({ projectId }, _args, ctx) => requireViewer(ctx).loaders.archivedSessionCounts.load(projectId),
  pinned: ({ projectId }, _args, ctx) => requireViewer(ctx).loaders.pinnedSessionCounts.load(projectId),
};

/** Search results: their own cursors (relevance, time, id) on a list of their own per search, paged either way. */
function searchConnection(loaders: Loaders, projectId: string, query: string, args: ConnectionArgs & { archived?: boolean | null }, info: GraphQLResolveInfo) {
  const filter = { archived: args.archived === true };
  return resolveConnection(args, info, {
    parentId: searchListParent(projectId, query, filter.archived),
    cursorKey: rankCreatedAtIdCursorKey,
    keyOf: (result: SearchResultRow) => rankKeyOf(result),
    fetchPage: ({ first, after, last, before }) => loaders.searchPage(projectId, query, { first, after, last, before }, filter),
    count: () => loaders.searchCount(projectId, query, filter),
  });
}
