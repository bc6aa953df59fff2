import { createdAtKeyOf } from '@/lib/listKeys';
import { requireViewer } from '../access';
import { createdAtIdCursorKey, resolveConnection } from '../connections';
import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';

export const Project: TypeResolvers<'Project'> = {
  id: (project) => toGlobalId('Project', project.id),
  timeline: async (project, _args, ctx) => ({ projectId: project.id, clips: await requireViewer(ctx).loaders.timelines.load(project.id) }),
  currentSession: (project, _args, ctx) => requireViewer(ctx).loaders.currentSessions.load(project.id),
  sessions(project, args, ctx, info) {
    const { loaders } = requireViewer(ctx);
    return resolveConnection(args, info, {
      parentId: project.id,
      cursorKey: createdAtIdCursorKey,
      keyOf: createdAtKeyOf,
      fetchPage: (page) => loaders.sessionPages.load(project.id, page),
      count: () => loaders.sessionCounts.load(project.id),
    });
  },
};
