import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { getAuthSecret } from '@/lib/auth/secret';
import { isUuid } from '@/lib/ids';

/**
 * The one cursor format, for the API's connections and the web app's pages alike. A cursor is
 * `<payload>.<signature>`: the payload (base64url JSON of the list's name, its parent's id and
 * the row's sort key) signed with a key derived from the app secret. Clients cannot forge
 * positions or carry a cursor over to another list. The web app's lists use the API's list
 * names, so a cursor from one works in the other.
 */

export interface ListIdentity {
  /** `Type.field`, e.g. `Project.sessions`. */
  name: string;
  parentId: string;
}

/** How a list's sort key is written into a cursor and read back. */
export interface CursorKey<Key> {
  encode(key: Key): (string | number)[];
  /** Null when the values are not a key of this list. */
  decode(values: unknown[]): Key | null;
}

/** Sort keys of a creation time tie-broken by id (projects, sessions). */
export const createdAtIdCursorKey: CursorKey<{ createdAt: Date; id: string }> = {
  encode: (key) => [key.createdAt.toISOString(), key.id],
  decode([createdAt, id]) {
    if (typeof createdAt !== 'string' || typeof id !== 'string') return null;
    const date = new Date(createdAt);
    return Number.isNaN(date.getTime()) || !isUuid(id) ? null : { createdAt: date, id };
  },
};

/** Sort keys of a project's history list: pinned first, then the creation time, tie-broken by id. */
export const pinnedCreatedAtIdCursorKey: CursorKey<{ pinned: boolean; createdAt: Date; id: string }> = {
  encode: (key) => [key.pinned ? 1 : 0, ...createdAtIdCursorKey.encode(key)],
  decode([pinned, ...rest]) {
    if (pinned !== 0 && pinned !== 1) return null;
    const key = createdAtIdCursorKey.decode(rest);
    return key && { pinned: pinned === 1, ...key };
  },
};

/** Sort keys of search results: relevance, then the creation time, tie-broken by id. */
export const rankCreatedAtIdCursorKey: CursorKey<{ rank: number; createdAt: Date; id: string }> = {
  encode: (key) => [key.rank, ...createdAtIdCursorKey.encode(key)],
  decode([rank, ...rest]) {
    if (typeof rank !== 'number' || !Number.isFinite(rank)) return null;
    const key = createdAtIdCursorKey.decode(rest);
    return key && { rank, ...key };
  },
};

/**
 * The parent a search's cursors belong to: the project and the search, so a cursor of one
 * search (or of the plain list) is refused in another.
 */
export function searchListParent(projectId: string, query: string, archived: boolean): string {
  return `${projectId}:${createHash('sha256')
    .update(`${archived ? 'archived' : 'listed'}\0${query}`)
    .digest('base64url')
    .slice(0, 16)}`;
}

/** Sort keys of a position within the parent (messages within a session). */
export const seqCursorKey: CursorKey<{ seq: number }> = {
  encode: (key) => [key.seq],
  decode: ([seq]) => (typeof seq === 'number' && Number.isSafeInteger(seq) ? { seq } : null),
};

let signingKey: Buffer | undefined;
function cursorSigningKey(): Buffer {
  signingKey ??= createHash('sha256').update(`codirector graphql cursors\0${getAuthSecret()}`).digest();
  return signingKey;
}

function sign(payload: string): string {
  return createHmac('sha256', cursorSigningKey()).update(payload).digest().subarray(0, 16).toString('base64url');
}

export function encodeCursor<Key>(list: ListIdentity, cursorKey: CursorKey<Key>, key: Key): string {
  const payload = Buffer.from(JSON.stringify([list.name, list.parentId, ...cursorKey.encode(key)]), 'utf8').toString('base64url');
  return `${payload}.${sign(payload)}`;
}

/** The key a cursor stands for; `invalid` when it is not one of ours, `foreign` when it is another list's. */
export type DecodedCursor<Key> = { key: Key } | { problem: 'invalid' | 'foreign' };

export function decodeCursor<Key>(cursor: string, list: ListIdentity, cursorKey: CursorKey<Key>): DecodedCursor<Key> {
  const [payload, signature, ...rest] = cursor.split('.');
  if (!payload || !signature || rest.length > 0 || !sameSignature(sign(payload), signature)) return { problem: 'invalid' };
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { problem: 'invalid' };
  }
  if (!Array.isArray(values)) return { problem: 'invalid' };
  const [name, parentId, ...keyValues] = values as unknown[];
  if (name !== list.name || parentId !== list.parentId) return { problem: 'foreign' };
  const key = cursorKey.decode(keyValues);
  return key ? { key } : { problem: 'invalid' };
}

function sameSignature(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}
