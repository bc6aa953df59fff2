import { Client, fetchExchange, type DocumentInput } from '@urql/core';
import { createCacheExchange } from '@/docs/clients/urql';
import * as documents from '@/docs/clients/documents';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';
import { toGlobalId } from '../ids';
import { sessionCookie, startApiServer, type ApiServer } from './support/api';
import { runWalk, WALKS, type CacheDriver, type MutationName, type Payload, type Viewer } from './support/clientCaches';

/**
 * urql with the Graphcache exchange of docs/clients.md against a live server: after every
 * list-changing mutation the screen it has cached is the server's, with no code of the app's.
 */
setUpTestDatabase();

let server: ApiServer;
const warnings: unknown[][] = [];
beforeAll(async () => {
  server = await startApiServer();
  for (const method of ['warn', 'error'] as const) jest.spyOn(console, method).mockImplementation((...args) => void warnings.push(args));
});
afterAll(() => server.close());
afterEach(() => {
  expect(warnings).toEqual([]);
  warnings.length = 0;
});

const MUTATIONS: Record<MutationName, DocumentInput> = {
  startSession: documents.START_SESSION,
  restoreSession: documents.RESTORE_SESSION,
  forkSession: documents.FORK_SESSION,
  pinSession: documents.PIN_SESSION,
  unpinSession: documents.UNPIN_SESSION,
  archiveSession: documents.ARCHIVE_SESSION,
  unarchiveSession: documents.UNARCHIVE_SESSION,
  renameSession: documents.RENAME_SESSION,
  deleteSession: documents.DELETE_SESSION,
  sendMessage: documents.SEND_MESSAGE,
  restoreTimeline: documents.RESTORE_TIMELINE,
  createProject: documents.CREATE_PROJECT,
};

function urqlDriver({ projectId, headers }: Viewer): CacheDriver {
  const client = new Client({ url: server.url, exchanges: [createCacheExchange(), fetchExchange], fetchOptions: { headers }, preferGetMethod: false });
  const variables = { projectId };
  let watching: { unsubscribe(): void } | undefined;
  return {
    async open() {
      watching = client.query(documents.SCREEN, variables).subscribe(() => {});
      await client.query(documents.SCREEN, variables, { requestPolicy: 'network-only' }).toPromise();
    },
    async mutate(name, mutationVariables) {
      const result = await client.mutation(MUTATIONS[name], mutationVariables).toPromise();
      if (result.error) throw result.error;
      return (result.data as Record<string, Payload>)[name];
    },
    async cached() {
      const result = await client.query(documents.SCREEN, variables, { requestPolicy: 'cache-only' }).toPromise();
      return result.stale || result.error ? null : (result.data as unknown);
    },
    close: () => watching?.unsubscribe(),
  };
}

it.each(Object.entries(WALKS))('keeps the screen right through %s', async (_name, walk) => {
  const { user, project } = await makeUserWithProject();
  const who = { user, projectId: toGlobalId('Project', project.id), headers: await sessionCookie(user) };
  await runWalk(walk, who, urqlDriver(who), server.url);
});
