/**
 * The sort keys of the paginated lists, one shape each, used by the data layer's keyset pages
 * and by the cursors that encode positions in them.
 */

/** Newest first by creation time, tie-broken by id (projects, sessions). */
export type CreatedAtKey = { createdAt: Date; id: string };
export const createdAtKeyOf = <Row extends { createdAt: Date; id: string }>(row: Row): CreatedAtKey => ({ createdAt: row.createdAt, id: row.id });

/** Pinned first, then newest first, tie-broken by id (a project's history list). */
export type PinnedCreatedAtKey = { pinned: boolean; createdAt: Date; id: string };
export const pinnedCreatedAtKeyOf = <Row extends PinnedCreatedAtKey>(row: Row): PinnedCreatedAtKey => ({
  pinned: row.pinned,
  createdAt: row.createdAt,
  id: row.id,
});

/** Best match first, then newest first, tie-broken by id (search results). */
export type RankKey = { rank: number; createdAt: Date; id: string };
export const rankKeyOf = <Row extends RankKey>(row: Row): RankKey => ({ rank: row.rank, createdAt: row.createdAt, id: row.id });

/** By position within the parent (messages within a session). */
export type SeqKey = { seq: number };
export const seqKeyOf = <Row extends { seq: number }>(row: Row): SeqKey => ({ seq: row.seq });

/** What a list shows when the client does not say: the drawer's 20, the API's default `first`. */
export const DEFAULT_PAGE_SIZE = 20;
/** Upper bound callers must enforce on first/last; the data layer guards its queries with it too. */
export const MAX_PAGE_SIZE = 100;
