import { sql } from 'drizzle-orm';
import { getDb, selectRows, type Executor } from './client';
import { persistedQueries } from './schema';

/**
 * The store of automatic persisted queries, one table shared by every instance. What may be
 * registered (a viewer, a verified hash, a document that passed the guards) is decided by
 * server/persistedQueries.ts; this module only keeps the store bounded.
 */

/** `last_used_at` is refreshed at most this often, so a popular document is not written on every request. */
const LAST_USED_GRANULARITY_SECONDS = 60;

/** The text registered under `hash` (lower-case hex sha256), marking it used; undefined when there is none. */
export async function findPersistedQuery(hash: string, db: Executor = getDb()): Promise<string | undefined> {
  // One statement: the read, and the touch that keeps the document off the pruning end.
  const [row] = await selectRows<{ text: string }>(
    db,
    sql`with touched as (
          update ${persistedQueries} set last_used_at = now()
          where hash = ${hash} and last_used_at < now() - make_interval(secs => ${LAST_USED_GRANULARITY_SECONDS})
        )
        select text from ${persistedQueries} where hash = ${hash}`,
  );
  return row?.text;
}

/**
 * Registers `text` under `hash` unless it is there already (two instances registering the same
 * document at once both succeed, one row stays), then prunes the least recently used documents
 * beyond `cap`. Returns whether this call added the row. The caller has verified the hash.
 */
export async function registerPersistedQuery(hash: string, text: string, cap: number, db: Executor = getDb()): Promise<boolean> {
  const inserted = await db.insert(persistedQueries).values({ hash, text }).onConflictDoNothing().returning({ hash: persistedQueries.hash });
  if (inserted.length === 0) return false;
  // Only an insert can push the store over its cap; the new row is the most recently used, so it stays.
  // At the cap this walks the last-used index over 10,000 rows: about 6 ms, once per new document (docs/performance.md).
  await db.execute(
    sql`delete from ${persistedQueries}
        where hash in (select hash from ${persistedQueries} order by last_used_at desc, created_at desc, hash offset ${cap})`,
  );
  return true;
}

/** How many documents the store holds (for tests and operators). */
export async function countPersistedQueries(db: Executor = getDb()): Promise<number> {
  const [row] = await selectRows<{ count: number | string }>(db, sql`select count(*) as count from ${persistedQueries}`);
  return Number(row.count);
}
