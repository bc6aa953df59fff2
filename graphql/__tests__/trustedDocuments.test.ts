import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kind, parse, print } from 'graphql';
import { getOwnedProject } from '@/db/projects';
import type { Project, User } from '@/db/schema';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';
import * as generated from '../__generated__/client/graphql';
import { ProjectDocument, RenameProjectDocument, StopGenerationDocument, ViewerDocument } from '../__generated__/client/graphql';
import manifest from '../__generated__/client/persisted-documents.json';
import { toGlobalId } from '../ids';
import { persistedRequest } from '../persistedRequest';
import { ConfigError } from '@/lib/config';
import { trustedDocumentsMode } from '../trustedDocuments';
import { ApiClient, codes, sessionCookie, startApiServer, tokenFor, type ApiServer, type GraphQLResult } from './support/api';

setUpTestDatabase();

const ROOT = path.resolve(__dirname, '../..');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const AD_HOC = '{ viewer { email projects(first: 1) { totalCount } } }';

let off: ApiServer;
let only: ApiServer;
let user: User;
let project: Project;
let projectId: string;
let cookie: { cookie: string };
let token: { token: string };

beforeAll(async () => {
  off = await startApiServer({ env: { GRAPHQL_TRUSTED_DOCUMENTS: 'off' } });
  only = await startApiServer({ env: { GRAPHQL_TRUSTED_DOCUMENTS: 'only' } });
  ({ user, project } = await makeUserWithProject());
  projectId = toGlobalId('Project', project.id);
  cookie = await sessionCookie(user);
  token = await tokenFor(user);
});

afterAll(async () => {
  await off.close();
  await only.close();
});

async function post(server: ApiServer, headers: Record<string, string>, body: unknown): Promise<Response> {
  return fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

async function result(response: Response): Promise<GraphQLResult<unknown>> {
  return { status: response.status, ...((await response.json()) as object) };
}

describe('the persisted-documents manifest', () => {
  const operations = readdirDocuments().flatMap((text) =>
    parse(text).definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : [])),
  );

  it('has one sha256 id per operation of graphql/documents, each the hash of its text', () => {
    const entries = Object.entries(manifest as Record<string, string>);
    expect(entries.length).toBe(operations.length);
    for (const [id, text] of entries) expect(id).toBe(`sha256:${sha256(text)}`);
    const named = entries.map(([, text]) => parse(text).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION));
    expect(named.map((definition) => (definition?.kind === Kind.OPERATION_DEFINITION ? definition.name?.value : null)).sort()).toEqual([...operations].sort());
  });

  it('is what the generated documents carry', () => {
    for (const name of operations) {
      const document = (generated as Record<string, unknown>)[`${name}Document`] as { __meta__?: { hash?: string } };
      expect([name, document.__meta__?.hash && document.__meta__.hash in manifest]).toEqual([name, true]);
    }
  });

  it('is reproduced exactly by `npm run codegen`, like every generated file', async () => {
    // `--check` regenerates in memory and fails, naming the files, when any committed output differs.
    const check = promisify(execFile)(path.join(ROOT, 'node_modules/.bin/graphql-codegen'), ['--config', 'codegen.ts', '--check'], { cwd: ROOT });
    await expect(check).resolves.toBeDefined();
  }, 60_000);
});

describe('persisted ids', () => {
  it('run the document they name, with its variables', async () => {
    const viewer = await new ApiClient(off.url, cookie).persisted(ViewerDocument, {});
    expect(viewer).toEqual({ status: 200, data: { viewer: { id: toGlobalId('User', user.id), email: user.email, name: user.name } } });
    const named = await new ApiClient(off.url, token).persisted(ProjectDocument, { id: projectId });
    expect(named.errors).toBeUndefined();
    expect(named.data?.project?.name).toBe(project.name);
  });

  it('run over GET too (with a CSRF-safe header, like any GET)', async () => {
    const { extensions, variables } = persistedRequest(ProjectDocument, { id: projectId });
    const search = new URLSearchParams({ extensions: JSON.stringify(extensions), variables: JSON.stringify(variables) });
    const response = await fetch(`${only.url}?${search}`, { headers: { ...cookie, 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: { project: { name: string } } }).data.project.name).toBe(project.name);
  });

  it('answer an unknown id with PERSISTED_QUERY_NOT_FOUND, in both modes', async () => {
    const unknown = { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('query Nope { viewer { id } }') } } };
    for (const server of [off, only]) {
      const answer = await result(await post(server, cookie, unknown));
      expect(answer.status).toBe(400);
      expect(codes(answer)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      expect(answer.data).toBeUndefined();
    }
  });

  it('refuse an id that is not the hash of the text sent with it, and a malformed extension', async () => {
    const mismatch = await result(
      await post(off, cookie, { query: AD_HOC, extensions: { persistedQuery: { version: 1, sha256Hash: sha256('something else') } } }),
    );
    expect([mismatch.status, codes(mismatch)]).toEqual([400, ['BAD_REQUEST']]);
    for (const persistedQuery of [{ version: 2, sha256Hash: 'ab' }, { version: 1 }, 'sha256:ab', null]) {
      const malformed = await result(await post(off, cookie, { extensions: { persistedQuery } }));
      expect([persistedQuery, malformed.status, codes(malformed)]).toEqual([persistedQuery, 400, ['BAD_REQUEST']]);
    }
  });

  it('fall back to the text an automatic-persisted-queries client sends with an id this server does not know', async () => {
    const answer = await result(await post(off, cookie, { query: AD_HOC, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(AD_HOC) } } }));
    expect(answer).toEqual({ status: 200, data: { viewer: { email: user.email, projects: { totalCount: 1 } } } });
  });
});

