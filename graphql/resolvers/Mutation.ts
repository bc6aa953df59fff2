import * as accessTokens from '@/server/accessTokens';
import * as checkpoints from '@/server/checkpoints';
import * as instructions from '@/server/instructions';
import * as projects from '@/server/projects';
import * as sessionContext from '@/server/sessionContext';
import * as sessions from '@/server/sessions';
import { databaseId, requireProjectOf } from '../access';
import type { GraphQLContext } from '../context';
import { messageEdge, projectEdge, sessionEdge } from '../edges';
import { notFound } from '../errors';
import { toGlobalId } from '../ids';
import { withGlobalClipIds } from './clipConflicts';
import type { TypeResolvers } from './types';

/*
 * Each mutation maps its input to a use case (server/): global ids to database ids, and the
 * use case's result to the payload. Afterwards this request's loaders forget what they read
 * before the write, so the payload shows the state after it.
 */
function wrote(ctx: GraphQLContext): void {
  ctx.viewer?.loaders.clearAll();
}

async function projectOf(ctx: GraphQLContext, projectId: string) {
  const project = await ctx.viewer?.loaders.projects.load(projectId);
  if (!project) throw notFound('Project', toGlobalId('Project', projectId));
  return project;
}

/**
 * An instruction's outcome as its payload; the session is read again (its message count and,
 * after the first instruction, its title changed). `added` says whether this request stored the
 * messages (a retry answers into the reply already listed).
 */
async function instructionPayload(ctx: GraphQLContext, result: instructions.InstructionResult, added: boolean) {
  const sessionId = result.userMessage.sessionId;
  // The instruction's transaction may hand back the session and project as it left them: read again only otherwise.
  if (result.session) ctx.viewer?.loaders.sessions.prime(sessionId, result.session);
  if (result.project) ctx.viewer?.loaders.projects.prime(result.project.id, result.project);
  const session = await ctx.viewer?.loaders.sessions.load(sessionId);
  if (!session) throw notFound('Session', toGlobalId('Session', sessionId));
  return {
    userMessage: result.userMessage,
    reply: result.reply,
    edits: result.edits,
    timeline: { projectId: session.projectId, clips: result.timeline },
    session,
    project: await projectOf(ctx, session.projectId),
    messageEdges: added ? [messageEdge(result.userMessage), messageEdge(result.reply)] : [],
  };
}

/**
 * What a session switch changed, for normalized caches: the new current session and its edge,
 * its project, the one it replaced, and the empty one it deleted.
 */
async function afterSwitch(ctx: GraphQLContext, { session, previousSessionId, deletedSessionId }: sessions.SessionSwitch) {
  return {
    session,
    sessionEdge: sessionEdge(session),
    project: await projectOf(ctx, session.projectId),
    previousSession: previousSessionId ? await ctx.viewer?.loaders.sessions.load(previousSessionId) : null,
    deletedSessionIds: deletedSessionId ? [toGlobalId('Session', deletedSessionId)] : [],
  };
}

