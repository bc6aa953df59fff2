import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';

/**
 * PostGraphile v5 with the Amber preset over the same tables: what a user would pick for a
 * Relay API over Postgres. Library mode on a bare node:http server, as its own CLI does,
 * with a pool of the same size as ours.
 */

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required.`);
  return value;
}

const preset: GraphileConfig.Preset = {
  extends: [PostGraphileAmberPreset],
  pgServices: [
    makePgService({
      connectionString: requiredEnv('DATABASE_URL'),
      schemas: ['public'],
      poolConfig: { max: Number(process.env.DATABASE_POOL_MAX ?? 10) },
    }),
  ],
  grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();

function shutdown(): void {
  server.close();
  void Promise.resolve(pgl.release()).finally(() => process.exit(0));
}
process.once('SIGTERM', shutdown);
process.once('SIGINT', shutdown);

serv
  .addTo(server)
  .then(() => {
    server.listen(Number(requiredEnv('PORT')), '127.0.0.1', () => console.log(`postgraphile listening on ${process.env.PORT}`));
  })
  .catch((error: unknown) => {
    console.error('PostGraphile failed to start:', error);
    process.exit(1);
  });
