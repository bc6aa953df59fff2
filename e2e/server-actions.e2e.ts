import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { PASSWORD, uniqueEmail } from './support/app';
import { BASE_URL } from './support/browser';
import { graphql, prepareOwnDatabase, signInCookie, startOwnServer } from './support/ownServer';

/**
 * Every server action, called the way an attacker would: straight over HTTP with its action
 * id (from the build's manifest), anonymously, as Bob with Alice's ids, and with malformed
 * arguments. Each answers a coded result (never a 500), and Alice's data is left exactly as it
 * was. A new action without a case here fails the first test.
 */

interface ManifestEntry {
  filename: string;
  exportedName: string;
  workers: Record<string, unknown>;
}

function serverActions(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(process.env.NEXT_DIST_DIR || '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, ManifestEntry>;
  };
  return new Map(Object.entries(manifest.node).map(([id, entry]) => [`${entry.filename}#${entry.exportedName}`, id]));
}

interface AliceIds {
  projectId: string;
  sessionId: string;
  /** An instruction of Alice's (a user message). */
  messageId: string;
  tokenId: string;
}

interface ActionCase {
  /** The page the action is posted to (any page that renders it). */
  page: (ids: AliceIds) => string;
  /** Arguments naming Alice's objects; null when the action takes no id (only the anonymous call applies). */
  withAliceIds: ((ids: AliceIds) => unknown[]) | null;
  /** Arguments of the wrong shape. */
  malformed: (ids: AliceIds) => unknown[][];
}