export const Mutation: TypeResolvers<'Mutation'> = {
  async createProject(_root, { input }, ctx) {
    const project = await projects.createProject(ctx, { name: input.name });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, project, projectEdge: projectEdge(project) };
  },

  async renameProject(_root, { input }, ctx) {
    const project = await projects.renameProject(ctx, { projectId: databaseId(ctx, input.projectId, 'Project', 'projectId'), name: input.name });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, project };
  },

  async startSession(_root, { input }, ctx) {
    const switched = await sessions.startSession(ctx, { projectId: databaseId(ctx, input.projectId, 'Project', 'projectId') });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, ...(await afterSwitch(ctx, switched)) };
  },

  async restoreSession(_root, { input }, ctx) {
    const switched = await sessions.restoreSession(ctx, { sessionId: databaseId(ctx, input.sessionId, 'Session', 'sessionId') });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, ...(await afterSwitch(ctx, switched)) };
  },

  async sendMessage(_root, { input }, ctx) {
    const sessionId = databaseId(ctx, input.sessionId, 'Session', 'sessionId');
    const result = await instructions.sendInstruction(ctx, { sessionId, content: input.content, clientMessageId: input.clientMessageId });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, ...(await instructionPayload(ctx, result, true)) };
  },

  async stopGeneration(_root, { input }, ctx) {
    const message = await instructions.stopGeneration(ctx, { messageId: databaseId(ctx, input.messageId, 'Message', 'messageId') });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, message };
  },

  async retryMessage(_root, { input }, ctx) {
    const result = await instructions.retryMessage(ctx, { messageId: databaseId(ctx, input.messageId, 'Message', 'messageId') });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, ...(await instructionPayload(ctx, result, false)) };
  },

  async compactSession(_root, { input }, ctx) {
    const { session, foldedMessages } = await sessionContext.compactSession(ctx, { sessionId: databaseId(ctx, input.sessionId, 'Session', 'sessionId') });
    wrote(ctx);
    const compacted = await ctx.viewer?.loaders.sessions.load(session.id);
    if (!compacted) throw notFound('Session', toGlobalId('Session', session.id));
    return { clientMutationId: input.clientMutationId, session: compacted, foldedMessageCount: foldedMessages };
  },

  async renameSession(_root, { input }, ctx) {
    const session = await sessions.renameSession(ctx, { sessionId: databaseId(ctx, input.sessionId, 'Session', 'sessionId'), title: input.title });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, session };
  },

  async deleteSession(_root, { input }, ctx) {
    const session = await sessions.deleteSession(ctx, { sessionId: databaseId(ctx, input.sessionId, 'Session', 'sessionId') });
    wrote(ctx);
    const deletedSessionId = toGlobalId('Session', session.id);
    return {
      clientMutationId: input.clientMutationId,
      deletedSessionId,
      deletedSessionIds: [deletedSessionId],
      project: await projectOf(ctx, session.projectId),
    };
  },

  pinSession: (_root, { input }, ctx) => setSessionFlag(ctx, input, sessions.pinSession),
  unpinSession: (_root, { input }, ctx) => setSessionFlag(ctx, input, sessions.unpinSession),
  archiveSession: (_root, { input }, ctx) => setSessionFlag(ctx, input, sessions.archiveSession),
  unarchiveSession: (_root, { input }, ctx) => setSessionFlag(ctx, input, sessions.unarchiveSession),

  async createAccessToken(_root, { input }, ctx) {
    const created = await accessTokens.createAccessToken(ctx, {
      name: input.name,
      scopes: input.scopes,
      projectIds: input.projectIds?.map((id) => databaseId(ctx, id, 'Project', 'projectIds')),
      expiresAt: input.expiresAt,
    });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, token: created.token, accessToken: created.accessToken };
  },

  async revokeAccessToken(_root, { input }, ctx) {
    const accessTokenId = databaseId(ctx, input.accessTokenId, 'AccessToken', 'accessTokenId');
    const accessToken = await accessTokens.revokeAccessToken(ctx, { accessTokenId });
    wrote(ctx);
    return { clientMutationId: input.clientMutationId, accessToken };
  },

  async restoreTimeline(_root, { input }, ctx) {
    const messageId = databaseId(ctx, input.messageId, 'Message', 'messageId');
    const result = await withGlobalClipIds(() => checkpoints.restoreTimeline(ctx, { messageId, basis: input.basis }));
    wrote(ctx);
    return {
      clientMutationId: input.clientMutationId,
      edit: result.edit,
      changes: result.changes,
      timeline: { projectId: result.recordedIn.projectId, clips: result.timeline },
      session: result.recordedIn,
      project: await requireProjectOf(ctx, result.recordedIn),
      messageEdges: [messageEdge(result.userMessage), messageEdge(result.reply)],
      revertedEdits: result.revertedEdits,
    };
  },

  async forkSession(_root, { input }, ctx) {
    const messageId = databaseId(ctx, input.messageId, 'Message', 'messageId');
    const result = await withGlobalClipIds(() => checkpoints.forkSession(ctx, { messageId, restoreTimeline: input.restoreTimeline ?? true }));
    wrote(ctx);
    return {
      clientMutationId: input.clientMutationId,
      ...(await afterSwitch(ctx, result)),
      edit: result.restore?.edit ?? null,
      timeline: { projectId: result.session.projectId, clips: result.timeline },
    };
  },
};

async function setSessionFlag(ctx: GraphQLContext, input: { sessionId: string; clientMutationId?: string | null }, setFlag: typeof sessions.pinSession) {
  const session = await setFlag(ctx, { sessionId: databaseId(ctx, input.sessionId, 'Session', 'sessionId') });
  wrote(ctx);
  return { clientMutationId: input.clientMutationId, session, sessionEdge: sessionEdge(session), project: await projectOf(ctx, session.projectId) };
}
