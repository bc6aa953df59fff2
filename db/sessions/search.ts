import { rankKeyOf, type RankKey } from '@/lib/listKeys';
import { MARK_END, MARK_START } from '@/lib/snippets';
import { getTableColumns, sql } from 'drizzle-orm';
import { getDb, selectRows, type Executor } from '../client';
import { DEFAULT_PAGE_SIZE, type Page } from '../pagination';
import { messages, sessions, type Session } from '../schema';
import type { SessionListFilter } from './rows';

/**
 * Full-text search of a project's history list: session titles and message content, with
 * Postgres's English configuration over the GIN indexes sessions_title_search_idx and
 * messages_content_search_idx (the expressions here are theirs, word for word). A session ranks
 * by its best match, a title match counting double; ties go to the newer session, then the id.
 */

/** A result's place in the ranking; the rank is a float8 so it round-trips through a cursor exactly. */
export type SearchKey = RankKey;

export type SearchResult = Session & { rank: number; snippet: string };

export const searchKey: (row: SearchResult) => SearchKey = rankKeyOf;

/**
 * One page of results, forward (`first`, after `after`) or backward (`last`, before `before`),
 * with the other cursor bounding the far end when given. Whether rows lie beyond the cursor
 * (`hasPreviousPage` forward, `hasNextPage` backward) is read in the same statement.
 */
