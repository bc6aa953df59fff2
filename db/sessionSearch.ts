import { sql } from 'drizzle-orm';
import { getDb, selectRows, type Executor } from './client';
import type { Page } from './pagination';
import { messages, sessions, type Session } from './schema';
import type { SessionListFilter } from './sessions';

/**
 * Full-text search of a project's history list: session titles and message content, with
 * Postgres's English configuration over the GIN indexes sessions_title_search_idx and
 * messages_content_search_idx (the expressions here are theirs, word for word). A session ranks
 * by its best match, a title match counting double; ties go to the newer session, then the id.
 */

/** A result's place in the ranking; the rank is a float8 so it round-trips through a cursor exactly. */
export type SearchKey = { rank: number; createdAt: Date; id: string };

/** Start and end of a highlighted word in a snippet: characters no text of ours contains. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export type SearchResult = Session & { rank: number; snippet: string };

export const searchKey = (row: SearchResult): SearchKey => ({ rank: row.rank, createdAt: row.createdAt, id: row.id });

export async function searchSessions(
  projectId: string,
  query: string,
  page: { first: number; after?: SearchKey },
  filter: SessionListFilter,
  db: Executor = getDb(),
): Promise<Page<SearchResult>> {
  const after = page.after
    ? sql`and (matched.rank, s.created_at, s.id) < (${page.after.rank}::float8, ${page.after.createdAt.toISOString()}::timestamptz, ${page.after.id}::uuid)`
    : sql``;
  const rows = await selectRows<Record<string, unknown>>(db, sql`
    ${matchedSessions(projectId, query)},
    found as (
      select s.*, matched.rank, matched.text,
        (extract(epoch from s.created_at) * 1000)::float8 as created_ms, (extract(epoch from s.updated_at) * 1000)::float8 as updated_ms
      from matched join ${sessions} s on s.id = matched.session_id
      where s.archived = ${filter.archived} and ${listedOf('s')} ${after}
      order by matched.rank desc, s.created_at desc, s.id desc
      limit ${page.first + 1}
    )
    select found.*, ts_headline('english', found.text, q.q,
      ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=18, MinWords=6, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "`}) as snippet
    from found, q
    order by found.rank desc, found.created_at desc, found.id desc
  `);
  const results = rows.map(toResult);
  return { rows: results.slice(0, page.first), hasNextPage: results.length > page.first, hasPreviousPage: page.after !== undefined };
}

/** How many sessions match (the search's totalCount). */
export async function countSearchResults(projectId: string, query: string, filter: SessionListFilter, db: Executor = getDb()): Promise<number> {
  const [row] = await selectRows<{ count: number }>(db, sql`
    ${matchedSessions(projectId, query)}
    select count(*)::int as count from matched join ${sessions} s on s.id = matched.session_id
    where s.archived = ${filter.archived} and ${listedOf('s')}
  `);
  return Number(row?.count ?? 0);
}

/** `with q, hits, matched`: each matching session of the project with its best rank and the text that matched best. */
function matchedSessions(projectId: string, query: string) {
  return sql`
    with q as (select websearch_to_tsquery('english', ${query}) as q),
    hits as (
      select ${sessions.id} as session_id, ts_rank(to_tsvector('english', coalesce(${sessions.title}, '')), q.q)::float8 * 2 as rank, ${sessions.title} as text
      from ${sessions}, q
      where ${sessions.projectId} = ${projectId} and to_tsvector('english', coalesce(${sessions.title}, '')) @@ q.q
      union all
      select ${messages.sessionId}, ts_rank(to_tsvector('english', ${messages.content}), q.q)::float8, ${messages.content}
      from ${messages} join ${sessions} on ${sessions.id} = ${messages.sessionId}, q
      where ${sessions.projectId} = ${projectId} and to_tsvector('english', ${messages.content}) @@ q.q
    ),
    matched as (
      select session_id, max(rank) as rank, (array_agg(text order by rank desc))[1] as text from hits group by session_id
    )`;
}

/** listedSession (db/batchedReads.ts), written for an alias. */
function listedOf(alias: string) {
  return sql.raw(`(${alias}.message_count > 0 or exists (select 1 from current_sessions where current_sessions.session_id = ${alias}.id offset 0))`);
}

function toResult(row: Record<string, unknown>): SearchResult {
  return {
    id: row.id as string,
    projectId: row.project_id as string,
    createdById: row.created_by_id as string,
    title: (row.title as string | null) ?? null,
    titleSource: row.title_source as Session['titleSource'],
    messageCount: Number(row.message_count),
    pinned: Boolean(row.pinned),
    archived: Boolean(row.archived),
    forkedFromSessionId: (row.forked_from_session_id as string | null) ?? null,
    forkedFromMessageId: (row.forked_from_message_id as string | null) ?? null,
    summary: (row.summary as string | null) ?? null,
    summaryThroughSeq: Number(row.summary_through_seq ?? 0),
    createdAt: new Date(Number(row.created_ms)),
    updatedAt: new Date(Number(row.updated_ms)),
    rank: Number(row.rank),
    snippet: String(row.snippet ?? ''),
  };
}
