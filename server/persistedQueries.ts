import { createHash } from 'node:crypto';
import { findPersistedQuery, registerPersistedQuery } from '@/db/persistedQueries';
import type { Caller } from './access';

/**
 * Automatic persisted queries: a client sends a document's sha256 instead of its text, and the
 * text once, when the server answers PERSISTED_QUERY_NOT_FOUND (graphql/trustedDocuments.ts
 * speaks the protocol). The store is one table (db/persistedQueries.ts), so a document
 * registered through one instance is known to all of them.
 */

/** The most documents the store keeps; registering one more drops the least recently used. */
export const PERSISTED_QUERY_CAP = 10_000;

/**
 * The longest document registered, in characters: the app's own are under 1,000, and the parser's
 * 2,000-token limit (graphql/limits.ts) still applies to longer ones, which run but are not kept.
 * With PERSISTED_QUERY_CAP this bounds the table at about 100 MB, far less in practice.
 */
export const MAX_PERSISTED_QUERY_LENGTH = 10_000;

/** A persisted-query id as the store keys it: 64 lower-case hex digits. */
export const PERSISTED_QUERY_HASH = /^[0-9a-f]{64}$/;

/** What became of a registration; none of them fails the request, whose document runs either way. */
export type Registration = 'registered' | 'already-registered' | 'anonymous' | 'too-large' | 'hash-mismatch';

/** The document registered under `hash`, if any; anyone may look one up (running it is what needs a viewer). */
export async function persistedQueryText(hash: string): Promise<string | undefined> {
  return PERSISTED_QUERY_HASH.test(hash) ? findPersistedQuery(hash) : undefined;
}

/**
 * Registers a document that has parsed and passed every guard (the adapter calls this only then).
 * Only signed-in callers register: anonymous requests, which have no account to count against,
 * must not fill a store every instance shares. Their request budget already counts each request.
 */
export async function registerPersistedQueryFor(caller: Caller, hash: string, text: string, cap: number = PERSISTED_QUERY_CAP): Promise<Registration> {
  if (!caller.viewer) return 'anonymous';
  // The adapter has refused a wrong hash already; the store's key must be its text's hash whoever calls.
  if (!PERSISTED_QUERY_HASH.test(hash) || createHash('sha256').update(text).digest('hex') !== hash) return 'hash-mismatch';
  if (text.length > MAX_PERSISTED_QUERY_LENGTH) return 'too-large';
  return (await registerPersistedQuery(hash, text, cap)) ? 'registered' : 'already-registered';
}
