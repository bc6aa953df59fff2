import type { Sql } from 'postgres';
import { preparingStatements } from './preparedStatements';
import { boundingQueries, type QueryTimeouts } from './queryTimeout';

/**
 * The one place the app changes how postgres.js behaves under Drizzle, for speed (named
 * prepared statements) and safety (query and transaction timeouts). Both patch the client's
 * `unsafe` and `begin` in place and rely on postgres.js internals (a query's `reject` and
 * `canceller`, the client a transaction hands its callback); db/__tests__/driver.test.ts pins
 * those, so an upgrade that breaks them fails there first.
 */
export function driverClient<Client extends Sql>(client: Client, options: { prepare: boolean; timeouts: QueryTimeouts | null }): Client {
  const prepared = options.prepare ? preparingStatements(client) : client;
  return options.timeouts ? boundingQueries(prepared, options.timeouts) : prepared;
}
