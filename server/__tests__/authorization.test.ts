import { sql } from 'drizzle-orm';
import { getDb, selectRows } from '@/db/client';
import { startSession } from '@/db/sessions';
import type { User } from '@/db/schema';
import type { AccessGrant, TokenScope } from '@/lib/auth/tokenScopes';
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
import { setUpTestDatabase } from '@/testing/database';
import { makeAccessToken, makeProject, makeUserWithProject } from '@/testing/factories';

/**
 * The use-case layer's authorization suite: every exported function of every use-case module
 * has an entry below (a new one without an entry fails the first test). Each is called by
 * nobody and by Bob with Alice's ids; every call is refused and Alice's rows are unchanged.
 */
setUpTestDatabase();

type Ids = { projectId: string; sessionId: string; accessTokenId: string; messageId: string; replyId: string };
interface UseCaseCase {
  /** Calls the use case as `caller`, with Alice's ids where it takes any. */
  call: (caller: Caller, ids: Ids) => Promise<unknown>;
  /** False when the use case takes no id of Alice's (then only the anonymous call applies). */
  takesAliceIds: boolean;
  /** The token scope it needs: READ to read, WRITE to change projects and sessions, ADMIN for tokens and the account. */
  scope: TokenScope;
}

const request = () => new Request('http://app.test/');
const USE_CASES: Record<string, Record<string, UseCaseCase | 'not an entry point'>> = {
  accessTokens: {
    createAccessToken: { call: (caller) => accessTokens.createAccessToken(caller, { name: 'Mine', scopes: ['READ'] }), scope: 'ADMIN', takesAliceIds: false },
    revokeAccessToken: {
      call: (caller, ids) => accessTokens.revokeAccessToken(caller, { accessTokenId: ids.accessTokenId }),
      scope: 'ADMIN',
      takesAliceIds: true,
    },
    listAccessTokens: { call: (caller) => accessTokens.listAccessTokens(caller), scope: 'ADMIN', takesAliceIds: false },
  },
  accounts: {
    signOutEverywhere: { call: (caller) => accounts.signOutEverywhere(caller), scope: 'ADMIN', takesAliceIds: false },
  },
  checkpoints: {
    previewTimelineRestore: {
      call: (caller, ids) => checkpoints.previewTimelineRestore(caller, { messageId: ids.messageId }),
      scope: 'READ',
      takesAliceIds: true,
    },
    restoreTimeline: { call: (caller, ids) => checkpoints.restoreTimeline(caller, { messageId: ids.messageId }), scope: 'WRITE', takesAliceIds: true },
    forkSession: { call: (caller, ids) => checkpoints.forkSession(caller, { messageId: ids.messageId }), scope: 'WRITE', takesAliceIds: true },
    momentLabel: 'not an entry point',
    branchLabel: 'not an entry point',
  },
  instructions: {
    sendInstruction: {
      call: (caller, ids) => instructions.sendInstruction(caller, { sessionId: ids.sessionId, content: 'delete the intro', clientMessageId: 'x' }),
      scope: 'WRITE',
      takesAliceIds: true,
    },
    stopGeneration: { call: (caller, ids) => instructions.stopGeneration(caller, { messageId: ids.replyId }), scope: 'WRITE', takesAliceIds: true },
    retryMessage: { call: (caller, ids) => instructions.retryMessage(caller, { messageId: ids.replyId }), scope: 'WRITE', takesAliceIds: true },
    runInstruction: 'not an entry point',
  },
  sessionContext: {
    contextUsage: { call: (caller, ids) => sessionContext.contextUsage(caller, { sessionId: ids.sessionId }), scope: 'READ', takesAliceIds: true },
    compactSession: { call: (caller, ids) => sessionContext.compactSession(caller, { sessionId: ids.sessionId }), scope: 'WRITE', takesAliceIds: true },
    measureReadSession: 'not an entry point',
  },
  projectEvents: {
    openProjectEventStream: {
      call: (caller, ids) => projectEvents.openProjectEventStream(caller, request(), { projectId: ids.projectId, afterId: null }),
      scope: 'READ',
      takesAliceIds: true,
    },
    subscribeToProjectEvents: {
      call: (caller, ids) => projectEvents.subscribeToProjectEvents(caller, request(), { projectId: ids.projectId }),
      scope: 'READ',
      takesAliceIds: true,
    },
    // Takes a viewer already authenticated by the stream route; it counts, it reads nothing.
    ensureStreamCapacity: 'not an entry point',
  },
  projects: {
    createProject: { call: (caller) => projects.createProject(caller, { name: 'Mine' }), scope: 'WRITE', takesAliceIds: false },
    renameProject: { call: (caller, ids) => projects.renameProject(caller, { projectId: ids.projectId, name: 'Taken' }), scope: 'WRITE', takesAliceIds: true },
    listProjects: { call: (caller) => projects.listProjects(caller, {}), scope: 'READ', takesAliceIds: false },
  },
  projectPage: {
    openProjectPage: { call: (caller, ids) => projectPage.openProjectPage(caller, { projectId: ids.projectId }), scope: 'READ', takesAliceIds: true },
  },
  sessions: {
    startSession: { call: (caller, ids) => sessions.startSession(caller, { projectId: ids.projectId }), scope: 'WRITE', takesAliceIds: true },
    currentOrNewSession: { call: (caller, ids) => sessions.currentOrNewSession(caller, ids.projectId), scope: 'WRITE', takesAliceIds: true },
    restoreSession: { call: (caller, ids) => sessions.restoreSession(caller, { sessionId: ids.sessionId }), scope: 'WRITE', takesAliceIds: true },
    renameSession: { call: (caller, ids) => sessions.renameSession(caller, { sessionId: ids.sessionId, title: 'Taken' }), scope: 'WRITE', takesAliceIds: true },
    deleteSession: { call: (caller, ids) => sessions.deleteSession(caller, { sessionId: ids.sessionId }), scope: 'WRITE', takesAliceIds: true },
    exportSession: { call: (caller, ids) => sessions.exportSession(caller, { sessionId: ids.sessionId, format: 'json' }), scope: 'READ', takesAliceIds: true },
    searchSessions: {
      call: (caller, ids) => sessions.searchSessions(caller, { projectId: ids.projectId, query: 'intro' }),
      scope: 'READ',
      takesAliceIds: true,
    },
    listSessionHistory: { call: (caller, ids) => sessions.listSessionHistory(caller, { projectId: ids.projectId }), scope: 'READ', takesAliceIds: true },
    pinSession: { call: (caller, ids) => sessions.pinSession(caller, { sessionId: ids.sessionId }), scope: 'WRITE', takesAliceIds: true },
    unpinSession: { call: (caller, ids) => sessions.unpinSession(caller, { sessionId: ids.sessionId }), scope: 'WRITE', takesAliceIds: true },
    archiveSession: { call: (caller, ids) => sessions.archiveSession(caller, { sessionId: ids.sessionId }), scope: 'WRITE', takesAliceIds: true },
    unarchiveSession: { call: (caller, ids) => sessions.unarchiveSession(caller, { sessionId: ids.sessionId }), scope: 'WRITE', takesAliceIds: true },
  },
};
const MODULES: Record<string, object> = { accessTokens, accounts, checkpoints, instructions, projectEvents, projectPage, projects, sessionContext, sessions };

