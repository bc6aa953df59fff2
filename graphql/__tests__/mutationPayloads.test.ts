import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';
import { toGlobalId } from '../ids';
import { ApiClient, codes, sessionCookie, setUpApiServer } from './support/api';

/**
 * What list-changing mutations return for normalized caches (Relay's mutation conventions): the
 * edge to insert, whose cursor pages the list on from there; the ids removed; the project with
 * its counts. Each is checked against a fresh read of the same list.
 */
setUpTestDatabase();

const server = setUpApiServer();

interface Counts {
  active: number;
  archived: number;
  pinned: number;
}
interface SessionRef {
  id: string;
  isCurrent: boolean;
}
interface Switched {
  session: SessionRef;
  sessionEdge: { cursor: string; node: SessionRef };
  previousSession: SessionRef | null;
  deletedSessionIds: string[];
  project: { id: string; currentSession: { id: string } | null; sessionCounts: Counts };
}

const COUNTS = 'sessionCounts { active archived pinned }';
const SWITCHED = `session { id isCurrent } sessionEdge { cursor node { id isCurrent } } previousSession { id isCurrent } deletedSessionIds project { id currentSession { id } ${COUNTS} }`;
const START = `mutation($id: ID!) { startSession(input: { projectId: $id }) { ${SWITCHED} } }`;
const RESTORE = `mutation($id: ID!) { restoreSession(input: { sessionId: $id }) { ${SWITCHED} } }`;
const FORK = `mutation($id: ID!) { forkSession(input: { messageId: $id }) { ${SWITCHED} } }`;
const SEND = `mutation($id: ID!, $content: String!) {
  sendMessage(input: { sessionId: $id, content: $content }) {
    userMessage { id } reply { id } messageEdges { cursor node { id role } } project { id ${COUNTS} }
  }
}`;
const FLAG = (name: string) =>
  `mutation($id: ID!) { ${name}(input: { sessionId: $id }) { session { id pinned archived } sessionEdge { cursor node { id } } project { id ${COUNTS} } } }`;
const DELETE = `mutation($id: ID!) { deleteSession(input: { sessionId: $id }) { deletedSessionId deletedSessionIds project { id currentSession { id } ${COUNTS} } } }`;
const LIST = `query($id: ID!, $archived: Boolean, $after: String) {
  project(id: $id) { sessions(first: 50, after: $after, archived: $archived) { totalCount edges { cursor node { id } } } ${COUNTS} }
}`;
const MESSAGES = 'query($id: ID!, $after: String) { node(id: $id) { ... on Session { messages(first: 50, after: $after) { edges { node { id } } } } } }';
const RESTORE_TIMELINE = `mutation($id: ID!) {
  restoreTimeline(input: { messageId: $id }) {
    edit { id createdAt } session { id }
    messageEdges { node { id role content } }
    revertedEdits { id revertedAt revertedBy { id } }
  }
}`;
const SESSION_EDITS = 'query($id: ID!) { node(id: $id) { ... on Session { edits { id revertedAt revertedBy { id } } } } }';

type List = { project: { sessions: { totalCount: number; edges: { cursor: string; node: { id: string } }[] }; sessionCounts: Counts } };

async function viewer() {
  const { user, project } = await makeUserWithProject();
  const api = new ApiClient(server().url).as(await sessionCookie(user));
  const projectId = toGlobalId('Project', project.id);
  const list = (archived = false, after?: string) => api.data<List, unknown>(LIST, { id: projectId, archived, after }).then((data) => data.project);
  const ids = async (archived = false) => (await list(archived)).sessions.edges.map((edge) => edge.node.id);
  const start = async () => (await api.data<{ startSession: Switched }, unknown>(START, { id: projectId })).startSession;
  const say = async (sessionId: string, content: string) =>
    (
      await api.data<
        { sendMessage: { userMessage: { id: string }; reply: { id: string }; messageEdges: { cursor: string; node: { id: string; role: string } }[] } },
        unknown
      >(SEND, { id: sessionId, content })
    ).sendMessage;
  return { api, projectId, list, ids, start, say };
}

/** What a cache that inserted the edge at the list's top would show: the list as read afresh, and the edge's cursor continuing it. */
async function expectEdgeInList(
  list: (archived: boolean, after?: string) => Promise<List['project']>,
  edge: { cursor: string; node: { id: string } },
  archived = false,
) {
  const fresh = await list(archived);
  const at = fresh.sessions.edges.findIndex((candidate) => candidate.node.id === edge.node.id);
  expect(at).toBeGreaterThanOrEqual(0);
  const after = await list(archived, edge.cursor);
  expect(after.sessions.edges.map((candidate) => candidate.node.id)).toEqual(fresh.sessions.edges.slice(at + 1).map((candidate) => candidate.node.id));
}

