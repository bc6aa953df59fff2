import type { Message, Project, Session } from '@/db/schema';
import { createdAtKeyOf, pinnedCreatedAtKeyOf, seqKeyOf } from '@/lib/listKeys';
import { createdAtIdCursorKey, edgeOf, pinnedCreatedAtIdCursorKey, seqCursorKey } from './connections';

/*
 * The edges mutation payloads return for caches to insert. Each is the edge the list's own
 * field would give the node (the same list name, parent and key as its resolver), so its cursor
 * pages on from there.
 */

/** A session's edge in `Project.sessions` (the archived list shares the name and parent). */
export const sessionEdge = (session: Session) =>
  edgeOf({ name: 'Project.sessions', parentId: session.projectId }, pinnedCreatedAtIdCursorKey, pinnedCreatedAtKeyOf(session), session);

/** A message's edge in `Session.messages`. */
export const messageEdge = (message: Message) => edgeOf({ name: 'Session.messages', parentId: message.sessionId }, seqCursorKey, seqKeyOf(message), message);

/** A project's edge in its owner's `User.projects`. */
export const projectEdge = (project: Project) =>
  edgeOf({ name: 'User.projects', parentId: project.ownerId }, createdAtIdCursorKey, createdAtKeyOf(project), project);
