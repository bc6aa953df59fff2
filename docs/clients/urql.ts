import { gql } from '@urql/core';
import { cacheExchange, type Cache, type Data, type UpdateResolver, type Variables } from '@urql/exchange-graphcache';

/**
 * urql with Graphcache: the exchange that the API's mutation payloads keep right by themselves.
 * The objects without an id are embedded (`keys`); one update, the same for every list-changing
 * mutation, reads what its payload says changed: a `sessionEdge` goes into the stored pages of
 * the lists it now belongs in (where their order puts it: pinned first, then newest first) and
 * out of the others, `deletedSessionIds` leave the lists and the cache, `messageEdges` and
 * `projectEdge` are added, and list totals follow `project.sessionCounts`.
 */
export function createCacheExchange() {
  return cacheExchange({
    keys: Object.fromEntries(EMBEDDED.map((typename) => [typename, () => null])),
    updates: { Mutation: Object.fromEntries(MUTATIONS.map((name) => [name, applyPayload])) },
  });
}

/** The types without an id of their own: stored inside their parent. */
const EMBEDDED = [
  'SessionCounts',
  'SessionConnection',
  'SessionEdge',
  'MessageConnection',
  'MessageEdge',
  'ProjectConnection',
  'ProjectEdge',
  'PageInfo',
  'ContextUsage',
  'TimelineChange',
];

/** Every mutation whose payload says what changed in a list. */
const MUTATIONS = [
  'startSession',
  'restoreSession',
  'forkSession',
  'pinSession',
  'unpinSession',
  'archiveSession',
  'unarchiveSession',
  'deleteSession',
  'sendMessage',
  'retryMessage',
  'restoreTimeline',
  'createProject',
];

type Node = Data & { __typename: string; id: string };
interface Edge {
  __typename: string;
  cursor: string;
  snippet?: string | null;
  node: Node;
}
interface Page {
  __typename: string;
  totalCount: number;
  edges: Edge[];
  pageInfo?: { hasNextPage: boolean };
}
interface Payload {
  project?: Node;
  session?: Node;
  sessionEdge?: Edge;
  deletedSessionIds?: string[];
  messageEdges?: Edge[];
  projectEdge?: Edge;
}

/** A stored page of a connection field, read and written with the field's own arguments (graphcache drops the absent ones). */
function connection(typename: string, field: string, args: string, edgeFields = '') {
  const selection = `__typename id ${field}(${args}) { __typename totalCount edges { __typename cursor ${edgeFields} node { __typename id } }`;
  return {
    field,
    read: gql(`fragment _ on ${typename} { ${selection} pageInfo { __typename hasNextPage } } }`),
    write: gql(`fragment _ on ${typename} { ${selection} } }`),
  };
}
type Connection = ReturnType<typeof connection>;
const PAGE = 'first: $first, after: $after, last: $last, before: $before';
const SESSIONS = connection('Project', 'sessions', `${PAGE}, archived: $archived, query: $query`);
const SEARCH = connection('Project', 'sessions', `${PAGE}, archived: $archived, query: $query`, 'snippet');
const MESSAGES = connection('Session', 'messages', PAGE);
const PROJECTS = connection('User', 'projects', PAGE);

const applyPayload: UpdateResolver = (result, _args, cache, info) => {
  const payload = result[info.fieldName] as Payload | null;
  if (!payload) return;
  const deleted = new Set(payload.deletedSessionIds ?? []);
  const { project, session, sessionEdge, messageEdges = [], projectEdge } = payload;
  if (project) {
    const moved = sessionEdge?.node;
    let placed = false;
    for (const { fieldName, arguments: args } of cache.inspectFields(project)) {
      if (fieldName !== 'sessions') continue;
      const search = Boolean(args?.query);
      const list = search ? SEARCH : SESSIONS;
      const stored = readPage(cache, list, project, args);
      if (!stored) continue;
      const archived = Boolean(args?.archived);
      const belongs = moved !== undefined && cache.resolve(moved, 'archived') === archived;
      let edges = stored.edges.filter((edge) => !deleted.has(edge.node.id));
      // A search keeps its order (relevance) and only loses what left its list.
      if (moved && (!search || !belongs)) edges = edges.filter((edge) => edge.node.id !== moved.id);
      if (sessionEdge && belongs && !search && !placed) {
        const at = edges.findIndex((edge) => sortsBefore(cache, sessionEdge.node, edge.node));
        if (at >= 0) edges = [...edges.slice(0, at), sessionEdge, ...edges.slice(at)];
        else if (!stored.pageInfo?.hasNextPage) edges = [...edges, sessionEdge];
        placed = at >= 0 || !stored.pageInfo?.hasNextPage;
      }
      const counts = cache.resolve(project, 'sessionCounts') as string | null;
      const totalCount = !search && counts ? (cache.resolve(counts, archived ? 'archived' : 'active') as number) : stored.totalCount;
      writePage(cache, list, project, args, { ...stored, totalCount, edges });
    }
  }
  if (session && messageEdges.length) {
    for (const { fieldName, arguments: args } of cache.inspectFields(session)) {
      const stored = fieldName === 'messages' ? readPage(cache, MESSAGES, session, args) : null;
      if (!stored || stored.pageInfo?.hasNextPage) continue; // The new messages come with the next page.
      const known = new Set(stored.edges.map((edge) => edge.node.id));
      const added = messageEdges.filter((edge) => !known.has(edge.node.id));
      writePage(cache, MESSAGES, session, args, { ...stored, totalCount: stored.totalCount + added.length, edges: [...stored.edges, ...added] });
    }
  }
  const viewer = projectEdge && (cache.resolve('Query', 'viewer') as string | null);
  if (projectEdge && viewer) {
    for (const { fieldName, arguments: args } of cache.inspectFields(viewer)) {
      const stored = fieldName === 'projects' && !args?.after && !args?.before ? readPage(cache, PROJECTS, viewer, args) : null;
      if (!stored || stored.edges.some((edge) => edge.node.id === projectEdge.node.id)) continue;
      writePage(cache, PROJECTS, viewer, args, { ...stored, totalCount: stored.totalCount + 1, edges: [projectEdge, ...stored.edges] });
    }
  }
  for (const id of deleted) cache.invalidate({ __typename: 'Session', id });
};

function readPage(cache: Cache, list: Connection, entity: Data | string, args: Variables | null): Page | null {
  const data = cache.readFragment<Record<string, Page>>(list.read, entity, args ?? {});
  return data ? data[list.field] : null;
}

function writePage(cache: Cache, list: Connection, entity: Data | string, args: Variables | null, { pageInfo: _pageInfo, ...page }: Page) {
  const key = typeof entity === 'string' ? entity : cache.keyOfEntity(entity);
  const data = { __typename: cache.resolve(key, '__typename'), id: cache.resolve(key, 'id'), [list.field]: page };
  cache.writeFragment(list.write, data, args ?? {});
}

/** Whether session `a` comes before session `b` in a list: pinned first, then newest first. */
function sortsBefore(cache: Cache, a: Node, b: Node): boolean {
  const rank = (node: Node) => [cache.resolve(node, 'pinned') ? 1 : 0, Date.parse((cache.resolve(node, 'createdAt') as string | null) ?? '')];
  const [[pinnedA, createdA], [pinnedB, createdB]] = [rank(a), rank(b)];
  return pinnedA > pinnedB || (pinnedA === pinnedB && createdA > createdB);
}
