import { InMemoryCache, type FieldFunctionOptions, type Reference, type StoreObject, type TypePolicies } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';

/**
 * Apollo Client 4: an InMemoryCache that the API's mutation payloads keep right by themselves.
 * Lists page with relayStylePagination (the session lists keyed by `archived` and `query`); each
 * payload type's merge reads what the payload says changed and applies it, the same way for
 * every mutation: a `sessionEdge` goes into the lists it now belongs in (in their order, pinned
 * first, then newest first) and out of the others, `deletedSessionIds` leave the cache,
 * `messageEdges` and `projectEdge` are added, and list totals follow `project.sessionCounts`.
 */
export function createCache(): InMemoryCache {
  return new InMemoryCache({ typePolicies });
}

/** Every payload type that says what a mutation changed in a list. */
const PAYLOADS = [
  'StartSessionPayload',
  'RestoreSessionPayload',
  'ForkSessionPayload',
  'SessionFlagPayload',
  'DeleteSessionPayload',
  'SendMessagePayload',
  'RestoreTimelinePayload',
  'CreateProjectPayload',
];

export const typePolicies: TypePolicies = {
  Project: { fields: { sessions: relayStylePagination(['archived', 'query']) } },
  Session: { fields: { messages: relayStylePagination() } },
  User: { fields: { projects: relayStylePagination() } },
  SessionCounts: { merge: true },
  ...Object.fromEntries(PAYLOADS.map((typename) => [typename, { merge: applyPayload }])),
};

interface Edge extends StoreObject {
  cursor: string;
  node: Reference;
}
interface Connection {
  edges: Edge[];
  pageInfo?: { hasNextPage?: boolean };
  totalCount?: number;
}

function applyPayload(_existing: unknown, payload: StoreObject, { cache, readField, toReference }: FieldFunctionOptions): StoreObject {
  const project = readField<Reference>('project', payload);
  const session = readField<Reference>('session', payload);
  const sessionEdge = readField<Edge>('sessionEdge', payload);
  const deleted = new Set(readField<string[]>('deletedSessionIds', payload) ?? []);
  const messageEdges = readField<Edge[]>('messageEdges', payload) ?? [];
  const projectEdge = readField<Edge>('projectEdge', payload);
  const idOf = (edge: Edge) => readField<string>('id', edge.node);
  const counts = project && readField<StoreObject>('sessionCounts', project);

  if (project) {
    cache.modify({
      id: cache.identify(project),
      fields: {
        sessions(value, { storeFieldName }) {
          const list = value as Connection;
          const { archived = false, query = null } = argsOf(storeFieldName);
          const moved = sessionEdge && idOf(sessionEdge);
          const belongs = sessionEdge && readField<boolean>('archived', sessionEdge.node) === archived;
          let edges = list.edges.filter((edge) => !deleted.has(idOf(edge)!));
          // A search keeps its order (relevance) and only loses what left its list.
          if (moved && (!query || !belongs)) edges = edges.filter((edge) => idOf(edge) !== moved);
          if (sessionEdge && belongs && !query) edges = insertInOrder(edges, sessionEdge, list.pageInfo?.hasNextPage ?? false, readField);
          const totalCount = counts && !query ? readField<number>(archived ? 'archived' : 'active', counts) : list.totalCount;
          return { ...list, edges, totalCount };
        },
      },
    });
  }
  if (session && messageEdges.length) {
    cache.modify({
      id: cache.identify(session),
      fields: {
        messages(value) {
          const list = value as Connection;
          if (list.pageInfo?.hasNextPage) return list; // The new messages come with the next page.
          const known = new Set(list.edges.map(idOf));
          const added = messageEdges.filter((edge) => !known.has(idOf(edge)));
          return { ...list, edges: [...list.edges, ...added], totalCount: (list.totalCount ?? 0) + added.length };
        },
      },
    });
  }
  const viewer = projectEdge && readField<Reference>('viewer', toReference('ROOT_QUERY'));
  if (projectEdge && viewer) {
    cache.modify({
      id: cache.identify(viewer),
      fields: {
        projects(value) {
          const list = value as Connection;
          if (list.edges.some((edge) => idOf(edge) === idOf(projectEdge))) return list;
          return { ...list, edges: [projectEdge, ...list.edges], totalCount: (list.totalCount ?? 0) + 1 };
        },
      },
    });
  }
  for (const id of deleted) cache.evict({ id: cache.identify({ __typename: 'Session', id }) });
  return payload;
}

/** The key arguments Apollo wrote into a field's store name, e.g. `sessions:{"archived":true}`. */
function argsOf(storeFieldName: string): { archived?: boolean; query?: string | null } {
  const json = storeFieldName.slice(storeFieldName.indexOf(':') + 1);
  return storeFieldName.includes(':') && json ? (JSON.parse(json) as { archived?: boolean; query?: string | null }) : {};
}

/** The edge where the list's order puts it; left out when it falls after a page not loaded yet. */
function insertInOrder(edges: Edge[], edge: Edge, hasNextPage: boolean, readField: FieldFunctionOptions['readField']): Edge[] {
  const rank = (node: Reference) => [readField<boolean>('pinned', node) ? 1 : 0, Date.parse(readField<string>('createdAt', node) ?? '')];
  const [pinned, createdAt] = rank(edge.node);
  const at = edges.findIndex((other) => {
    const [otherPinned, otherCreatedAt] = rank(other.node);
    return pinned > otherPinned || (pinned === otherPinned && createdAt > otherCreatedAt);
  });
  if (at < 0) return hasNextPage ? edges : [...edges, edge];
  return [...edges.slice(0, at), edge, ...edges.slice(at)];
}