describe('session switches', () => {
  it('startSession returns the new edge, the counts, and the empty session it left behind and deleted', async () => {
    const { api, list, start, say } = await viewer();
    const first = await start();
    expect(first.sessionEdge.node).toEqual({ id: first.session.id, isCurrent: true });
    expect(first.deletedSessionIds).toEqual([]);
    expect(first.project.sessionCounts).toEqual({ active: 1, archived: 0, pinned: 0 });
    await expectEdgeInList(list, first.sessionEdge);

    await say(first.session.id, 'make the outro a bit longer');
    const second = await start();
    expect(second.previousSession).toEqual({ id: first.session.id, isCurrent: false });
    expect(second.project.sessionCounts).toEqual({ active: 2, archived: 0, pinned: 0 });
    expect(second.project.sessionCounts.active).toBe((await list(false)).sessions.totalCount);
    await expectEdgeInList(list, second.sessionEdge);

    // Leaving the empty second session for the first deletes it: the payload names it.
    const back = await api.data<{ restoreSession: Switched }, unknown>(RESTORE, { id: first.session.id });
    expect(back.restoreSession.previousSession).toBeNull();
    expect(back.restoreSession.deletedSessionIds).toEqual([second.session.id]);
    expect(back.restoreSession.project.sessionCounts).toEqual({ active: 1, archived: 0, pinned: 0 });
    expect(codes(await api.request('query($id: ID!) { node(id: $id) { id } }', { id: second.session.id }))).toEqual(['NOT_FOUND']);
  });

  it('forkSession returns the branch edge and the session it replaced, now not current', async () => {
    const { api, list, start, say } = await viewer();
    const original = (await start()).session.id;
    const sent = await say(original, 'make the outro a bit longer');
    const fork = (await api.data<{ forkSession: Switched }, unknown>(FORK, { id: sent.userMessage.id })).forkSession;
    expect(fork.previousSession).toEqual({ id: original, isCurrent: false });
    expect(fork.sessionEdge.node).toEqual({ id: fork.session.id, isCurrent: true });
    expect(fork.project.currentSession?.id).toBe(fork.session.id);
    expect(fork.project.sessionCounts.active).toBe(2);
    await expectEdgeInList(list, fork.sessionEdge);
  });
});

describe('pin, archive and delete', () => {
  it('each returns the edge in the list the session is in now and the counts of every list', async () => {
    const { api, list, ids, start, say } = await viewer();
    const older = (await start()).session.id;
    await say(older, 'make the outro a bit longer');
    const newer = (await start()).session.id;
    await say(newer, 'mute the intro');
    type Flagged = { sessionEdge: { cursor: string; node: { id: string } }; project: { sessionCounts: Counts } };
    const setFlag = async (mutation: string, id: string) => (await api.data<Record<string, Flagged>, unknown>(FLAG(mutation), { id }))[mutation];

    const pinned = await setFlag('pinSession', older);
    expect(pinned.project.sessionCounts).toEqual({ active: 2, archived: 0, pinned: 1 });
    expect(await ids()).toEqual([older, newer]);
    await expectEdgeInList(list, pinned.sessionEdge);

    const archived = await setFlag('archiveSession', newer);
    expect(archived.project.sessionCounts).toEqual({ active: 1, archived: 1, pinned: 1 });
    expect(await ids(true)).toEqual([newer]);
    await expectEdgeInList(list, archived.sessionEdge, true);

    const unarchived = await setFlag('unarchiveSession', newer);
    expect(unarchived.project.sessionCounts).toEqual({ active: 2, archived: 0, pinned: 1 });
    await expectEdgeInList(list, unarchived.sessionEdge);

    const deleted = (
      await api.data<{ deleteSession: { deletedSessionId: string; deletedSessionIds: string[]; project: { sessionCounts: Counts } } }, unknown>(DELETE, {
        id: older,
      })
    ).deleteSession;
    expect(deleted.deletedSessionIds).toEqual([older]);
    expect(deleted.project.sessionCounts).toEqual({ active: 1, archived: 0, pinned: 0 });
    const fresh = await list(false);
    expect(fresh.sessionCounts).toEqual(deleted.project.sessionCounts);
    expect(fresh.sessions.totalCount).toBe(1);
  });
});

