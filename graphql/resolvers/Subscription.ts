import type { ProjectEventType as ProjectEventTypeName } from '@/lib/projectEventTypes';
import type { ProjectEventType } from '../__generated__/resolvers-types';
import type { ProjectEventRow } from '../models';
import { subscribeToProjectEvents } from '@/server/projectEvents';
import { databaseId, requireProjectOf, requireViewer } from '../access';
import { messageEdge, sessionEdge } from '../edges';
import { toGlobalId } from '../ids';
import { STATUSES } from './Message';
import type { GraphQLContext } from '../context';
import type { TypeResolvers } from './types';

/*
 * Live updates (graphql-sse at /api/graphql/stream): the project's event feed, the same one the
 * events route streams. Each event is delivered as it is; its fields resolve what it names.
 */
export const Subscription: TypeResolvers<'Subscription'> = {
  projectEvents: {
    subscribe: async (_root, { projectId, after }, ctx) =>
      subscribeToProjectEvents(ctx, ctx.request, { projectId: databaseId(ctx, projectId, 'Project', 'projectId'), after }),
    resolve: fresh,
  },
  sessionMessages: {
    subscribe: async (_root, { sessionId, after }, ctx) =>
      subscribeToProjectEvents(ctx, ctx.request, { sessionId: databaseId(ctx, sessionId, 'Session', 'sessionId'), after }),
    resolve: fresh,
  },
};

/** A subscription's context lives as long as it does: each event reads what it names afresh. */
function fresh(event: ProjectEventRow, _args: unknown, ctx: GraphQLContext): ProjectEventRow {
  ctx.viewer?.loaders.clearAll();
  return event;
}

const TYPES: Record<ProjectEventTypeName, ProjectEventType> = {
  'instruction.answered': 'INSTRUCTION_ANSWERED',
  'reply.started': 'REPLY_STARTED',
  'reply.delta': 'REPLY_DELTA',
  'reply.finished': 'REPLY_FINISHED',
  'session.started': 'SESSION_STARTED',
  'session.restored': 'SESSION_RESTORED',
  'session.renamed': 'SESSION_RENAMED',
  'session.deleted': 'SESSION_DELETED',
  'session.pinned': 'SESSION_PINNED',
  'session.unpinned': 'SESSION_UNPINNED',
  'session.archived': 'SESSION_ARCHIVED',
  'session.unarchived': 'SESSION_UNARCHIVED',
  'session.forked': 'SESSION_FORKED',
  'session.compacted': 'SESSION_COMPACTED',
  'timeline.restored': 'TIMELINE_RESTORED',
  'project.renamed': 'PROJECT_RENAMED',
};

const dataOf = (event: ProjectEventRow) => (event.data ?? {}) as { offset?: unknown; text?: unknown; status?: unknown };
const isSessionEvent = (event: ProjectEventRow) => event.type.startsWith('session.') && event.type !== 'session.deleted';

const sessionOf = (event: ProjectEventRow, ctx: GraphQLContext) => (event.sessionId ? requireViewer(ctx).loaders.sessions.load(event.sessionId) : null);
const messageOf = (event: ProjectEventRow, ctx: GraphQLContext) => (event.messageId ? requireViewer(ctx).loaders.messages.load(event.messageId) : null);

/** Each field reads what the event names when it is delivered, so the objects are as they are now (the schema says so). */
export const ProjectEvent: TypeResolvers<'ProjectEvent'> = {
  id: (event) => String(event.id),
  type: (event) => TYPES[event.type as ProjectEventTypeName],
  session: (event, _args, ctx) => sessionOf(event, ctx),
  async sessionEdge(event, _args, ctx) {
    const session = isSessionEvent(event) ? await sessionOf(event, ctx) : null;
    return session ? sessionEdge(session) : null;
  },
  deletedSessionIds: (event) => (event.type === 'session.deleted' && event.sessionId ? [toGlobalId('Session', event.sessionId)] : []),
  message: (event, _args, ctx) => messageOf(event, ctx),
  async messageEdges(event, _args, ctx) {
    if (event.type !== 'instruction.answered') return [];
    const reply = await messageOf(event, ctx);
    const instruction = reply?.replyToId ? await requireViewer(ctx).loaders.messages.load(reply.replyToId) : null;
    return reply && instruction ? [messageEdge(instruction), messageEdge(reply)] : [];
  },
  project: (event, _args, ctx) => requireProjectOf(ctx, event),
  offset: (event) => (typeof dataOf(event).offset === 'number' ? (dataOf(event).offset as number) : null),
  text: (event) => (typeof dataOf(event).text === 'string' ? (dataOf(event).text as string) : null),
  status: (event) => {
    const { status } = dataOf(event);
    return typeof status === 'string' && status in STATUSES ? STATUSES[status as keyof typeof STATUSES] : null;
  },
};