let ids: Ids;
let aliceId: string;
let alice: User;
let aliceOtherProjectId: string;
let bob: Caller;

beforeAll(async () => {
  const made = await makeUserWithProject();
  alice = made.user;
  aliceId = alice.id;
  aliceOtherProjectId = (await makeProject(alice.id, 'Other')).id;
  const session = await startSession(alice.id, made.project.id);
  const { userMessage, reply } = await instructions.runInstruction({ session, content: 'make the intro a bit longer' });
  const token = await makeAccessToken(alice.id, { name: 'script' });
  ids = { projectId: made.project.id, sessionId: session.id, accessTokenId: token.accessToken.id, messageId: userMessage.id, replyId: reply.id };
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
  return (await outcome(call)).code;
}

async function outcome(call: Promise<unknown>): Promise<{ code: string; requiredScope?: unknown }> {
  try {
    const result = await call;
    // A stream or subscription opened: close it, it would hold the test open.
    if (result instanceof ReadableStream) await result.cancel();
    else if (result && typeof result === 'object' && 'return' in result && typeof result.return === 'function')
      await (result as { return(): Promise<unknown> }).return();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, requiredScope: error.details.requiredScope };
    throw error;
  }
  return { code: 'ALLOWED' };
}

/** Alice's own token with `grant` (ADMIN and every project unless it says otherwise). */
async function aliceToken(grant: Partial<AccessGrant>): Promise<Caller> {
  const { accessToken } = await makeAccessToken(alice.id, { name: 'scoped', ...grant });
  const token = { id: accessToken.id, grant: { scope: accessToken.scope, projectIds: accessToken.projectIds }, expiresAt: accessToken.expiresAt };
  return { viewer: { user: alice, via: 'token', token } };
}