describe('GRAPHQL_TRUSTED_DOCUMENTS=only', () => {
  it('refuses an ad-hoc document from a cookie caller, with a coded 403, running nothing', async () => {
    const rename = `mutation { renameProject(input: { projectId: "${projectId}", name: "Hijacked" }) { project { name } } }`;
    const response = await post(only, cookie, { query: rename });
    expect(response.headers.get('x-ratelimit-remaining')).toMatch(/^\d+$/);
    const answer = await result(response);
    expect(answer.status).toBe(403);
    expect(codes(answer)).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
    expect(answer.errors?.[0].message).toMatch(/Authorization: Bearer/);
    expect((await getOwnedProject(user.id, project.id))?.name).toBe(project.name);
  });

  it('runs the app’s own documents from a cookie caller, by id or by their exact text', async () => {
    const cookieClient = new ApiClient(only.url, cookie);
    const renamed = await cookieClient.persisted(RenameProjectDocument, { input: { projectId, name: 'Renamed by id' } });
    expect(renamed.data?.renameProject?.project.name).toBe('Renamed by id');
    const text = (manifest as Record<string, string>)[(ViewerDocument as { __meta__?: { hash: string } }).__meta__!.hash];
    expect((await result(await post(only, cookie, { query: text }))).status).toBe(200);
    // The same operation written another way is not a trusted document.
    expect(codes(await cookieClient.request(print(ViewerDocument).replace(/\s+/g, '  ')))).toEqual(['TRUSTED_DOCUMENT_REQUIRED']);
  });

  it('lets a bearer-token client send any document, within the usual limits', async () => {
    const tokenClient = new ApiClient(only.url, token);
    expect(await tokenClient.request(AD_HOC)).toEqual({ status: 200, data: { viewer: { email: user.email, projects: { totalCount: 1 } } } });
    const tooDeep = `{ viewer { projects { edges { node { sessions { edges { node { messages { edges { node { edits { revertedBy { revertedBy { revertedBy { id } } } } } } } } } } } } } } }`;
    expect(codes(await tokenClient.request(tooDeep))).toEqual(['QUERY_TOO_COMPLEX']);
    expect((await tokenClient.persisted(ViewerDocument, {})).data?.viewer.email).toBe(user.email);
  });

  it('answers an anonymous ad-hoc request as always: 401 UNAUTHENTICATED', async () => {
    const answer = await new ApiClient(only.url).request(AD_HOC);
    expect([answer.status, codes(answer)]).toEqual([401, ['UNAUTHENTICATED']]);
  });

  it('is off by default: a cookie caller may send any document', async () => {
    expect(await new ApiClient(off.url, cookie).request(AD_HOC)).toEqual({ status: 200, data: { viewer: { email: user.email, projects: { totalCount: 1 } } } });
  });

  it('sends the web app’s Stop as a persisted id that the server knows', async () => {
    const answer = await new ApiClient(only.url, cookie).persisted(StopGenerationDocument, { input: { messageId: toGlobalId('Message', project.id) } });
    // A well-formed id of no message of the viewer's: the document ran, and the use case answered.
    expect(codes(answer)).toEqual(['NOT_FOUND']);
  });
});

describe('GRAPHQL_TRUSTED_DOCUMENTS', () => {
  it('is `off` unless set to `only`, and refuses anything else with a ConfigError naming it (lib/config.ts)', () => {
    expect(trustedDocumentsMode({})).toBe('off');
    expect(trustedDocumentsMode({ GRAPHQL_TRUSTED_DOCUMENTS: '' })).toBe('off');
    expect(trustedDocumentsMode({ GRAPHQL_TRUSTED_DOCUMENTS: 'only' })).toBe('only');
    expect(() => trustedDocumentsMode({ GRAPHQL_TRUSTED_DOCUMENTS: 'strict' })).toThrow(ConfigError);
    expect(() => trustedDocumentsMode({ GRAPHQL_TRUSTED_DOCUMENTS: 'strict' })).toThrow('GRAPHQL_TRUSTED_DOCUMENTS="strict" is not allowed: off or only');
  });
});

function readdirDocuments(): string[] {
  const folder = path.join(ROOT, 'graphql/documents');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => readFileSync(path.join(folder, file), 'utf8'));
}
