import { sql } from 'drizzle-orm';
import { createAccessToken } from '@/db/accessTokens';
import { getDb, selectRows } from '@/db/client';
import { startSession } from '@/db/sessions';
import type { Caller } from '@/server/access';
import * as accessTokens from '@/server/accessTokens';
import * as accounts from '@/server/accounts';
import * as checkpoints from '@/server/checkpoints';
import { DomainError } from '@/server/errors';
import * as instructions from '@/server/instructions';
import * as projectEvents from '@/server/projectEvents';
import * as projectPage from '@/server/projectPage';
import * as projects from '@/server/projects';
import * as sessionContext from '@/server/sessionContext';
import * as sessions from '@/server/sessions';
import { useTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';

/**
 * The use-case layer's authorization suite: every exported function of every use-case module
 * has an entry below (a new one without an entry fails the first test). Each is called by
 * nobody and by Bob with Alice's ids; every call is refused and Alice's rows are unchanged.
 */
useTestDatabase();

type Ids = { projectId: string; sessionId: string; accessTokenId: string; messageId: string; replyId: string };
interface UseCaseCase {
  /** Calls the use case as `caller`, with Alice's ids where it takes any. */
  call: (caller: Caller, ids: Ids) => Promise<unknown>;
  /** False when the use case takes no id of Alice's (then only the anonymous call applies). */
  takesAliceIds: boolean;
}

const request = () => new Request('http://app.test/');
const USE_CASES: Record<string, Record<string, UseCaseCase | 'not an entry point'>> = {
  accessTokens: {
    createAccessToken: { call: (caller) => accessTokens.createAccessToken(caller, { name: 'Mine' }), takesAliceIds: false },
    revokeAccessToken: { call: (caller, ids) => accessTokens.revokeAccessToken(caller, { accessTokenId: ids.accessTokenId }), takesAliceIds: true },
    listAccessTokens: { call: (caller) => accessTokens.listAccessTokens(caller), takesAliceIds: false },
  },
  accounts: {
    signOutEverywhere: { call: (caller) => accounts.signOutEverywhere(caller), takesAliceIds: false },
  },
  checkpoints: {
    previewTimelineRestore: { call: (caller, ids) => checkpoints.previewTimelineRestore(caller, { messageId: ids.messageId }), takesAliceIds: true },
    restoreTimeline: { call: (caller, ids) => checkpoints.restoreTimeline(caller, { messageId: ids.messageId }), takesAliceIds: true },
    forkSession: { call: (caller, ids) => checkpoints.forkSession(caller, { messageId: ids.messageId }), takesAliceIds: true },
    momentLabel: 'not an entry point',
    branchLabel: 'not an entry point',
  },
  instructions: {
    sendInstruction: {
      call: (caller, ids) => instructions.sendInstruction(caller, { sessionId: ids.sessionId, content: 'delete the intro', clientMessageId: 'x' }),
      takesAliceIds: true,
    },
    stopGeneration: { call: (caller, ids) => instructions.stopGeneration(caller, { messageId: ids.replyId }), takesAliceIds: true },
    retryMessage: { call: (caller, ids) => instructions.retryMessage(caller, { messageId: ids.replyId }), takesAliceIds: true },
    runInstruction: 'not an entry point',
    readSnapshot: 'not an entry point',
    snapshotOf: 'not an entry point',
    refuseWhileGenerating: 'not an entry point',
  },
  sessionContext: {
    contextUsage: { call: (caller, ids) => sessionContext.contextUsage(caller, { sessionId: ids.sessionId }), takesAliceIds: true },
    compactSession: { call: (caller, ids) => sessionContext.compactSession(caller, { sessionId: ids.sessionId }), takesAliceIds: true },
    measureReadSession: 'not an entry point',
  },
  projectEvents: {
    openProjectEventStream: { call: (caller, ids) => projectEvents.openProjectEventStream(caller, request(), { projectId: ids.projectId, afterId: null }), takesAliceIds: true },
    subscribeToProjectEvents: {
      call: (caller, ids) => projectEvents.subscribeToProjectEvents(caller, request(), { projectId: ids.projectId }),
      takesAliceIds: true,
    },
    // Takes a viewer already authenticated by the stream route; it counts, it reads nothing.
    ensureStreamCapacity: 'not an entry point',
  },
  projects: {
    createProject: { call: (caller) => projects.createProject(caller, { name: 'Mine' }), takesAliceIds: false },
    renameProject: { call: (caller, ids) => projects.renameProject(caller, { projectId: ids.projectId, name: 'Taken' }), takesAliceIds: true },
    listProjects: { call: (caller) => projects.listProjects(caller, {}), takesAliceIds: false },
  },
  projectPage: {
    openProjectPage: { call: (caller, ids) => projectPage.openProjectPage(caller, { projectId: ids.projectId }), takesAliceIds: true },
  },
  sessions: {
    startSession: { call: (caller, ids) => sessions.startSession(caller, { projectId: ids.projectId }), takesAliceIds: true },
    currentOrNewSession: { call: (caller, ids) => sessions.currentOrNewSession(caller, ids.projectId), takesAliceIds: true },
    restoreSession: { call: (caller, ids) => sessions.restoreSession(caller, { sessionId: ids.sessionId }), takesAliceIds: true },
    renameSession: { call: (caller, ids) => sessions.renameSession(caller, { sessionId: ids.sessionId, title: 'Taken' }), takesAliceIds: true },
    deleteSession: { call: (caller, ids) => sessions.deleteSession(caller, { sessionId: ids.sessionId }), takesAliceIds: true },
    exportSession: { call: (caller, ids) => sessions.exportSession(caller, { sessionId: ids.sessionId, format: 'json' }), takesAliceIds: true },
    searchSessions: { call: (caller, ids) => sessions.searchSessions(caller, { projectId: ids.projectId, query: 'intro' }), takesAliceIds: true },
    listSessionHistory: { call: (caller, ids) => sessions.listSessionHistory(caller, { projectId: ids.projectId }), takesAliceIds: true },
    pinSession: { call: (caller, ids) => sessions.pinSession(caller, { sessionId: ids.sessionId }), takesAliceIds: true },
    unpinSession: { call: (caller, ids) => sessions.unpinSession(caller, { sessionId: ids.sessionId }), takesAliceIds: true },
    archiveSession: { call: (caller, ids) => sessions.archiveSession(caller, { sessionId: ids.sessionId }), takesAliceIds: true },
    unarchiveSession: { call: (caller, ids) => sessions.unarchiveSession(caller, { sessionId: ids.sessionId }), takesAliceIds: true },
  },
};
const MODULES: Record<string, object> = { accessTokens, accounts, checkpoints, instructions, projectEvents, projectPage, projects, sessionContext, sessions };

let ids: Ids;
let aliceId: string;
let bob: Caller;

beforeAll(async () => {
  const alice = await makeUserWithProject();
  aliceId = alice.user.id;
  const session = await startSession(alice.user.id, alice.project.id);
  const { userMessage, reply } = await instructions.runInstruction({ session, content: 'make the intro a bit longer' });
  const token = await createAccessToken(alice.user.id, 'script');
  ids = { projectId: alice.project.id, sessionId: session.id, accessTokenId: token.accessToken.id, messageId: userMessage.id, replyId: reply.id };
  bob = { viewer: { user: (await makeUserWithProject()).user, via: 'session' } };
});

/** Everything of Alice's a stray write could touch. */
async function aliceChecksum(): Promise<string> {
  const [row] = await selectRows<{ checksum: string }>(
    getDb(),
    sql`select md5(concat_ws('|',
      (select string_agg(concat_ws(',', id, name, session_count), ';' order by id) from projects where owner_id = ${aliceId}),
      (select string_agg(concat_ws(',', s.id, s.title, s.message_count), ';' order by s.id) from sessions s join projects p on p.id = s.project_id where p.owner_id = ${aliceId}),
      (select string_agg(concat_ws(',', m.id, m.content), ';' order by m.id) from messages m join sessions s on s.id = m.session_id join projects p on p.id = s.project_id where p.owner_id = ${aliceId}),
      (select string_agg(concat_ws(',', c.id, c.duration_ms, c.position), ';' order by c.id) from clips c join projects p on p.id = c.project_id where p.owner_id = ${aliceId}),
      (select string_agg(concat_ws(',', id, name, revoked_at), ';' order by id) from access_tokens where user_id = ${aliceId}),
      (select string_agg(concat_ws(',', user_id, project_id, session_id), ';' order by project_id) from current_sessions where user_id = ${aliceId}),
      (select auth_session_version from users where id = ${aliceId})
    )) as checksum`,
  );
  return row.checksum;
}

async function refusal(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return 'ALLOWED';
}

const entryPoints = Object.entries(USE_CASES).flatMap(([module, functions]) =>
  Object.entries(functions).flatMap(([name, useCase]) => (useCase === 'not an entry point' ? [] : [[`${module}.${name}`, useCase] as const])),
);

it('has a case for every export of every use-case module', () => {
  for (const [module, exports] of Object.entries(MODULES)) {
    expect(Object.keys(exports).sort()).toEqual(Object.keys(USE_CASES[module]).sort());
  }
});

it.each(entryPoints)('%s refuses nobody with UNAUTHENTICATED', async (_name, useCase) => {
  const before = await aliceChecksum();
  expect(await refusal(useCase.call({ viewer: null }, ids))).toBe('UNAUTHENTICATED');
  expect(await aliceChecksum()).toBe(before);
});

it.each(entryPoints.filter(([, useCase]) => useCase.takesAliceIds))('%s answers Bob with Alice’s ids NOT_FOUND', async (_name, useCase) => {
  const before = await aliceChecksum();
  expect(await refusal(useCase.call(bob, ids))).toBe('NOT_FOUND');
  expect(await aliceChecksum()).toBe(before);
});

it('lists that take no ids list only the caller’s own rows', async () => {
  expect((await projects.listProjects(bob, {})).page.rows.map((project) => project.id)).not.toContain(ids.projectId);
  expect((await accessTokens.listAccessTokens(bob)).map((token) => token.id)).not.toContain(ids.accessTokenId);
});

it('a session address of Alice’s opens nothing for Bob, even in his own project', async () => {
  const bobsProject = (await projects.listProjects(bob, {})).page.rows[0];
  expect(await refusal(projectPage.openProjectPage(bob, { projectId: bobsProject.id, sessionId: ids.sessionId }))).toBe('NOT_FOUND');
});
