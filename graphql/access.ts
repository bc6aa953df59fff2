import type { AccessToken, Edit, Message, Project, Session, User } from '@/db/schema';
import { requireViewer as requireScope } from '@/server/access';
import type { GraphQLContext, SignedInViewer } from './context';
import { badUserInput, notFound, unauthenticated } from './errors';
import { fromGlobalId, toGlobalId, type NodeType } from './ids';

/**
 * The one place that decides what a request may see. Every object a resolver hands out was
 * reached through these checks (or is a child of one that was), and every by-id read is
 * scoped to the viewer, so another user's object answers NOT_FOUND exactly like a missing one.
 */

export interface NodeRows {
  User: User;
  Project: Project;
  Session: Session;
  Message: Message;
  Edit: Edit;
  AccessToken: AccessToken;
}
export type NodeRow = NodeRows[NodeType];

const NODE_READERS: { [Type in NodeType]: (viewer: SignedInViewer, id: string) => Promise<NodeRows[Type] | null> } = {
  User: (viewer, id) => Promise.resolve(id === viewer.user.id ? viewer.user : null),
  Project: (viewer, id) => viewer.loaders.projects.load(id),
  Session: (viewer, id) => viewer.loaders.sessions.load(id),
  Message: (viewer, id) => viewer.loaders.messages.load(id),
  Edit: (viewer, id) => viewer.loaders.edits.load(id),
  // Tokens are ADMIN's business, as in their use cases (server/accessTokens.ts).
  AccessToken: (viewer, id) => (requireScope({ viewer }, 'ADMIN'), viewer.loaders.accessTokens.load(id)),
};

/** The viewer; reading anything needs the READ scope, which every credential has (server/access.ts decides). */
export function requireViewer(ctx: GraphQLContext): SignedInViewer {
  if (!ctx.viewer) throw unauthenticated();
  requireScope(ctx, 'READ');
  return ctx.viewer;
}

/**
 * The database id inside a global id of the expected type, for handing to a use case (which
 * checks ownership itself). Nobody signed in is UNAUTHENTICATED before the id is looked at; a
 * malformed id, or one of another type, is BAD_USER_INPUT.
 */
export function databaseId(ctx: GraphQLContext, globalId: string, type: NodeType, field: string): string {
  requireViewer(ctx);
  const parsed = parseId(globalId, field);
  if (parsed.type !== type) throw badUserInput(field, `\`${field}\` is not the id of a ${type}.`);
  return parsed.id;
}

/** The type each row handed out as a `Node` was read as: rows carry no type tag of their own. */
const nodeTypes = new WeakMap<NodeRow, NodeType>();

/** Any object the viewer may see, by global id. `field` names the argument for error messages. */
export async function requireNode(ctx: GraphQLContext, globalId: string, field = 'id'): Promise<NodeRow> {
  const viewer = requireViewer(ctx);
  const { type, id } = parseId(globalId, field);
  const row = found(type, globalId, await NODE_READERS[type](viewer, id));
  nodeTypes.set(row, type);
  return row;
}

/** The GraphQL type of a row requireNode handed out; anything else is a bug, not a guess. */
export function nodeTypeOf(row: NodeRow): NodeType {
  const type = nodeTypes.get(row);
  if (!type) throw new Error('A Node was resolved without going through requireNode, so its type is unknown.');
  return type;
}

export function requireProject(ctx: GraphQLContext, globalId: string, field = 'id'): Promise<Project> {
  return requireOwned(ctx, 'Project', globalId, field);
}

export function requireSession(ctx: GraphQLContext, globalId: string, field = 'id'): Promise<Session> {
  return requireOwned(ctx, 'Session', globalId, field);
}

/** The project of something already checked (a session, an event); NOT_FOUND when it was deleted meanwhile. */
export async function requireProjectOf(ctx: GraphQLContext, session: Pick<Session, 'projectId'>): Promise<Project> {
  const project = await requireViewer(ctx).loaders.projects.load(session.projectId);
  if (!project) throw notFound('Project', toGlobalId('Project', session.projectId));
  return project;
}

async function requireOwned<Type extends NodeType>(ctx: GraphQLContext, type: Type, globalId: string, field: string): Promise<NodeRows[Type]> {
  const viewer = requireViewer(ctx);
  return found(type, globalId, await NODE_READERS[type](viewer, databaseId(ctx, globalId, type, field)));
}

function parseId(globalId: string, field: string): { type: NodeType; id: string } {
  const parsed = fromGlobalId(globalId);
  if (!parsed) throw badUserInput(field, `\`${field}\` is not a valid id.`);
  return parsed;
}

function found<Row>(type: NodeType, globalId: string, row: Row | null): Row {
  if (!row) throw notFound(type, globalId);
  return row;
}
