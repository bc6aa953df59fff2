import postgres from 'postgres';
import type { CapturedStatement } from './sql-capture';

/**
 * `EXPLAIN (ANALYZE, BUFFERS)` of statements exactly as a server sent them (captured on the
 * wire, parameters included), so the plan shown is the plan of the query that really runs.
 */

export interface ExplainedQuery {
  label: string;
  sql: string;
  params: string[];
  plan: string;
  usesSessionsIndex: boolean;
  sorts: boolean;
}

/** Statements that read the sessions list: the page itself and any look-ahead or look-behind. */
export const readsSessions = (statement: CapturedStatement) => /\bfrom\s+"?sessions"?\b/i.test(statement.sql) && /^\s*select/i.test(statement.sql);

export async function explainStatements(databaseUrl: string, labelled: readonly { label: string; statement: CapturedStatement }[]): Promise<ExplainedQuery[]> {
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const explained: ExplainedQuery[] = [];
    for (const { label, statement } of labelled) {
      const query = `EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`;
      // The first run warms the cache; the second is the one shown.
      await client.unsafe(query, statement.params);
      const rows = await client.unsafe<{ 'QUERY PLAN': string }[]>(query, statement.params);
      const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
      explained.push({
        label,
        sql: statement.sql,
        params: statement.params,
        plan,
        usesSessionsIndex: /Index (Only )?Scan.* using sessions_project_created_idx/.test(plan),
        sorts: /\bSort\b/.test(plan),
      });
    }
    return explained;
  } finally {
    await client.end({ timeout: 5 });
  }
}
