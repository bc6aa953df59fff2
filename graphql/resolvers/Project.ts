import type { GraphQLResolveInfo } from 'graphql';
import { countSearchResults, searchKey, searchSessions } from '@/db/sessionSearch';
import { listSessions, sessionKey } from '@/db/sessions';
import type { Project as ProjectRow } from '@/db/schema';
import { searchListParent } from '@/lib/cursors';
import { searchQuery } from '@/server/inputs';
import { requireViewer } from '../access';
import { pinnedCreatedAtIdCursorKey, rankCreatedAtIdCursorKey, resolveConnection, type ConnectionArgs } from '../connections';
import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';

export const Project: TypeResolvers<'Project'> = {
  id: (project) => toGlobalId('Project', project.id),
  timeline: async (project, _args, ctx) => ({ projectId: project.id, clips: await requireViewer(ctx).loaders.timelines.load(project.id) }),
  currentSession: (project, _args, ctx) => requireViewer(ctx).loaders.currentSessions.load(project.id),
  sessions(project, args, ctx, info) {
    const { loaders } = requireViewer(ctx);
    const query = searchQuery(args.query);
    if (query !== null) return searchConnection(project.id, query, args, info);
    // The archived list is a side list, read on its own; the default one is batched across projects.
    const archived = args.archived === true;
    return resolveConnection(args, info, {
      parentId: project.id,
      cursorKey: pinnedCreatedAtIdCursorKey,
      keyOf: sessionKey,
      fetchPage: (page) => (archived ? listSessions(project.id, page, { archived }) : loaders.sessionPages.load(project.id, page)),
      count: () => (archived ? loaders.archivedSessionCounts : loaders.sessionCounts).load(project.id),
    });
  },
};

/** Search results: their own cursors (relevance, time, id) on a list of their own per search, paged either way. */
function searchConnection(projectId: ProjectRow['id'], query: string, args: ConnectionArgs & { archived?: boolean | null }, info: GraphQLResolveInfo) {
  const archived = args.archived === true;
  return resolveConnection(args, info, {
    parentId: searchListParent(projectId, query, archived),
    cursorKey: rankCreatedAtIdCursorKey,
    keyOf: searchKey,
    fetchPage: ({ first, after, last, before }) => searchSessions(projectId, query, { first, after, last, before }, { archived }),
    count: () => countSearchResults(projectId, query, { archived }),
  });
}
