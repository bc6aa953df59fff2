// `npm test`: the whole suite. Unit and integration tests (Jest) on the database the
// environment names (DATABASE_URL, else embedded PGlite), then the browser end-to-end suite.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function run(label, command, args, env = {}) {
  console.log(`\n> ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\n${label} failed.`);
    process.exit(result.status ?? 1);
  }
}

const target = process.env.DATABASE_URL ? 'Postgres (DATABASE_URL)' : 'embedded PGlite';
// PGlite loads its WASM through dynamic import, which Jest's VM allows only with this flag.
run(`Jest on ${target}`, 'npx', ['jest', '--ci'], {
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim(),
});
if (existsSync('e2e/run.mjs') && process.env.SKIP_E2E !== '1') run(`Browser end-to-end on ${target}`, 'node', ['e2e/run.mjs']);
