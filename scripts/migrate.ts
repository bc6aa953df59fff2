import { openDatabase } from '@/db/client';
import { runStartupStep } from './database-errors';

void runStartupStep(async () => {
  const handle = openDatabase();
  try {
    await handle.migrate();
    const where = handle.config.driver === 'postgres' ? 'Postgres (DATABASE_URL)' : `embedded PGlite in ${handle.config.dataDir}`;
    console.log(`Migrations applied on ${where}.`);
  } finally {
    await handle.close();
  }
});