const projectPage = (ids: AliceIds) => `/projects/${ids.projectId}`;
const CASES: Record<string, ActionCase> = {
  'app/projects/actions.ts#createProjectAction': { page: () => '/', withAliceIds: null, malformed: () => [[null, 'not a form'], []] },
  'app/projects/actions.ts#renameProjectAction': {
    page: () => '/',
    withAliceIds: (ids) => [ids.projectId, 'Taken'],
    malformed: (ids) => [[ids.projectId, { name: 1 }], [null, null], []],
  },
  'app/projects/[id]/actions.ts#sendInstructionAction': {
    page: projectPage,
    withAliceIds: (ids) => [ids.projectId, { sessionId: ids.sessionId, content: 'delete the intro', clientMessageId: 'bob-1' }],
    malformed: (ids) => [[ids.projectId, null], [ids.projectId, 'delete the intro'], [ids.projectId, { sessionId: ids.sessionId, content: 42 }], []],
  },
  'app/projects/[id]/actions.ts#retryReplyAction': {
    page: projectPage,
    withAliceIds: (ids) => [ids.projectId, ids.messageId],
    malformed: (ids) => [[ids.projectId, { id: 1 }], [ids.projectId, null], [ids.projectId, 'not-an-id'], []],
  },
  'app/projects/[id]/actions.ts#compactSessionAction': {
    page: projectPage,
    withAliceIds: (ids) => [ids.projectId, ids.sessionId],
    malformed: (ids) => [[ids.projectId, 7], [ids.projectId, { id: 1 }], [{}, ids.sessionId], []],
  },
  'app/projects/[id]/actions.ts#startNewSessionAction': { page: projectPage, withAliceIds: (ids) => [ids.projectId], malformed: () => [[{}], []] },
  'app/projects/[id]/actions.ts#restoreSessionAction': {
    page: projectPage,
    withAliceIds: (ids) => [ids.projectId, ids.sessionId],
    malformed: (ids) => [[ids.projectId, { id: 1 }], [null], []],
  },
  'app/projects/[id]/actions.ts#renameSessionAction': {
    page: projectPage,
    withAliceIds: (ids) => [ids.projectId, ids.sessionId, 'Taken'],
    malformed: (ids) => [[ids.projectId, ids.sessionId, null], [ids.projectId, ids.sessionId, 'x'.repeat(5000)], []],
  },
  'app/projects/[id]/actions.ts#deleteSessionAction': {
    page: projectPage,
    withAliceIds: (ids) => [ids.projectId, ids.sessionId],
    malformed: (ids) => [[ids.projectId, 7], []],
  },
  'app/projects/[id]/actions.ts#loadMoreSessionsAction': {
    page: projectPage,
    withAliceIds: (ids) => [ids.projectId, 'MjAyNi0wMS0wMVQwMDowMDowMC4wMDBafDAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA'],
    malformed: (ids) => [[ids.projectId, 'not-a-cursor'], [ids.projectId, { cursor: 1 }], []],
  },
  'app/projects/[id]/actions.ts#pinSessionAction': {
    page: projectPage,
    withAliceIds: (ids) => [ids.projectId, ids.sessionId],
    malformed: (ids) => [[ids.projectId, 7], [ids.projectId, { id: 1 }], []],
  },
  'app/projects/[id]/actions.ts#unpinSessionAction': {
    page: projectPage,
    withAliceIds: (ids) => [ids.projectId, ids.sessionId],
    malformed: (ids) => [[ids.projectId, 7], [ids.projectId, { id: 1 }], []],
  },
  'app/projects/[id]/actions.ts#archiveSessionAction': {
    page: projectPage,
    withAliceIds: (ids) => [ids.projectId, ids.sessionId],
    malformed: (ids) => [[ids.projectId, 7], [ids.projectId, { id: 1 }], []],
  },
  'app/projects/[id]/actions.ts#unarchiveSessionAction': {
    page: projectPage,
    withAliceIds: (ids) => [ids.projectId, ids.sessionId],
    malformed: (ids) => [[ids.projectId, 7], [ids.projectId, { id: 1 }], []],
  },
  'app/projects/[id]/actions.ts#searchSessionsAction': {
    page: projectPage,
    withAliceIds: (ids) => [ids.projectId, 'outro', null, false],
    malformed: (ids) => [
      [ids.projectId, ''],
      [ids.projectId, 'x'.repeat(201)],
      [ids.projectId, 'outro\u0000'],
      [ids.projectId, { query: 1 }],
      [ids.projectId, 'outro', 'not-a-cursor'],
      [],
    ],
  },
  'app/projects/[id]/actions.ts#loadArchivedSessionsAction': {
    page: projectPage,
    withAliceIds: (ids) => [ids.projectId, null],
    malformed: (ids) => [[ids.projectId, 'not-a-cursor'], [ids.projectId, { cursor: 1 }], []],
  },
  'app/projects/[id]/checkpointActions.ts#previewTimelineRestoreAction': {
    page: projectPage,
    withAliceIds: (ids) => [ids.projectId, ids.messageId],
    malformed: (ids) => [[ids.projectId, { id: 1 }], [ids.projectId, null], []],
  },
  'app/projects/[id]/checkpointActions.ts#restoreTimelineAction': {
    page: projectPage,
    withAliceIds: (ids) => [ids.projectId, ids.messageId, null],
    malformed: (ids) => [[ids.projectId, ids.messageId, 42], [ids.projectId, 7, null], []],
  },
  'app/projects/[id]/checkpointActions.ts#forkSessionAction': {
    page: projectPage,
    withAliceIds: (ids) => [ids.projectId, ids.messageId, true],
    malformed: (ids) => [[ids.projectId, ids.messageId, 'yes'], [ids.projectId, [], true], []],
  },
  'app/settings/tokens/actions.ts#createTokenAction': { page: () => '/settings/tokens', withAliceIds: null, malformed: () => [[{}], []] },
  'app/settings/tokens/actions.ts#revokeTokenAction': {
    page: () => '/settings/tokens',
    withAliceIds: (ids) => [ids.tokenId],
    malformed: () => [[{ id: 1 }], []],
  },
  // Takes no arguments; called with Alice's cookie it would end her sessions, which is its job.
  'app/settings/tokens/signOutEverywhere.ts#signOutEverywhereAction': { page: () => '/settings/tokens', withAliceIds: null, malformed: () => [] },
  'app/signup/actions.ts#signUpAction': {
    page: () => '/signup',
    withAliceIds: null,
    malformed: () => [[null], ['x'], [{ email: 1, password: [] }], [{ name: 'x', email: { toString: 1 }, password: { valueOf: 2 } }]],
  },
};

/** The body of a refusal in the API error envelope. */
interface CodedErrors {
  errors: { extensions: { code: string } }[];
}

interface ActionAnswer {
  status: number;
  /** The action's return value, when it returned one. */
  result: Record<string, unknown> | null;
}

