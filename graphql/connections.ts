import { Kind, type GraphQLResolveInfo } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageArgs } from '@/db/pagination';
import { decodeCursor, encodeCursor, type CursorKey, type ListIdentity } from '@/lib/cursors';
import { badUserInput } from './errors';
import { selectedFieldNames } from './selection';

export { createdAtIdCursorKey, pinnedCreatedAtIdCursorKey, rankCreatedAtIdCursorKey, seqCursorKey } from '@/lib/cursors';

/**
 * The one helper behind every paginated field (Relay cursor connections over the data
 * layer's keyset pages). It checks `first`/`last`, turns cursors into keys and back, and
 * counts the whole list only when `totalCount` is selected.
 */

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

export interface ConnectionSource<Row, Key> {
  /** The object that owns the list: a cursor only works on the list it was issued for. */
  parentId: string;
  cursorKey: CursorKey<Key>;
  keyOf(row: Row): Key;
  fetchPage(page: PageArgs<Key>): Promise<Page<Row>>;
  /** Called detached, as the connection's `totalCount` resolver. */
  count: () => Promise<number>;
}

export async function resolveConnection<Row, Key>(
  args: ConnectionArgs,
  info: GraphQLResolveInfo,
  source: ConnectionSource<Row, Key>,
): Promise<Connection<Row>> {
  const list = { name: `${info.parentType.name}.${info.fieldName}`, parentId: source.parentId };
  const page = await source.fetchPage(pageArgs(args, info, list, source.cursorKey));
  const edges = page.rows.map((row) => lazyEdge(row, () => encodeCursor(list, source.cursorKey, source.keyOf(row))));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges[edges.length - 1]?.cursor ?? null;
      },
    },
    totalCount: source.count,
  };
}

/**
 * The edge `list` gives `node`, for a mutation payload to hand to a normalized cache (Relay's
 * `@prependEdge` / `@appendEdge`): its cursor pages `list` from there like one read from it.
 */
export function edgeOf<Node, Key>(list: ListIdentity, cursorKey: CursorKey<Key>, key: Key, node: Node): { cursor: string; node: Node } {
  return lazyEdge(node, () => encodeCursor(list, cursorKey, key));
}

/** An edge whose cursor is signed when a query reads it, once: a signature costs more than the rest of an edge. */
function lazyEdge<Node>(node: Node, sign: () => string): { cursor: string; node: Node } {
  let cursor: string | undefined;
  return {
    node,
    get cursor() {
      cursor ??= sign();
      return cursor;
    },
  };
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
    after: args.after == null ? undefined : decodeArgument('after', args.after, list, cursorKey),
    before: args.before == null ? undefined : decodeArgument('before', args.before, list, cursorKey),
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

function decodeArgument<Key>(argument: 'after' | 'before', cursor: string, list: ListIdentity, cursorKey: CursorKey<Key>): Key {
  const decoded = decodeCursor(cursor, list, cursorKey);
  if ('key' in decoded) return decoded.key;
  throw decoded.problem === 'foreign'
    ? badUserInput(argument, `\`${argument}\` is a cursor from another list; use one from this ${list.name} connection.`)
    : badUserInput(argument, `\`${argument}\` is not a valid cursor. Use a cursor from this connection's edges or pageInfo.`);
}
