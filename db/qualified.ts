import { getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * A column as plain SQL text, `"table"."column"`, as Drizzle writes it anyway. For fragments
 * that also go into relational queries (`db.query.*`): those re-alias every column object in an
 * `extras` or `orderBy` fragment to the table they read, which would break a subquery over
 * another table.
 */
export function qualified(column: PgColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}
