// `npm start`: build the app, migrate and seed the database, then serve it.
// With no DATABASE_URL everything runs on the embedded PGlite in PGLITE_DIR (default .data/pglite).
import { spawnSync } from 'node:child_process';

const port = process.env.PORT ?? '3000';
process.env.NEXT_TELEMETRY_DISABLED = '1';

function run(label, command, args) {
  console.log(`\n> ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.env.SKIP_BUILD !== '1') run('Building the app', 'npx', ['next', 'build']);
run('Migrating the database', 'npx', ['tsx', 'scripts/migrate.ts']);
run('Seeding the demo user and project', 'npx', ['tsx', 'scripts/seed.ts']);
console.log(`\n> Serving CoDirector at http://localhost:${port}`);
run('next start', 'npx', ['next', 'start', '--port', port]);
