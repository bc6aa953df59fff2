import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Kind, type GraphQLResolveInfo } from 'graphql';
import { MAX_PAGE_SIZE, type Page, type PageArgs } from '@/db/pagination';
import { getAuthSecret } from '@/lib/auth/secret';
import { badUserInput } from './errors';
import { isUuid } from '@/lib/ids';
import { selectedFieldNames } from './selection';

/**
 * The one helper behind every paginated field (Relay cursor connections over the data
 * layer's keyset pages). It checks `first`/`last`, turns cursors into keys and back, and
 * counts the whole list only when `totalCount` is selected.
 */

export const DEFAULT_PAGE_SIZE = 20;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface PageInfoModel {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<Node> {
  edges: { cursor: string; node: Node }[];
  pageInfo: PageInfoModel;
  /** Runs only when a client selects `totalCount`. */
  totalCount: () => Promise<number>;
}

/** How a list's sort key is written into a cursor and read back. */
export interface CursorKey<Key> {
  encode(key: Key): (string | number)[];
  /** Null when the values are not a key of this list. */
  decode(values: unknown[]): Key | null;
}

export interface ConnectionSource<Row, Key> {
  /** The object that owns the list: a cursor only works on the list it was issued for. */
  parentId: string;
  cursorKey: CursorKey<Key>;
  keyOf(row: Row): Key;
  fetchPage(page: PageArgs<Key>): Promise<Page<Row>>;
  count(): Promise<number>;
}

export async function resolveConnection<Row, Key>(
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
  source: ConnectionSource<Row, Key>,
): Promise<Connection<Row>> {
  const list = { name: `${info.parentType.name}.${info.fieldName}`, parentId: source.parentId };
  const page = await source.fetchPage(pageArgs(args, info, list, source.cursorKey));
  const edges = page.rows.map((row) => ({ cursor: encodeCursor(list, source.cursorKey.encode(source.keyOf(row))), node: row }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: source.count,
  };
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

/** Sort keys of a position within the parent (messages within a session). */
export const seqCursorKey: CursorKey<{ seq: number }> = {
  encode: (key) => [key.seq],
  decode: ([seq]) => (typeof seq === 'number' && Number.isSafeInteger(seq) ? { seq } : null),
};

interface ListIdentity {
  /** `Type.field`, e.g. `Project.sessions`. */
  name: string;
  parentId: string;
}

function pageArgs<Key>(args: ConnectionArgs, info: GraphQLResolveInfo, list: ListIdentity, cursorKey: CursorKey<Key>): PageArgs<Key> {
  const last = args.last ?? undefined;
  // A schema default for `first` (e.g. 20) gives way to an explicit `last`; only an explicit pair is refused.
  const first = last !== undefined && !isWrittenInQuery(info, 'first') ? undefined : (args.first ?? undefined);
  if (first !== undefined && last !== undefined) {
    throw badUserInput('last', 'Pass either `first` or `last`, not both.');
  }
  checkPageSize('first', first);
  checkPageSize('last', last);
  // Rows beyond the cursor are looked for only when the query asks: `hasPreviousPage` when
  // paging forward, `hasNextPage` when paging backward.
  const beyondCursorField = last !== undefined && first === undefined ? 'hasNextPage' : 'hasPreviousPage';
  return {
    first: first === undefined && last === undefined ? DEFAULT_PAGE_SIZE : first,
    last,
    after: args.after == null ? undefined : decodeCursor('after', args.after, list, cursorKey),
    before: args.before == null ? undefined : decodeCursor('before', args.before, list, cursorKey),
    checkBeyondCursor: selectedFieldNames(info, ['pageInfo']).has(beyondCursorField),
  };
}

function checkPageSize(argument: 'first' | 'last', value: number | undefined): void {
  if (value !== undefined && (value < 0 || value > MAX_PAGE_SIZE)) {
    throw badUserInput(argument, `\`${argument}\` must be between 0 and ${MAX_PAGE_SIZE}; got ${value}.`);
  }
}

/** Whether the query itself set the argument (literally, or through a variable it was given). */
function isWrittenInQuery(info: GraphQLResolveInfo, argument: string): boolean {
  const node = info.fieldNodes[0]?.arguments?.find((candidate) => candidate.name.value === argument);
  if (!node) return false;
  return node.value.kind !== Kind.VARIABLE || info.variableValues[node.value.name.value] !== undefined;
}

/*
 * A cursor is `<payload>.<signature>`: the payload (base64url JSON of the list's name, its
 * parent's id and the row's sort key) signed with a key derived from the app secret. Clients
 * cannot forge positions or carry a cursor over to another list; both are refused by name.
 */

let signingKey: Buffer | undefined;
function cursorSigningKey(): Buffer {
  signingKey ??= createHash('sha256').update(`codirector graphql cursors\0${getAuthSecret()}`).digest();
  return signingKey;
}

function sign(payload: string): string {
  return createHmac('sha256', cursorSigningKey()).update(payload).digest().subarray(0, 16).toString('base64url');
}

function encodeCursor(list: ListIdentity, keyValues: (string | number)[]): string {
  const payload = Buffer.from(JSON.stringify([list.name, list.parentId, ...keyValues]), 'utf8').toString('base64url');
  return `${payload}.${sign(payload)}`;
}

function decodeCursor<Key>(argument: 'after' | 'before', cursor: string, list: ListIdentity, cursorKey: CursorKey<Key>): Key {
  const invalid = () => badUserInput(argument, `\`${argument}\` is not a valid cursor. Use a cursor from this connection's edges or pageInfo.`);
  const [payload, signature, ...rest] = cursor.split('.');
  if (!payload || !signature || rest.length > 0 || !sameSignature(sign(payload), signature)) throw invalid();

  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(values)) throw invalid();
  const [name, parentId, ...keyValues] = values;
  if (name !== list.name || parentId !== list.parentId) {
    throw badUserInput(argument, `\`${argument}\` is a cursor from another list; use one from this ${list.name} connection.`);
  }
  const key = cursorKey.decode(keyValues);
  if (!key) throw invalid();
  return key;
}

function sameSignature(expected: string, actual: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}
