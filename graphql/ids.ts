import { isUuid } from '@/lib/ids';

/**
 * Opaque global ids: base64url of `<Type>:<uuid>`. They say which kind of object they name, so
 * `node(id:)` can fetch anything, and a client cannot mistake a session id for a project id.
 */

/** A global id as resolvers must output it; a raw database id does not type-check as one. */
export type GlobalId = string & { readonly __brand: 'GlobalId' };

export const NODE_TYPES = ['User', 'Project', 'Session', 'Message', 'Edit', 'AccessToken'] as const;
export type NodeType = (typeof NODE_TYPES)[number];
/** Clips and timelines carry global ids too, though `node` does not fetch them. */
export type IdType = NodeType | 'Clip' | 'Timeline';

const BASE64URL_PATTERN = /^[A-Za-z0-9_-]+$/;

export function toGlobalId(type: IdType, id: string): GlobalId {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url') as GlobalId;
}

/** The type and database id a global id names, or null when it is not one of ours. */
export function fromGlobalId(globalId: string): { type: NodeType; id: string } | null {
  if (!BASE64URL_PATTERN.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const separator = decoded.indexOf(':');
  const type = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (!isNodeType(type) || !isUuid(id)) return null;
  return { type, id: id.toLowerCase() };
}

function isNodeType(value: string): value is NodeType {
  return (NODE_TYPES as readonly string[]).includes(value);
}