const SCOPE_SHORT_OF: Record<TokenScope, TokenScope | null> = { READ: null, WRITE: 'READ', ADMIN: 'WRITE' };

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

it.each(entryPoints.filter(([, useCase]) => SCOPE_SHORT_OF[useCase.scope] !== null))(
  '%s refuses Alice’s token one scope short with FORBIDDEN naming the scope',
  async (_name, useCase) => {
    const caller = await aliceToken({ scope: SCOPE_SHORT_OF[useCase.scope]! });
    const before = await aliceChecksum();
    expect(await outcome(useCase.call(caller, ids))).toEqual({ code: 'FORBIDDEN', requiredScope: useCase.scope });
    expect(await aliceChecksum()).toBe(before);
  },
);

it.each(entryPoints)('%s is not refused for its scope to Alice’s token that has exactly it', async (_name, useCase) => {
  const caller = await aliceToken({ scope: useCase.scope });
  expect((await outcome(useCase.call(caller, ids))).requiredScope).toBeUndefined();
});

it.each(entryPoints.filter(([name, useCase]) => useCase.takesAliceIds && name !== 'accessTokens.revokeAccessToken'))(
  '%s answers Alice’s token limited to her other project NOT_FOUND',
  async (_name, useCase) => {
    const caller = await aliceToken({ projectIds: [aliceOtherProjectId] });
    const before = await aliceChecksum();
    expect(await refusal(useCase.call(caller, ids))).toBe('NOT_FOUND');
    expect(await aliceChecksum()).toBe(before);
  },
);

it('a project-limited token lists only its projects, creates no project, and mints tokens only within its projects and scope', async () => {
  const limited = await aliceToken({ scope: 'ADMIN', projectIds: [aliceOtherProjectId] });
  expect((await projects.listProjects(limited, {})).page.rows.map((project) => project.id)).toEqual([aliceOtherProjectId]);
  expect(await refusal(projects.createProject(limited, { name: 'Outside' }))).toBe('FORBIDDEN');
  expect(await refusal(accessTokens.createAccessToken(limited, { name: 'Wider', scopes: ['READ'] }))).toBe('FORBIDDEN');
  expect(await refusal(accessTokens.createAccessToken(limited, { name: 'Elsewhere', scopes: ['READ'], projectIds: [ids.projectId] }))).toBe('NOT_FOUND');
  const narrower = await accessTokens.createAccessToken(limited, { name: 'Narrower', scopes: ['READ'], projectIds: [aliceOtherProjectId] });
  expect(narrower.accessToken).toMatchObject({ scope: 'READ', projectIds: [aliceOtherProjectId] });

  const writer = await aliceToken({ scope: 'WRITE' });
  expect(await outcome(accessTokens.createAccessToken(writer, { name: 'Admin', scopes: ['ADMIN'] }))).toEqual({ code: 'FORBIDDEN', requiredScope: 'ADMIN' });
});
