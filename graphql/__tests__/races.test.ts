import { startSession } from '@/db/sessions';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';
import { toGlobalId } from '../ids';
import { ApiClient, codes, sessionCookie, setUpApiServer } from './support/api';

/**
 * Writes racing on one project answer a clear result, never INTERNAL_SERVER_ERROR: every
 * writing transaction takes the project row first (db/transaction.ts), so they queue instead
 * of deadlocking, and a session deleted under a restore is NOT_FOUND. Lock order is a property
 * of the real Postgres; the embedded database runs one statement at a time.
 */
setUpTestDatabase();
const onRealPostgres = process.env.DATABASE_URL ? describe : describe.skip;

const PAIRS = 30;
const START = 'mutation($id: ID!) { startSession(input: { projectId: $id }) { session { id } } }';
const DELETE = 'mutation($id: ID!) { deleteSession(input: { sessionId: $id }) { deletedSessionId } }';
const RESTORE = 'mutation($id: ID!) { restoreSession(input: { sessionId: $id }) { session { id } } }';
const RENAME_PROJECT = 'mutation($id: ID!, $name: String!) { renameProject(input: { projectId: $id, name: $name }) { project { name } } }';
const SEND = 'mutation($id: ID!, $content: String!) { sendMessage(input: { sessionId: $id, content: $content }) { reply { content } } }';

onRealPostgres('racing writes on one project', () => {
  const server = setUpApiServer();

  async function owner() {
    const { user, project } = await makeUserWithProject();
    return { user, project, projectId: toGlobalId('Project', project.id), api: new ApiClient(server().url).as(await sessionCookie(user)) };
  }

  /** A session with a message in it, current for its user (so startSession makes a new one). */
  async function conversation(api: ApiClient, projectId: string): Promise<string> {
    const started = await api.data<{ startSession: { session: { id: string } } }, { id: string }>(START, { id: projectId });
    const sessionId = started.startSession.session.id;
    expect(codes(await api.request(SEND, { id: sessionId, content: 'make the intro a bit longer' }))).toEqual([]);
    return sessionId;
  }

  it('deleteSession of the current session against startSession: both succeed, no deadlock', async () => {
    const { api, projectId } = await owner();
    for (let pair = 0; pair < PAIRS; pair += 1) {
      const current = await conversation(api, projectId);
      const results = await Promise.all([api.request(DELETE, { id: current }), api.request(START, { id: projectId })]);
      expect(results.flatMap(codes)).toEqual([]);
    }
  });

  it('renameProject against startSession: both succeed, no deadlock', async () => {
    const { api, projectId } = await owner();
    for (let pair = 0; pair < PAIRS; pair += 1) {
      await conversation(api, projectId);
      const results = await Promise.all([api.request(RENAME_PROJECT, { id: projectId, name: `Cut ${pair}` }), api.request(START, { id: projectId })]);
      expect(results.flatMap(codes)).toEqual([]);
    }
  });

  it('restoreSession against deleteSession of the same session: the delete wins or the restore does, never an internal error', async () => {
    const { user, project, projectId, api } = await owner();
    const outcomes = new Set<string>();
    for (let pair = 0; pair < PAIRS; pair += 1) {
      const target = await conversation(api, projectId);
      await startSession(user.id, project.id);
      const [restored, deleted] = await Promise.all([api.request(RESTORE, { id: target }), api.request(DELETE, { id: target })]);
      expect(codes(deleted)).toEqual([]);
      expect([[], ['NOT_FOUND']]).toContainEqual(codes(restored));
      outcomes.add(codes(restored).join() || 'restored');
    }
    // Either order is a clear result; which one wins each time is up to the scheduler.
    expect([...outcomes].every((outcome) => ['restored', 'NOT_FOUND'].includes(outcome))).toBe(true);
  });
});