export async function searchSessions(
  projectId: string,
  query: string,
  page: { first?: number; after?: SearchKey; last?: number; before?: SearchKey },
  filter: SessionListFilter,
  db: Executor = getDb(),
): Promise<Page<SearchResult>> {
  const backward = page.last !== undefined && page.first === undefined;
  const limit = (backward ? page.last : page.first) ?? DEFAULT_PAGE_SIZE;
  const seek = backward ? page.before : page.after;
  const bound = backward ? page.after : page.before;
  // Backward reads the ranking from the bottom up, from `before`, then the page is turned around.
  const direction = sql.raw(backward ? 'asc' : 'desc');
  const rows = await selectRows<Record<string, unknown>>(
    db,
    sql`
    ${matchedSessions(projectId, query, filter)},
    found as (
      select matched.* from matched
      where true ${seek ? sql`and ${keyOf('matched')} ${sql.raw(backward ? '>' : '<')} ${keyValues(seek)}` : sql``}
        ${bound ? sql`and ${keyOf('matched')} ${sql.raw(backward ? '<' : '>')} ${keyValues(bound)}` : sql``}
      order by matched.rank ${direction}, matched.created_at ${direction}, matched.id ${direction}
      limit ${limit + 1}
    )
    select ${SESSION_COLUMNS}, found.rank,
      (extract(epoch from s.created_at) * 1000)::float8 as created_ms, (extract(epoch from s.updated_at) * 1000)::float8 as updated_ms,
      ts_headline('english', best.text, q.q,
        ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=18, MinWords=6, ShortWord=2, MaxFragments=1, FragmentDelimiter=" … "`}) as snippet,
      ${seek ? sql`exists (select 1 from matched where ${keyOf('matched')} ${sql.raw(backward ? '<=' : '>=')} ${keyValues(seek)})` : sql`false`} as beyond
    from found join ${sessions} s on s.id = found.id cross join q
      cross join lateral (${bestMatchOf('s')}) best
    order by found.rank ${direction}, found.created_at ${direction}, found.id ${direction}
  `,
  );
  const results = rows.map(toResult);
  const pageRows = results.slice(0, limit);
  if (backward) pageRows.reverse();
  const more = results.length > limit;
  // With no row on this page, whether any lies beyond the cursor is asked on its own.
  const beyond = seek === undefined ? false : rows.length > 0 ? Boolean(rows[0].beyond) : await existsBeyond(projectId, query, filter, seek, backward, db);
  return backward ? { rows: pageRows, hasPreviousPage: more, hasNextPage: beyond } : { rows: pageRows, hasNextPage: more, hasPreviousPage: beyond };
}

async function existsBeyond(projectId: string, query: string, filter: SessionListFilter, seek: SearchKey, backward: boolean, db: Executor): Promise<boolean> {
  const [row] = await selectRows<{ beyond: boolean }>(
    db,
    sql`
    ${matchedSessions(projectId, query, filter)}
    select exists (select 1 from matched where ${keyOf('matched')} ${sql.raw(backward ? '<=' : '>=')} ${keyValues(seek)}) as beyond
  `,
  );
  return Boolean(row?.beyond);
}

/** A result's sort key, in the ranking's order (rank, then time, then id). */
function keyOf(alias: string) {
  return sql.raw(`(${alias}.rank, ${alias}.created_at, ${alias}.id)`);
}

function keyValues(key: SearchKey) {
  return sql`(${key.rank}::float8, ${key.createdAt.toISOString()}::timestamptz, ${key.id}::uuid)`;
}

/** How many sessions match (the search's totalCount). */
export async function countSearchResults(projectId: string, query: string, filter: SessionListFilter, db: Executor = getDb()): Promise<number> {
  const [row] = await selectRows<{ count: number }>(
    db,
    sql`
    ${matchedSessions(projectId, query, filter)}
    select count(*)::int as count from matched
  `,
  );
  return Number(row?.count ?? 0);
}

/**
 * `with q, hits, matched`: each listed session of the project that matches, with its best rank
 * and its creation time (its sort key). The stored vectors (sessions.title_search,
 * messages.content_search) are what the GIN indexes hold, so ranking parses nothing again; the
 * sessions are filtered where they are read, so only matches that are listed are ranked.
 */
function matchedSessions(projectId: string, query: string, filter: SessionListFilter) {
  const listed = sql`s.project_id = ${projectId} and s.archived = ${filter.archived} and ${listedOf('s')}`;
  // A session has one title but many messages: only message hits need grouping, and a full join
  // then meets the two without sorting every title hit (a search for a word in every title).
  return sql`
    with q as (select websearch_to_tsquery('english', ${query}) as q),
    title_hits as (
      select s.id, s.created_at, ts_rank(s.title_search, q.q)::float8 * 2 as rank
      from ${sessions} s, q
      where s.title_search @@ q.q and ${listed}
    ),
    message_hits as (
      select s.id, s.created_at, max(ts_rank(m.content_search, q.q)::float8) as rank
      from ${messages} m join ${sessions} s on s.id = m.session_id, q
      where m.content_search @@ q.q and ${listed}
      group by s.id, s.created_at
    ),
    matched as (
      select coalesce(t.id, m.id) as id, coalesce(t.created_at, m.created_at) as created_at, greatest(t.rank, m.rank) as rank
      from title_hits t full join message_hits m on m.id = t.id
    )`;
}

/** The text a result's snippet quotes: its best match (the title on a tie, then the earliest message). Read for a page's rows only. */
function bestMatchOf(alias: string) {
  return sql`
    select text from (
      select ${sql.raw(alias)}.title as text, ts_rank(${sql.raw(alias)}.title_search, q.q)::float8 * 2 as rank, 0 as seq
      where ${sql.raw(alias)}.title_search @@ q.q
      union all
      select m.content, ts_rank(m.content_search, q.q)::float8, m.seq
      from ${messages} m where m.session_id = ${sql.raw(alias)}.id and m.content_search @@ q.q
    ) candidates
    order by rank desc, seq
    limit 1`;
}

/** What a result reads of its session: every Drizzle column (not the search vectors), times as epoch ms. */
const SESSION_COLUMNS = sql.raw(
  Object.values(getTableColumns(sessions))
    .map((column) => `s.${column.name}`)
    .join(', '),
);

/** listedSession (db/sessions/listed.ts), written for an alias. */
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
    snippet: (row.snippet as string | null) ?? '',
  };
}