/** Posts an action the way Next.js' client does, and reads its return value out of the RSC answer. */
async function callAction(actionId: string, pagePath: string, args: unknown[], cookie: string | null, origin = BASE_URL): Promise<ActionAnswer> {
  const response = await fetch(`${BASE_URL}${pagePath}`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'next-action': actionId,
      accept: 'text/x-component',
      'content-type': 'text/plain;charset=UTF-8',
      origin,
      ...(cookie && { cookie }),
    },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  const line = text.split('\n').find((entry) => /^\d+:\{/.test(entry) && /"(ok|error|errors)"/.test(entry));
  return { status: response.status, result: line ? (JSON.parse(line.slice(line.indexOf(':') + 1)) as Record<string, unknown>) : null };
}

async function newAccount(label: string): Promise<{ email: string; cookie: string }> {
  const email = uniqueEmail(label);
  const signUp = serverActions().get('app/signup/actions.ts#signUpAction')!;
  const answer = await callAction(signUp, '/signup', [{ name: label, email, password: PASSWORD }], null);
  assert.deepEqual(answer.result, { ok: true }, `sign-up of ${label}`);
  return { email, cookie: await signInCookie(BASE_URL, email, PASSWORD) };
}

/** Everything of Alice's a stray write could touch, as she reads it. */
async function aliceChecksum(cookie: string): Promise<string> {
  const answer = await graphql<unknown>(
    BASE_URL,
    cookie,
    `
      {
        viewer {
          projects(first: 5) {
            totalCount
            edges {
              node {
                id
                name
                currentSession {
                  id
                }
                timeline {
                  totalDurationMs
                  clips {
                    id
                    name
                    durationMs
                  }
                }
                sessions(first: 10) {
                  totalCount
                  edges {
                    node {
                      id
                      title
                      messages(first: 20) {
                        totalCount
                        edges {
                          node {
                            content
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    `,
  );
  assert.equal(answer.errors, undefined);
  return JSON.stringify(answer.data);
}

function assertCoded(answer: ActionAnswer, label: string): void {
  assert.ok(answer.status < 500, `${label}: HTTP ${answer.status}`);
  const result = answer.result;
  if (!result || !('ok' in result)) return;
  // Sign-up answers form errors per field ({ ok: false, errors: { email: … } }); everything else a code.
  if (result.ok === false && !('errors' in result)) {
    assert.equal(typeof result.code, 'string', `${label}: a failure carries a code`);
    assert.notEqual(result.code, 'INTERNAL_SERVER_ERROR', `${label}: ${JSON.stringify(result)}`);
  }
}

describe('server actions', () => {
  const actions = serverActions();
  let alice: { email: string; cookie: string };
  let bob: { email: string; cookie: string };
  let ids: AliceIds;

  before(async () => {
    alice = await newAccount('alice');
    bob = await newAccount('bob');
    const created = await graphql<{ createProject: { project: { id: string } } }>(
      BASE_URL,
      alice.cookie,
      'mutation { createProject(input: { name: "Alice film" }) { project { id } } }',
    );
    const projectGlobalId = created.data!.createProject.project.id;
    const started = await graphql<{ startSession: { session: { id: string } } }>(
      BASE_URL,
      alice.cookie,
      'mutation($id: ID!) { startSession(input: { projectId: $id }) { session { id } } }',
      { id: projectGlobalId },
    );
    const sessionGlobalId = started.data!.startSession.session.id;
    const sent = await graphql<{ sendMessage: { userMessage: { id: string } } }>(
      BASE_URL,
      alice.cookie,
      'mutation($id: ID!) { sendMessage(input: { sessionId: $id, content: "make the intro a bit longer" }) { userMessage { id } } }',
      { id: sessionGlobalId },
    );
    const token = await graphql<{ createAccessToken: { accessToken: { id: string } } }>(
      BASE_URL,
      alice.cookie,
      'mutation { createAccessToken(input: { name: "script", scopes: [ADMIN] }) { accessToken { id } } }',
    );
    const databaseId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
    ids = {
      projectId: databaseId(projectGlobalId),
      sessionId: databaseId(sessionGlobalId),
      messageId: databaseId(sent.data!.sendMessage.userMessage.id),
      tokenId: databaseId(token.data!.createAccessToken.accessToken.id),
    };
  });

  test('every action of the build has a case here', () => {
    assert.deepEqual([...actions.keys()].sort(), Object.keys(CASES).sort());
  });

  test('anonymous calls are refused (or, for sign-up, stay sign-up) and change nothing of Alice’s', async () => {
    const before = await aliceChecksum(alice.cookie);
    for (const [name, actionCase] of Object.entries(CASES)) {
      if (name.endsWith('#signUpAction')) continue;
      const args = actionCase.withAliceIds?.(ids) ?? (name.endsWith('#createProjectAction') ? [{ error: null }, null] : ['Mine']);
      const answer = await callAction(actions.get(name)!, actionCase.page(ids), args, null);
      assertCoded(answer, `${name} anonymously`);
      if (answer.result && 'ok' in answer.result) assert.equal(answer.result.code, 'UNAUTHENTICATED', name);
    }
    assert.equal(await aliceChecksum(alice.cookie), before);
  });

  test('Bob calling with Alice’s ids gets NOT_FOUND and changes nothing of Alice’s', async () => {
    const before = await aliceChecksum(alice.cookie);
    for (const [name, actionCase] of Object.entries(CASES)) {
      if (!actionCase.withAliceIds) continue;
      const answer = await callAction(actions.get(name)!, actionCase.page(ids), actionCase.withAliceIds(ids), bob.cookie);
      assertCoded(answer, `${name} as Bob`);
      if (answer.result) assert.equal(answer.result.code, 'NOT_FOUND', `${name}: ${JSON.stringify(answer.result)}`);
    }
    assert.equal(await aliceChecksum(alice.cookie), before);
  });

  test('malformed arguments get a coded result, never a 500', async () => {
    for (const [name, actionCase] of Object.entries(CASES)) {
      for (const args of actionCase.malformed(ids)) {
        assertCoded(await callAction(actions.get(name)!, actionCase.page(ids), args, alice.cookie), `${name}(${JSON.stringify(args).slice(0, 60)})`);
      }
    }
  });

  test('an instruction without a clientMessageId is refused, naming the field, and nothing is stored', async () => {
    const before = await aliceChecksum(alice.cookie);
    const answer = await callAction(
      actions.get('app/projects/[id]/actions.ts#sendInstructionAction')!,
      projectPage(ids),
      [ids.projectId, { sessionId: ids.sessionId, content: 'mute the intro' }],
      alice.cookie,
    );
    assert.deepEqual({ code: answer.result?.code, field: answer.result?.field }, { code: 'BAD_USER_INPUT', field: 'clientMessageId' });
    assert.equal(await aliceChecksum(alice.cookie), before);
  });

  test('an action posted from another origin is refused with 403 FORBIDDEN', async () => {
    const answer = await fetch(`${BASE_URL}${projectPage(ids)}`, {
      method: 'POST',
      headers: {
        'next-action': actions.get('app/projects/[id]/actions.ts#deleteSessionAction')!,
        origin: 'https://evil.example',
        cookie: alice.cookie,
        'content-type': 'text/plain;charset=UTF-8',
      },
      body: JSON.stringify([ids.projectId, ids.sessionId]),
    });
    assert.equal(answer.status, 403);
    assert.equal(((await answer.json()) as CodedErrors).errors[0].extensions.code, 'FORBIDDEN');
  });

  test('a body that is not JSON, over 1 MB or not UTF-8 is refused with a coded 400, 413 or 415, and nothing is stored', async () => {
    const before = await aliceChecksum(alice.cookie);
    const send = actions.get('app/projects/[id]/actions.ts#sendInstructionAction')!;
    const post = (body: string, contentType: string) =>
      fetch(`${BASE_URL}${projectPage(ids)}`, {
        method: 'POST',
        headers: { 'next-action': send, accept: 'text/x-component', origin: BASE_URL, cookie: alice.cookie, 'content-type': contentType },
        body,
      });
    const oversized = JSON.stringify([ids.projectId, { sessionId: ids.sessionId, content: 'x'.repeat(1024 * 1024), clientMessageId: 'big-1' }]);
    const answers = [
      await post('[not json', 'text/plain;charset=UTF-8'),
      await post(oversized, 'text/plain;charset=UTF-8'),
      await post(
        JSON.stringify([ids.projectId, { sessionId: ids.sessionId, content: 'mute the intro', clientMessageId: 'utf16-1' }]),
        'text/plain;charset=UTF-16',
      ),
    ];
    const codes = await Promise.all(answers.map(async (answer) => [answer.status, ((await answer.json()) as CodedErrors).errors[0].extensions.code]));
    assert.deepEqual(codes, [
      [400, 'BAD_REQUEST'],
      [413, 'PAYLOAD_TOO_LARGE'],
      [415, 'UNSUPPORTED_MEDIA_TYPE'],
    ]);
    assert.equal(await aliceChecksum(alice.cookie), before);
  });

  test('actions spend the same hourly budget as the GraphQL API and are refused with RATE_LIMITED once it is gone', async () => {
    const database = await prepareOwnDatabase();
    const server = await startOwnServer(database, { RATE_LIMIT_GRAPHQL_PER_HOUR: '4' });
    try {
      const cookie = await signInCookie(server.url, 'demo@codirector.dev', 'codirector-demo');
      for (let request = 1; request <= 4; request += 1) {
        assert.equal((await graphql(server.url, cookie, '{ viewer { id } }')).errors, undefined, `request ${request}`);
      }
      const response = await fetch(`${server.url}/settings/tokens`, {
        method: 'POST',
        headers: {
          'next-action': actions.get('app/settings/tokens/actions.ts#createTokenAction')!,
          accept: 'text/x-component',
          origin: server.url,
          cookie,
          'content-type': 'text/plain;charset=UTF-8',
        },
        body: JSON.stringify(['over budget']),
      });
      const line = (await response.text()).split('\n').find((entry) => entry.includes('"ok"'));
      assert.ok(line, 'the action answered a result');
      assert.equal((JSON.parse(line.slice(line.indexOf(':') + 1)) as { code?: unknown }).code, 'RATE_LIMITED');
    } finally {
      server.process.kill('SIGTERM');
      await server.exited;
      await database.drop();
    }
  });
});
