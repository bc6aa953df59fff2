import { Client, fetchExchange } from '@urql/core';
import { createCacheExchange } from '@/docs/clients/urql';
import * as documents from '@/docs/clients/documents';
import { setUpTestDatabase } from '@/testing/database';
import { MUTATIONS, newViewer, runWalk, setUpClientSuite, WALKS, type CacheDriver, type Payload, type Viewer } from './support/clientCaches';

/**
 * urql with the Graphcache exchange of docs/clients.md against a live server: after every
 * list-changing mutation the screen it has cached is the server's, with no code of the app's.
 */
setUpTestDatabase();

const server = setUpClientSuite();

function urqlDriver({ projectId, headers }: Viewer): CacheDriver {
  const client = new Client({ url: server().url, exchanges: [createCacheExchange(), fetchExchange], fetchOptions: { headers }, preferGetMethod: false });
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
  const who = await newViewer();
  await runWalk(walk, who, urqlDriver(who), server().url);
});
