import { parse } from 'graphql';

/*
 * The operations of docs/clients.md, shared by the Apollo Client and urql recipes. What the cache
 * recipes need of them: session rows select `pinned`,
 * `archived` and `createdAt` (a list's order is pinned first, then newest first), lists select
 * `totalCount` and `pageInfo`, and every payload selects what changed: `sessionEdge`,
 * `messageEdges`, `projectEdge`, `deletedSessionIds`, the sessions and the `project` with its
 * `sessionCounts` and `currentSession`.
 */

const SESSION_ROW = 'fragment SessionRow on Session { id title createdAt isCurrent pinned archived }';
const SESSION_LIST = 'fragment SessionList on SessionConnection { totalCount edges { cursor node { ...SessionRow } } pageInfo { hasNextPage endCursor } }';
const MESSAGES =
  'fragment Messages on Session { messages(first: 50) { totalCount edges { cursor node { id role content } } pageInfo { hasNextPage endCursor } } }';
const PROJECT_STATE = 'fragment ProjectState on Project { id currentSession { id } sessionCounts { active archived pinned } }';
const TIMELINE = 'fragment TimelineClips on Timeline { id totalDurationMs clips { id name durationMs position } }';

/** A project's screen: the session history (and its archive), the counts, the current session's conversation, the timeline, and the viewer's projects. */
export const SCREEN = parse(`
  query Screen($projectId: ID!) {
    viewer { id projects(first: 20) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }
    project(id: $projectId) {
      id
      sessionCounts { active archived pinned }
      currentSession { ...SessionRow ...Messages }
      sessions(first: 20) { ...SessionList }
      archivedSessions: sessions(first: 20, archived: true) { ...SessionList }
      timeline { ...TimelineClips }
    }
  }
  ${SESSION_ROW} ${SESSION_LIST} ${MESSAGES} ${TIMELINE}
`);

/** The payload of a session switch: the session opened (with its conversation), its edge, the one left and the ones deleted. */
const SWITCHED = `session { ...SessionRow ...Messages } sessionEdge { cursor node { ...SessionRow } } previousSession { ...SessionRow } deletedSessionIds project { ...ProjectState }`;

export const START_SESSION = parse(`
  mutation StartSession($projectId: ID!) { startSession(input: { projectId: $projectId }) { ${SWITCHED} } }
  ${SESSION_ROW} ${MESSAGES} ${PROJECT_STATE}
`);

export const RESTORE_SESSION = parse(`
  mutation RestoreSession($sessionId: ID!) { restoreSession(input: { sessionId: $sessionId }) { ${SWITCHED} } }
  ${SESSION_ROW} ${MESSAGES} ${PROJECT_STATE}
`);

export const FORK_SESSION = parse(`
  mutation ForkSession($messageId: ID!) { forkSession(input: { messageId: $messageId }) { ${SWITCHED} timeline { ...TimelineClips } } }
  ${SESSION_ROW} ${MESSAGES} ${PROJECT_STATE} ${TIMELINE}
`);

const flag = (name: string) =>
  parse(`
    mutation ${name[0].toUpperCase()}${name.slice(1)}($sessionId: ID!) {
      ${name}(input: { sessionId: $sessionId }) { session { ...SessionRow } sessionEdge { cursor node { ...SessionRow } } project { ...ProjectState } }
    }
    ${SESSION_ROW} ${PROJECT_STATE}
  `);
export const PIN_SESSION = flag('pinSession');
export const UNPIN_SESSION = flag('unpinSession');
export const ARCHIVE_SESSION = flag('archiveSession');
export const UNARCHIVE_SESSION = flag('unarchiveSession');

export const RENAME_SESSION = parse(`
  mutation RenameSession($sessionId: ID!, $title: String!) { renameSession(input: { sessionId: $sessionId, title: $title }) { session { ...SessionRow } } }
  ${SESSION_ROW}
`);

export const DELETE_SESSION = parse(`
  mutation DeleteSession($sessionId: ID!) { deleteSession(input: { sessionId: $sessionId }) { deletedSessionIds project { ...ProjectState } } }
  ${PROJECT_STATE}
`);

export const SEND_MESSAGE = parse(`
  mutation SendMessage($sessionId: ID!, $content: String!) {
    sendMessage(input: { sessionId: $sessionId, content: $content }) {
      userMessage { id }
      messageEdges { cursor node { id role content } }
      session { ...SessionRow }
      timeline { ...TimelineClips }
      project { ...ProjectState }
    }
  }
  ${SESSION_ROW} ${PROJECT_STATE} ${TIMELINE}
`);

export const RESTORE_TIMELINE = parse(`
  mutation RestoreTimeline($messageId: ID!) {
    restoreTimeline(input: { messageId: $messageId }) {
      messageEdges { cursor node { id role content } }
      revertedEdits { id revertedAt }
      session { ...SessionRow }
      timeline { ...TimelineClips }
      project { ...ProjectState }
    }
  }
  ${SESSION_ROW} ${PROJECT_STATE} ${TIMELINE}
`);

export const CREATE_PROJECT = parse(`
  mutation CreateProject($name: String!) { createProject(input: { name: $name }) { project { id name } projectEdge { cursor node { id name } } } }
`);
