import { and, inArray } from 'drizzle-orm';
import { getDb, type Executor } from '../client';
import { editOwnedBy, wellFormed } from '../ownership';
import { edits, type Edit } from '../schema';
import { editsInOrder } from './rows';

/**
 * Reads for many parents at once, one statement each, for the per-request DataLoaders: the
 * data layer's functions take one id, and a list of 20 projects must not cost 20 queries.
 * Ownership is part of every by-id read here (db/ownership.ts).
 */

export async function getOwnedEdits(ownerId: string, candidates: readonly string[], db: Executor = getDb()): Promise<Edit[]> {
  const ids = wellFormed(candidates);
  if (ids.length === 0) return [];
  return db
    .select()
    .from(edits)
    .where(and(inArray(edits.id, [...ids]), editOwnedBy(ownerId, db)));
}

/** Each session's edits, oldest first (the order of listEditsForSession, db/edits/rows.ts). */
export async function listEditsForSessions(sessionIds: readonly string[], db: Executor = getDb()): Promise<Map<string, Edit[]>> {
  const bySession = new Map<string, Edit[]>(sessionIds.map((id) => [id, []]));
  if (sessionIds.length === 0) return bySession;
  const rows = await db
    .select()
    .from(edits)
    .where(inArray(edits.sessionId, [...sessionIds]))
    .orderBy(...editsInOrder);
  for (const row of rows) if (row.sessionId) bySession.get(row.sessionId)?.push(row);
  return bySession;
}
