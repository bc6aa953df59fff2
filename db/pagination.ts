import { and, asc, desc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client';

/**
 * Keyset (seek) pagination: every page is one index range scan, however deep. Never OFFSET.
 * The sort key must be unique (tie-break with the id), so no row is skipped or repeated.
 */

export type KeyValue = string | number | Date;

export interface PageArgs<Key> {
  first?: number;
  after?: Key;
  last?: number;
  before?: Key;
  /**
   * False when nobody will read whether rows exist on the far side of the cursor
   * (`hasPreviousPage` after `after`, `hasNextPage` after `before`): it then reads as false
   * and costs no query. Checked unless said otherwise.
   */
  checkBeyondCursor?: boolean;
}

export interface Page<Row> {
  rows: Row[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

export interface KeysetSpec<Table extends PgTable, Key> {
  table: Table;
  /** Rows that belong to the list, e.g. one project's sessions. */
  scope: SQL;
  /** The unique sort key, most significant first. */
  keyColumns: readonly PgColumn[];
  direction: 'asc' | 'desc';
  keyValues(key: Key): KeyValue[];
}

/** Upper bound callers must enforce on first/last; guards the query even if they forget. */
export const MAX_PAGE_SIZE = 100;

export async function keysetPage<Table extends PgTable, Key>(
  db: Executor,
  spec: KeysetSpec<Table, Key>,
  args: PageArgs<Key>,
): Promise<Page<Table['$inferSelect']>> {
  const backward = args.last !== undefined && args.first === undefined;
  const limit = Math.min(backward ? args.last! : (args.first ?? MAX_PAGE_SIZE), MAX_PAGE_SIZE);

  // Walking backward reads the list in reverse order from `before`, then flips the page.
  const walksAscending = (spec.direction === 'asc') !== backward;
  const order = spec.keyColumns.map((column) => (walksAscending ? asc(column) : desc(column)));
  const seekKey = backward ? args.before : args.after;
  const otherSideKey = backward ? args.after : args.before;

  const conditions: SQL[] = [spec.scope];
  if (seekKey !== undefined) conditions.push(compareKey(spec, walksAscending ? '>' : '<', seekKey));
  if (otherSideKey !== undefined) conditions.push(compareKey(spec, walksAscending ? '<' : '>', otherSideKey));

  const fetched = (await db
    .select()
    .from(spec.table as PgTable)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(limit + 1)) as Table['$inferSelect'][];

  const hasMore = fetched.length > limit;
  const rows = fetched.slice(0, limit);
  if (backward) rows.reverse();

  // Whether rows exist on the far side of the cursor we seeked from.
  const hasRowsBeyondSeek =
    seekKey === undefined || args.checkBeyondCursor === false ? false : await existsBeyond(db, spec, walksAscending ? '<=' : '>=', seekKey);

  return backward
    ? { rows, hasPreviousPage: hasMore, hasNextPage: hasRowsBeyondSeek }
    : { rows, hasNextPage: hasMore, hasPreviousPage: hasRowsBeyondSeek };
}

function compareKey<Key>(spec: KeysetSpec<PgTable, Key>, operator: '<' | '>' | '<=' | '>=', key: Key): SQL {
  const values = spec.keyValues(key);
  const columns = sql.join(spec.keyColumns.map((column) => sql`${column}`), sql`, `);
  const params = sql.join(
    values.map((value, index) => sql`${sql.param(value, spec.keyColumns[index])}`),
    sql`, `,
  );
  return sql`(${columns}) ${sql.raw(operator)} (${params})`;
}

async function existsBeyond<Key>(
  db: Executor,
  spec: KeysetSpec<PgTable, Key>,
  operator: '<=' | '>=',
  key: Key,
): Promise<boolean> {
  // Ordered from the cursor outwards so the probe is one step down the index, not a scan.
  const outwards = spec.keyColumns.map((column) => (operator === '>=' ? asc(column) : desc(column)));
  const found = await db
    .select({ one: sql<number>`1` })
    .from(spec.table)
    .where(and(spec.scope, compareKey(spec, operator, key)))
    .orderBy(...outwards)
    .limit(1);
  return found.length > 0;
}
