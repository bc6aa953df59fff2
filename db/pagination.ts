import { and, asc, desc, eq, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { builtOnce } from './builtQueries';
import type { Executor } from './client';
import { MAX_PAGE_SIZE } from '@/lib/listKeys';

/**
 * Keyset (seek) pagination: every page is one index range scan, however deep. Never OFFSET.
 * The sort key must be unique (tie-break with the id), so no row is skipped or repeated.
 */

export type KeyValue = string | number | boolean | Date;

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
  /** The list is the rows whose `scopeColumn` is `scopeValue`, e.g. one project's sessions. */
  scopeColumn: PgColumn;
  scopeValue: string;
  /** Further equalities the list is made of, e.g. `archived = false` (the values are placeholders). */
  filters?: readonly { column: PgColumn; value: boolean | string | number }[];
  /** A fixed condition on the list's rows (no placeholders), named for the prepared statement's name. */
  where?: { name: string; condition: SQL };
  /** Only the rows whose `column` is one of `ids` (e.g. the projects a token is limited to): one placeholder, whatever the ids. */
  among?: { column: PgColumn; ids: readonly string[] };
  /** The unique sort key, most significant first. */
  keyColumns: readonly PgColumn[];
  direction: 'asc' | 'desc';
  keyValues(key: Key): KeyValue[];
}

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@/lib/listKeys';

export async function keysetPage<Table extends PgTable, Key>(
  db: Executor,
  spec: KeysetSpec<Table, Key>,
  args: PageArgs<Key>,
): Promise<Page<Table['$inferSelect']>> {
  const backward = args.last !== undefined && args.first === undefined;
  const limit = Math.min(backward ? args.last! : (args.first ?? MAX_PAGE_SIZE), MAX_PAGE_SIZE);

  // Walking backward reads the list in reverse order from `before`, then flips the page.
  const walksAscending = (spec.direction === 'asc') !== backward;
  const seekKey = backward ? args.before : args.after;
  const otherSideKey = backward ? args.after : args.before;

  const shape = `${listName(spec)}:${walksAscending ? 'asc' : 'desc'}:${seekKey !== undefined ? 'seek' : ''}:${otherSideKey !== undefined ? 'other' : ''}`;
  const query = builtOnce(db, `page:${shape}`, () => {
    const order = spec.keyColumns.map((column) => (walksAscending ? asc(column) : desc(column)));
    const conditions: SQL[] = scopeConditions(spec);
    if (seekKey !== undefined) conditions.push(compareKey(spec.keyColumns, walksAscending ? '>' : '<', 'seek'));
    if (otherSideKey !== undefined) conditions.push(compareKey(spec.keyColumns, walksAscending ? '<' : '>', 'other'));
    const table: PgTable = spec.table;
    return db
      .select()
      .from(table)
      .where(and(...conditions))
      .orderBy(...order)
      .limit(sql.placeholder('limit'))
      .prepare(`page:${shape}`);
  });
  const fetched = (await query.execute({
    ...scopePlaceholders(spec),
    limit: limit + 1,
    ...keyPlaceholders(spec, 'seek', seekKey),
    ...keyPlaceholders(spec, 'other', otherSideKey),
  })) as Table['$inferSelect'][];

  const hasMore = fetched.length > limit;
  const rows = fetched.slice(0, limit);
  if (backward) rows.reverse();

  // Whether rows exist on the far side of the cursor we seeked from.
  const hasRowsBeyondSeek =
    seekKey === undefined || args.checkBeyondCursor === false ? false : await existsBeyond(db, spec, walksAscending ? '<=' : '>=', seekKey);

  return backward ? { rows, hasPreviousPage: hasMore, hasNextPage: hasRowsBeyondSeek } : { rows, hasNextPage: hasMore, hasPreviousPage: hasRowsBeyondSeek };
}

type ListScope = Pick<KeysetSpec<PgTable, unknown>, 'table' | 'scopeColumn' | 'scopeValue' | 'filters' | 'where' | 'among'>;

function listName({ table, scopeColumn, filters = [], where, among }: ListScope): string {
  return [
    `${getTableName(table)}.${scopeColumn.name}`,
    ...filters.map((filter) => filter.column.name),
    ...(where ? [where.name] : []),
    ...(among ? [`among:${among.column.name}`] : []),
  ].join('+');
}

function scopeConditions(spec: ListScope): SQL[] {
  return [
    eq(spec.scopeColumn, sql.placeholder('scope')),
    ...(spec.filters ?? []).map((filter, index) => eq(filter.column, sql.placeholder(`filter${index}`))),
    ...(spec.where ? [spec.where.condition] : []),
    // A Postgres array literal as text, cast: both drivers pass text the same way.
    ...(spec.among ? [sql`${spec.among.column} = any(${sql.placeholder('among')}::uuid[])`] : []),
  ];
}

function scopePlaceholders(spec: ListScope): Record<string, string | number | boolean> {
  return {
    scope: spec.scopeValue,
    ...Object.fromEntries((spec.filters ?? []).map((filter, index) => [`filter${index}`, filter.value])),
    ...(spec.among && { among: `{${spec.among.ids.join(',')}}` }),
  };
}

/** `(key columns) <operator> ($<prefix>0, $<prefix>1…)` */
function compareKey(keyColumns: readonly PgColumn[], operator: '<' | '>' | '<=' | '>=', prefix: string): SQL {
  const columns = sql.join(
    keyColumns.map((column) => sql`${column}`),
    sql`, `,
  );
  const values = sql.join(
    keyColumns.map((_, index) => sql`${sql.placeholder(`${prefix}${index}`)}`),
    sql`, `,
  );
  return sql`(${columns}) ${sql.raw(operator)} (${values})`;
}

/** A key's values for compareKey's placeholders; times as ISO text, which both drivers pass on exactly. */
function keyPlaceholders<Key>(spec: KeysetSpec<PgTable, Key>, prefix: string, key: Key | undefined): Record<string, string | number | boolean> {
  if (key === undefined) return {};
  return Object.fromEntries(spec.keyValues(key).map((value, index) => [`${prefix}${index}`, value instanceof Date ? value.toISOString() : value]));
}

async function existsBeyond<Key>(db: Executor, spec: KeysetSpec<PgTable, Key>, operator: '<=' | '>=', key: Key): Promise<boolean> {
  const shape = `${listName(spec)}:beyond${operator}`;
  const query = builtOnce(db, `page:${shape}`, () => {
    // Ordered from the cursor outwards so the probe is one step down the index, not a scan.
    const outwards = spec.keyColumns.map((column) => (operator === '>=' ? asc(column) : desc(column)));
    return db
      .select({ one: sql<number>`1` })
      .from(spec.table)
      .where(and(...scopeConditions(spec), compareKey(spec.keyColumns, operator, 'key')))
      .orderBy(...outwards)
      .limit(1)
      .prepare(`page:${shape}`);
  });
  const found = await query.execute({ ...scopePlaceholders(spec), ...keyPlaceholders(spec, 'key', key) });
  return found.length > 0;
}
