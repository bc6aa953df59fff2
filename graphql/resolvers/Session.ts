import { seqKeyOf } from '@/lib/listKeys';
import * as sessionContext from '@/server/sessionContext';
import type { SessionTitleSource } from '../__generated__/resolvers-types';
import type { SessionRow } from '../models';
import { requireProjectOf, requireViewer } from '../access';
import { resolveConnection, seqCursorKey } from '../connections';
import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';

const TITLE_SOURCES: Record<SessionRow['titleSource'], SessionTitleSource> = { instruction: 'INSTRUCTION', edits: 'EDITS', user: 'USER' };

export const Session: TypeResolvers<'Session'> = {
  id: (session) => toGlobalId('Session', session.id),
  titleSource: (session) => TITLE_SOURCES[session.titleSource],
  project: (session, _args, ctx) => requireProjectOf(ctx, session),
  isCurrent: async (session, _args, ctx) => (await requireViewer(ctx).loaders.currentSessions.load(session.projectId))?.id === session.id,
  messages(session, args, ctx, info) {
    const { loaders } = requireViewer(ctx);
    return resolveConnection(args, info, {
      parentId: session.id,
      cursorKey: seqCursorKey,
      keyOf: seqKeyOf,
      fetchPage: (page) => loaders.messagePages.load(session.id, page),
      count: () => Promise.resolve(session.messageCount),
    });
  },
  edits: (session, _args, ctx) => requireViewer(ctx).loaders.editsBySession.load(session.id),
  forkedFromSession: (session, _args, ctx) => (session.forkedFromSessionId ? requireViewer(ctx).loaders.sessions.load(session.forkedFromSessionId) : null),
  forkedFromMessage: (session, _args, ctx) => (session.forkedFromMessageId ? requireViewer(ctx).loaders.messages.load(session.forkedFromMessageId) : null),
  contextUsage: (session, _args, ctx) => sessionContext.contextUsage(ctx, { sessionId: session.id }),
};
