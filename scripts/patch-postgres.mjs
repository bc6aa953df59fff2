// Runs after every `npm install` / `npm ci` (package.json "postinstall").
//
// postgres.js 3.4.x writes a connection's buffered bytes from a setImmediate callback
// (`nextWrite`). When the connection was cut in between, its socket is already null and the
// callback throws a TypeError outside any promise: an uncaught exception that ends a plain Node
// process (Next.js merely logs it). Upstream has no release with a fix; until it does, the
// write is skipped when there is no socket: the queries those bytes carried get no answer and
// fail on the app's query timeout (db/queryTimeout.ts), like any query caught in a cut.
// Idempotent; fails loudly when the code it patches has changed, so an upgrade is noticed.
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(process.cwd(), 'node_modules', 'postgres');
const FILES = ['cjs/src/connection.js', 'src/connection.js', 'cf/src/connection.js'];
const ORIGINAL = '    const x = socket.write(chunk, fn)\n';
const GUARD = '    if (!socket) return (clearImmediate(nextWriteTimer), chunk = nextWriteTimer = null, false) // codirector: cut connection\n';

if (!fs.existsSync(root)) process.exit(0);
for (const file of FILES) {
  const target = path.join(root, file);
  if (!fs.existsSync(target)) continue;
  const source = fs.readFileSync(target, 'utf8');
  if (source.includes(GUARD)) continue;
  if (!source.includes(ORIGINAL)) {
    console.error(`patch-postgres: ${file} no longer has the line it guards; check whether the postgres.js upgrade fixed the null-socket write.`);
    process.exit(1);
  }
  fs.writeFileSync(target, source.replace(ORIGINAL, GUARD + ORIGINAL));
}
