import type { ProjectEventRow } from '../models';
import { subscribeToProjectEvents } from '@/server/projectEvents';
import { databaseId } from '../access';
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

const dataOf = (event: ProjectEventRow) => (event.data ?? {}) as { offset?: unknown; text?: unknown; status?: unknown };

export const ProjectEvent: TypeResolvers<'ProjectEvent'> = {
  id: (event) => String(event.id),
  session: (event, _args, ctx) => (event.sessionId ? (ctx.viewer?.loaders.sessions.load(event.sessionId) ?? null) : null),
  message: (event, _args, ctx) => (event.messageId ? (ctx.viewer?.loaders.messages.load(event.messageId) ?? null) : null),
  offset: (event) => (typeof dataOf(event).offset === 'number' ? (dataOf(event).offset as number) : null),
  text: (event) => (typeof dataOf(event).text === 'string' ? (dataOf(event).text as string) : null),
  status: (event) => (typeof dataOf(event).status === 'string' ? (dataOf(event).status as string) : null),
};
