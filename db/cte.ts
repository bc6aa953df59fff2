import { getTableColumns, sql, type SQL, type Table } from 'drizzle-orm';

/**
 * A table's columns as a common table expression built from that table (`select *` or
 * `returning *`) carries them, for a select that reads the expression's row under its own key:
 * `tx.with(reply).select({ reply: rowOf(reply, messages) })`. Drizzle maps the result as it maps
 * the table's own rows.
 */
export function rowOf<T extends Table>(expression: object, table: T): T['_']['columns'] {
  const fields = expression as Record<string, unknown>;
  return Object.fromEntries(Object.keys(getTableColumns(table)).map((key) => [key, fields[key]])) as T['_']['columns'];
}

/** Column names for the column list of an insert written as SQL (`insert into t (a, b) select …`). */
export function columnNames(...columns: { name: string }[]): SQL {
  return sql.join(
    columns.map((column) => sql.identifier(column.name)),
    sql`, `,
  );
}

/** A column of a common table expression, qualified by its name: Drizzle writes those unqualified inside SQL fragments. */
export function columnOf(expression: string, column: { name: string }): SQL {
  return sql`${sql.identifier(expression)}.${sql.identifier(column.name)}`;
}

/** A row keyed by the table's column names, as SQL reads a JSON record of the table's type (`jsonb_populate_recordset(null::t, …)`). */
export function byColumnName<T extends Table>(table: T, row: Partial<Record<keyof T['_']['columns'], unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(getTableColumns(table)).map(([key, column]) => [column.name, row[key as keyof typeof row]]));
}
