import { snippetHtml } from '@/lib/snippets';
import type { Connection } from '../connections';
import type { TypeResolvers } from './types';

/** Counted only when selected: the connection carries the count as a function. */
const totalCount = <Node>(connection: Connection<Node>) => connection.totalCount();

export const ProjectConnection: TypeResolvers<'ProjectConnection'> = { totalCount };
export const SessionConnection: TypeResolvers<'SessionConnection'> = { totalCount };
/** Search results carry their snippet (db/sessions/search.ts); plain list rows have none. */
export const SessionEdge: TypeResolvers<'SessionEdge'> = {
  snippet: (edge) => {
    const snippet = (edge.node as { snippet?: unknown }).snippet;
    return typeof snippet === 'string' ? snippetHtml(snippet) : null;
  },
};
export const MessageConnection: TypeResolvers<'MessageConnection'> = { totalCount };
