import { isUuid } from '@/lib/ids';

/** A keyset position: a row's creation time with its id as the tie-breaker. */
export interface CreatedAtKey {
  createdAt: Date;
  id: string;
}

/** An opaque, URL-safe cursor for a keyset position. */
export function encodeCursor(key: CreatedAtKey): string {
  return Buffer.from(`${key.createdAt.toISOString()}|${key.id}`, 'utf8').toString('base64url');
}

/** The position a cursor stands for, or null when it is not one of ours. */
export function decodeCursor(cursor: string | null | undefined): CreatedAtKey | null {
  if (!cursor) return null;
  const [iso, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso);
  if (rest.length > 0 || !isUuid(id) || Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id };
}
