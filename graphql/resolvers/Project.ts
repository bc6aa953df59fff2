import { listSessions, sessionKey } from '@/db/sessions';
import { requireViewer } from '../access';
import { pinnedCreatedAtIdCursorKey, resolveConnection } from '../connections';
import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';

export const Project: TypeResolvers<'Project'> = {
  id: (project) => toGlobalId('Project', project.id),
  timeline: async (project, _args, ctx) => ({ projectId: project.id, clips: await requireViewer(ctx).loaders.timelines.load(project.id) }),
  currentSession: (project, _args, ctx) => requireViewer(ctx).loaders.currentSessions.load(project.id),
  sessions(project, args, ctx, info) {
    const { loaders } = requireViewer(ctx);
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