describe('messages and restores', () => {
  it('sendMessage returns the instruction and reply as edges that continue the session’s messages', async () => {
    const { api, start, say } = await viewer();
    const sessionId = (await start()).session.id;
    await say(sessionId, 'mute the intro');
    const sent = await say(sessionId, 'make the outro a bit longer');
    expect(sent.messageEdges.map((edge) => edge.node)).toEqual([
      { id: sent.userMessage.id, role: 'USER' },
      { id: sent.reply.id, role: 'ASSISTANT' },
    ]);
    type Page = { node: { messages: { edges: { node: { id: string } }[] } } };
    const all = (await api.data<Page, unknown>(MESSAGES, { id: sessionId })).node.messages.edges.map((edge) => edge.node.id);
    expect(all.slice(-2)).toEqual([sent.userMessage.id, sent.reply.id]);
    const afterInstruction = await api.data<Page, unknown>(MESSAGES, { id: sessionId, after: sent.messageEdges[0].cursor });
    expect(afterInstruction.node.messages.edges.map((edge) => edge.node.id)).toEqual([sent.reply.id]);
  });

  it('restoreTimeline returns the messages it recorded and the edits it reverted, which read as reverted from then on', async () => {
    const { api, start, say } = await viewer();
    const sessionId = (await start()).session.id;
    const first = await say(sessionId, 'mute the intro');
    await say(sessionId, 'make the outro a bit longer');
    await say(sessionId, 'shorten the intro by 1 second');
    type Restored = {
      restoreTimeline: {
        edit: { id: string; createdAt: string };
        messageEdges: { node: { id: string; role: string; content: string } }[];
        revertedEdits: { id: string; revertedAt: string | null; revertedBy: { id: string } | null }[];
      };
    };
    const restored = (await api.data<Restored, unknown>(RESTORE_TIMELINE, { id: first.userMessage.id })).restoreTimeline;
    expect(restored.messageEdges.map((edge) => edge.node.role)).toEqual(['USER', 'ASSISTANT']);
    expect(restored.revertedEdits).toHaveLength(2);
    for (const edit of restored.revertedEdits) expect(edit).toMatchObject({ revertedAt: restored.edit.createdAt, revertedBy: { id: restored.edit.id } });

    type Edits = { node: { edits: { id: string; revertedAt: string | null; revertedBy: { id: string } | null }[] } };
    const edits = (await api.data<Edits, unknown>(SESSION_EDITS, { id: sessionId })).node.edits;
    const revertedIds = new Set(restored.revertedEdits.map((edit) => edit.id));
    expect(edits.filter((edit) => revertedIds.has(edit.id))).toEqual(restored.revertedEdits);
    // The mute stays applied; the restore's own edit too.
    expect(edits.filter((edit) => !revertedIds.has(edit.id)).map((edit) => edit.revertedAt)).toEqual([null, null]);

    // Undoing the restore brings the edits' effect back: they read as applied again.
    await say(sessionId, 'undo that');
    const after = (await api.data<Edits, unknown>(SESSION_EDITS, { id: sessionId })).node.edits;
    expect(after.filter((edit) => revertedIds.has(edit.id)).map((edit) => [edit.revertedAt, edit.revertedBy])).toEqual([
      [null, null],
      [null, null],
    ]);
  });
});

describe('createProject', () => {
  it('returns the project’s edge, whose cursor continues the viewer’s projects', async () => {
    const { api } = await viewer();
    type Created = { createProject: { project: { id: string }; projectEdge: { cursor: string; node: { id: string } } } };
    const created = (
      await api.data<Created, unknown>('mutation { createProject(input: { name: "Porto" }) { project { id } projectEdge { cursor node { id } } } }')
    ).createProject;
    expect(created.projectEdge.node.id).toBe(created.project.id);
    type Projects = { viewer: { projects: { edges: { node: { id: string } }[] } } };
    const all = (await api.data<Projects, unknown>('query { viewer { projects(first: 50) { edges { node { id } } } } }')).viewer.projects.edges;
    expect(all[0].node.id).toBe(created.project.id);
    const rest = await api.data<Projects, unknown>('query($after: String) { viewer { projects(first: 50, after: $after) { edges { node { id } } } } }', {
      after: created.projectEdge.cursor,
    });
    expect(rest.viewer.projects.edges.map((edge) => edge.node.id)).toEqual(all.slice(1).map((edge) => edge.node.id));
  });
});
