// `npm start`: build the app, migrate and seed the database, then serve it.
// With no DATABASE_URL everything runs on the embedded PGlite in PGLITE_DIR (default .data/pglite).
// A launcher, run before the app is loaded: it reads PORT, SKIP_BUILD and NEXTAUTH_SECRET itself
// (blank as unset, as lib/config.ts does), and the configuration check below refuses bad values.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';

const port = process.env.PORT?.trim() || '3000';
process.env.NEXT_TELEMETRY_DISABLED = '1';

// The app server runs in production mode, which requires a cookie-signing secret. For a local run
// we keep a random one in .data/nextauth-secret (the file lib/auth/secret.ts uses in development).
if (!process.env.NEXTAUTH_SECRET) {
  const file = '.data/nextauth-secret';
  if (!fs.existsSync(file)) {
    fs.mkdirSync('.data', { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
}
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

function run(label, command, args) {
  console.log(`\n> ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('Checking the configuration', 'npx', ['tsx', 'scripts/check-config.ts']);
if (!/^(1|true)$/i.test(process.env.SKIP_BUILD?.trim() ?? '')) run('Building the app', 'npx', ['next', 'build']);
run('Migrating the database', 'npx', ['tsx', 'scripts/migrate.ts']);
run('Seeding the demo user and project', 'npx', ['tsx', 'scripts/seed.ts']);
console.log(`\n> Serving CoDirector at http://localhost:${port}`);
run('Serving', process.execPath, ['scripts/server.mjs', '--port', port]);
