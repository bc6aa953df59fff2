import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client';
import type { Page } from './pagination';

/*
 * The first pages of many parents' lists in one statement, for the per-request DataLoaders: the
 * sessions of many projects (db/sessions/batched.ts), the messages of many sessions (db/messages/).
 */

/** The first or last `size` rows of a list, as pages without a cursor start. */
export interface PageWindow {
  end: 'first' | 'last';
  size: number;
}

export interface ChildList<Table extends PgTable> {
  table: Table;
  idColumn: PgColumn;
  parentColumn: PgColumn;
  parentOf(row: Table['$inferSelect']): string;
  /** Which of a parent's rows the list holds, when not all. */
  filter?: SQL;
  /** The list's unique sort key, most significant first, as the data layer pages it. */
  keyColumns: readonly PgColumn[];
  direction: 'asc' | 'desc';
}

/**
 * The same pages keysetPage returns for `{ first }` or `{ last }` without a cursor, for many
 * parents in one statement: a LATERAL subquery walks each parent's index range for size + 1
 * ids, and the outer query reads those rows.
 */
export async function pagesAtEnd<Table extends PgTable>(
  list: ChildList<Table>,
  parentIds: readonly string[],
  window: PageWindow,
  db: Executor,
): Promise<Map<string, Page<Table['$inferSelect']>>> {
  type Row = Table['$inferSelect'];
  const walked = new Map<string, Row[]>(parentIds.map((id) => [id, []]));
  if (parentIds.length > 0) {
    const fromEnd = window.end === 'last';
    const ascending = (list.direction === 'asc') !== fromEnd;
    const direction = sql.raw(ascending ? 'asc' : 'desc');
    const order = sql.join(
      list.keyColumns.map((column) => sql`${column} ${direction}`),
      sql`, `,
    );
    const parents = sql.join(
      parentIds.map((id) => sql`(${id}::uuid)`),
      sql`, `,
    );
    const pageIds = sql`select page.id from (values ${parents}) as parent(id) cross join lateral (
      select ${list.idColumn} as id from ${list.table} where ${list.parentColumn} = parent.id${list.filter ? sql` and ${list.filter}` : sql``} order by ${order} limit ${window.size + 1}
    ) as page`;
    const table: PgTable = list.table;
    const rows = (await db
      .select()
      .from(table)
      .where(sql`${list.idColumn} in (${pageIds})`)
      .orderBy(...list.keyColumns.map((column) => (ascending ? asc(column) : desc(column))))) as Row[];
    for (const row of rows) walked.get(list.parentOf(row))?.push(row);
  }

  const pages = new Map<string, Page<Row>>();
  for (const [parentId, rows] of walked) {
    const hasMore = rows.length > window.size;
    const pageRows = rows.slice(0, window.size);
    if (window.end === 'last') {
      pageRows.reverse();
      pages.set(parentId, { rows: pageRows, hasPreviousPage: hasMore, hasNextPage: false });
    } else {
      pages.set(parentId, { rows: pageRows, hasNextPage: hasMore, hasPreviousPage: false });
    }
  }
  return pages;
}
