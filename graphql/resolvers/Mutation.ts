import * as accessTokens from '@/server/accessTokens';
import * as instructions from '@/server/instructions';
import * as projects from '@/server/projects';
import * as sessions from '@/server/sessions';
import { databaseId } from '../access';
import type { GraphQLContext } from '../context';
import { notFound } from '../errors';
import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';

/*
 * Each mutation maps its input to a use case (server/): global ids to database ids, and the
 * use case's result to the payload. Afterwards this request's loaders forget what they read
 * before the write, so the payload shows the state after it.
 */
function wrote(ctx: GraphQLContext): void {
  ctx.viewer?.loaders.clearAll();
}

export const Mutation: TypeResolvers<'Mutation'> = {
  async createProject(_root, { input }, ctx) {
    const project = await projects.createProject(ctx, { name: input.name });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, project };
  },

  async renameProject(_root, { input }, ctx) {
    const project = await projects.renameProject(ctx, { projectId: databaseId(ctx, input.projectId, 'Project', 'projectId'), name: input.name });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, project };
  },

  async startSession(_root, { input }, ctx) {
    const session = await sessions.startSession(ctx, { projectId: databaseId(ctx, input.projectId, 'Project', 'projectId') });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, session };
  },

  async restoreSession(_root, { input }, ctx) {
    const session = await sessions.restoreSession(ctx, { sessionId: databaseId(ctx, input.sessionId, 'Session', 'sessionId') });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, session };
  },

  async sendMessage(_root, { input }, ctx) {
    const sessionId = databaseId(ctx, input.sessionId, 'Session', 'sessionId');
    const result = await instructions.sendInstruction(ctx, { sessionId, content: input.content, clientMessageId: input.clientMessageId });
    wrote(ctx);
    // Read again: the message count and, after the first instruction, the title changed.
    const session = await ctx.viewer?.loaders.sessions.load(sessionId);
    if (!session) throw notFound('Session', input.sessionId);
    return {
      clientMutationId: input.clientMutationId,
      userMessage: result.userMessage,
      reply: result.reply,
      edits: result.edits,
      timeline: { clips: result.timeline },
      session,
    };
  },

  async stopGeneration(_root, { input }, ctx) {
    const message = await instructions.stopGeneration(ctx, { messageId: databaseId(ctx, input.messageId, 'Message', 'messageId') });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, message };
  },

  async retryMessage(_root, { input }, ctx) {
    const result = await instructions.retryMessage(ctx, { messageId: databaseId(ctx, input.messageId, 'Message', 'messageId') });
    wrote(ctx);
    const session = await ctx.viewer?.loaders.sessions.load(result.userMessage.sessionId);
    if (!session) throw notFound('Session', toGlobalId('Session', result.userMessage.sessionId));
    return {
      clientMutationId: input.clientMutationId,
      userMessage: result.userMessage,
      reply: result.reply,
      edits: result.edits,
      timeline: { clips: result.timeline },
      session,
    };
  },

  async renameSession(_root, { input }, ctx) {
    const session = await sessions.renameSession(ctx, { sessionId: databaseId(ctx, input.sessionId, 'Session', 'sessionId'), title: input.title });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, session };
  },

  async deleteSession(_root, { input }, ctx) {
    const session = await sessions.deleteSession(ctx, { sessionId: databaseId(ctx, input.sessionId, 'Session', 'sessionId') });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, deletedSessionId: toGlobalId('Session', session.id) };
  },

  async createAccessToken(_root, { input }, ctx) {
    const created = await accessTokens.createAccessToken(ctx, { name: input.name });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, token: created.token, accessToken: created.accessToken };
  },

  async revokeAccessToken(_root, { input }, ctx) {
    const accessTokenId = databaseId(ctx, input.accessTokenId, 'AccessToken', 'accessTokenId');
    const accessToken = await accessTokens.revokeAccessToken(ctx, { accessTokenId });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, accessToken };
  },
};
