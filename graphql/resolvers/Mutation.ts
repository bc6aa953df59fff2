import { createAccessToken, revokeAccessToken } from '@/db/accessTokens';
import { sendInstruction } from '@/db/instructions';
import { createProject, renameProject } from '@/db/projects';
import { deleteSession, renameSession, restoreSession, startSession } from '@/db/sessions';
import { validateClientMessageId, validateInstruction, validateName } from '@/lib/validation';
import { requireAccessToken, requireProject, requireSession, requireViewer, requireWebSession } from '../access';
import { notFound } from '../errors';
import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';


/*
 * Each mutation: check access, validate, write through the data layer, then forget what this
 * request's loaders read before the write, so the payload shows the state after it.
 */
export const Mutation: TypeResolvers<'Mutation'> = {
  async createProject(_root, { input }, ctx) {
    const viewer = requireViewer(ctx);
    const project = await createProject(viewer.user.id, validateName('name', input.name));
    viewer.loaders.clearAll();
    return { clientMutationId: input.clientMutationId, project };
  },

  async renameProject(_root, { input }, ctx) {
    const viewer = requireViewer(ctx);
    const project = await requireProject(ctx, input.projectId, 'projectId');
    const renamed = await renameProject(project.id, validateName('name', input.name));
    viewer.loaders.clearAll();
    return { clientMutationId: input.clientMutationId, project: renamed };
  },

  async startSession(_root, { input }, ctx) {
    const viewer = requireViewer(ctx);
    const project = await requireProject(ctx, input.projectId, 'projectId');
    const session = await startSession(viewer.user.id, project.id);
    viewer.loaders.clearAll();
    return { clientMutationId: input.clientMutationId, session };
  },

  async restoreSession(_root, { input }, ctx) {
    const viewer = requireViewer(ctx);
    const session = await requireSession(ctx, input.sessionId, 'sessionId');
    const restored = await restoreSession(viewer.user.id, session);
    viewer.loaders.clearAll();
    return { clientMutationId: input.clientMutationId, session: restored };
  },

  async sendMessage(_root, { input }, ctx) {
    const viewer = requireViewer(ctx);
    const session = await requireSession(ctx, input.sessionId, 'sessionId');
    const content = validateInstruction(input.content);
    const clientMessageId = validateClientMessageId(input.clientMessageId);
    const result = await sendInstruction({ session, content, clientMessageId });
    viewer.loaders.clearAll();
    return {
      clientMutationId: input.clientMutationId,
      userMessage: result.userMessage,
      reply: result.reply,
      edits: result.edits,
      timeline: { clips: result.timeline },
      // Read again: the message count and, after the first instruction, the title changed.
      session: await requireSession(ctx, input.sessionId, 'sessionId'),
    };
  },

  async renameSession(_root, { input }, ctx) {
    const viewer = requireViewer(ctx);
    const session = await requireSession(ctx, input.sessionId, 'sessionId');
    const renamed = await renameSession(session.id, validateName('title', input.title));
    viewer.loaders.clearAll();
    if (!renamed) throw notFound('Session', input.sessionId);
    return { clientMutationId: input.clientMutationId, session: renamed };
  },

  async deleteSession(_root, { input }, ctx) {
    const viewer = requireViewer(ctx);
    const session = await requireSession(ctx, input.sessionId, 'sessionId');
    await deleteSession(session.id);
    viewer.loaders.clearAll();
    return { clientMutationId: input.clientMutationId, deletedSessionId: toGlobalId('Session', session.id) };
  },

  async createAccessToken(_root, { input }, ctx) {
    const viewer = requireWebSession(ctx, 'Creating an access token');
    const created = await createAccessToken(viewer.user.id, validateName('name', input.name));
    viewer.loaders.clearAll();
    return { clientMutationId: input.clientMutationId, token: created.token, accessToken: created.accessToken };
  },

  async revokeAccessToken(_root, { input }, ctx) {
    const viewer = requireViewer(ctx);
    const token = await requireAccessToken(ctx, input.accessTokenId, 'accessTokenId');
    const revoked = await revokeAccessToken(viewer.user.id, token.id);
    viewer.loaders.clearAll();
    if (!revoked) throw notFound('AccessToken', input.accessTokenId);
    return { clientMutationId: input.clientMutationId, accessToken: revoked };
  },
};
