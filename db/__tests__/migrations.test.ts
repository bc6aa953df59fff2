import { sql } from 'drizzle-orm';
import { getDb, selectRows } from '@/db/client';
import { useTestDatabase } from '@/testing/database';

useTestDatabase();

describe('migrations', () => {
  it('create every table of the product on an empty database', async () => {
    const rows = await selectRows<{ table_name: string }>(
      getDb(),
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(rows.map((row) => row.table_name)).toEqual([
      'access_tokens',
      'auth_accounts',
      'clips',
      'current_sessions',
      'edits',
      'instruction_edits',
      'messages',
      'project_events',
      'projects',
      'rate_limit_buckets',
      'sessions',
      'timeline_steps',
      'users',
    ]);
  });

  it('create the keyset index on sessions (project_id, created_at desc, id desc)', async () => {
    const rows = await selectRows<{ indexdef: string }>(
      getDb(),
      sql`select indexdef from pg_indexes where indexname = 'sessions_project_created_idx'`,
    );
    expect(rows[0].indexdef).toMatch(/\(project_id, created_at DESC, id DESC\)/);
  });

  it('are recorded so applying them again changes nothing', async () => {
    const { getDatabaseHandle } = await import('@/db/client');
    await expect(getDatabaseHandle().migrate()).resolves.toBeUndefined();
  });
});
