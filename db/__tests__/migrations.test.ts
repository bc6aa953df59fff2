import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { getDb, selectRows } from '@/db/client';
import { appendMessage } from '@/db/messages';
import { sessions } from '@/db/schema';
import { createSession } from '@/db/sessions';
import { setUpTestDatabase } from '@/testing/database';
import { makeUserWithProject } from '@/testing/factories';

setUpTestDatabase();

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
      'persisted_queries',
      'project_events',
      'projects',
      'rate_limit_buckets',
      'sessions',
      'timeline_steps',
      'users',
    ]);
  });

  it('create the keyset index on sessions (project_id, created_at desc, id desc)', async () => {
    const rows = await selectRows<{ indexdef: string }>(getDb(), sql`select indexdef from pg_indexes where indexname = 'sessions_project_created_idx'`);
    expect(rows[0].indexdef).toMatch(/\(project_id, created_at DESC, id DESC\)/);
  });

  it('are recorded so applying them again changes nothing', async () => {
    const { getDatabaseHandle } = await import('@/db/client');
    await expect(getDatabaseHandle().migrate()).resolves.toBeUndefined();
  });

  it("0009 counts a title that is not what the first instruction made as the user's, so no rename is ever replaced", async () => {
    const { user, project } = await makeUserWithProject();
    const titled = async (title: string | null, instruction: string | null) => {
      const session = await createSession({ projectId: project.id, createdById: user.id, title });
      if (instruction !== null) {
        await appendMessage(session, { role: 'user', content: instruction });
        // Back to the title as it was written before titles had a source.
        await getDb()
          .update(sessions)
          .set({ title })
          .where(inArray(sessions.id, [session.id]));
      }
      return session.id;
    };
    const long = `shorten ${'the beach scene and '.repeat(6)}the intro`;
    const fromInstruction = await titled('make the outro a bit longer', '  make the outro\n a bit longer ');
    const cutFromInstruction = await titled(`${long.slice(0, 79).trimEnd()}…`, long);
    const renamed = await titled('Sound pass', 'mute the music');
    const renamedBeforeAnyMessage = await titled('Planning', null);
    const empty = await titled(null, null);
    const ids = [fromInstruction, cutFromInstruction, renamed, renamedBeforeAnyMessage, empty];
    await getDb().update(sessions).set({ titleSource: 'instruction' }).where(inArray(sessions.id, ids));

    const migration = readFileSync(join(process.cwd(), 'db/migrations/0009_session_title_source.sql'), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').at(-1)!;
    await getDb().execute(sql.raw(backfill));

    const rows = await getDb().select({ id: sessions.id, titleSource: sessions.titleSource }).from(sessions).where(inArray(sessions.id, ids));
    const sourceOf = new Map(rows.map((row) => [row.id, row.titleSource]));
    expect(ids.map((id) => sourceOf.get(id))).toEqual(['instruction', 'instruction', 'user', 'user', 'instruction']);
  });

  it('0011 gives tokens made before scopes full access (ADMIN), every project and no expiry, and new tokens no default scope', async () => {
    // The access_tokens table as it was before 0011, with one token in it.
    await getDb().execute(sql`create table legacy_access_tokens (id uuid primary key default gen_random_uuid(), name text not null)`);
    await getDb().execute(sql`insert into legacy_access_tokens (name) values ('CI script')`);
    const migration = readFileSync(join(process.cwd(), 'db/migrations/0011_token_scopes.sql'), 'utf8');
    const alterations = migration
      .split('--> statement-breakpoint')
      .filter((statement) => statement.includes('ALTER TABLE'))
      .map((statement) => statement.replaceAll('"access_tokens"', '"legacy_access_tokens"'));
    for (const statement of alterations) await getDb().execute(sql.raw(statement));

    const rows = await selectRows<{ scope: string; project_ids: string[] | null; expires_at: Date | null }>(
      getDb(),
      sql`select scope, project_ids, expires_at from legacy_access_tokens`,
    );
    expect(rows).toEqual([{ scope: 'ADMIN', project_ids: null, expires_at: null }]);
    const [column] = await selectRows<{ column_default: string | null }>(
      getDb(),
      sql`select column_default from information_schema.columns where table_name = 'legacy_access_tokens' and column_name = 'scope'`,
    );
    expect(column.column_default).toBeNull();
  });
});
