import { isUuid } from '@/lib/ids';
import { validateText } from '@/lib/validation';
import { badInput, notFound } from './errors';

/**
 * Arguments arrive from clients (server actions take any JSON-like values, GraphQL checks only
 * its own types), so every use case reads them through these: the wrong shape is
 * BAD_USER_INPUT naming the field, never a TypeError.
 */

export function inputObject(value: unknown, field = 'input'): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badInput(field, `\`${field}\` must be an object.`);
  return value as Record<string, unknown>;
}

/** A string, without control characters (lib/validation.ts): the one check every text from a client passes. */
export function requiredString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw badInput(field, `\`${field}\` must be a string.`);
  return validateText(field, value);
}

/** A database id. One that is not shaped like ours names nothing: NOT_FOUND, as for a missing row. */
export function requiredId(value: unknown, field: string, what = field.replace(/Id$/, '')): string {
  const id = requiredString(value, field);
  if (!isUuid(id)) throw notFound(what);
  return id.toLowerCase();
}

export const SEARCH_QUERY_MAX_LENGTH = 200;

/** A search's words: null when there is no search, BAD_USER_INPUT naming the field unless 1 to 200 characters (trimmed). */
export function searchQuery(value: unknown, field = 'query'): string | null {
  if (value === undefined || value === null) return null;
  const query = requiredString(value, field).trim();
  if (query.length < 1 || query.length > SEARCH_QUERY_MAX_LENGTH) {
    throw badInput(field, `\`${field}\` must be 1 to ${SEARCH_QUERY_MAX_LENGTH} characters.`);
  }
  return query;
}
