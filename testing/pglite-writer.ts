// Child process for the durability test: writes one user to a PGlite folder, says so, and
// then waits to be killed without any chance to close the database.
import { openDatabase } from '@/db/client';
import { createUser } from '@/db/users';

async function main() {
  const [dataDir, email] = process.argv.slice(2);
  const handle = openDatabase({ driver: 'pglite', dataDir });
  await handle.migrate();
  await createUser({ email, name: 'Durable', passwordHash: null }, handle.db);
  process.stdout.write('written\n');
  setInterval(() => {}, 60_000);
}

void main();
