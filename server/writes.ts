import { RowNotFoundError } from '@/db/errors';
import { isForeignKeyViolation, notFound } from './errors';

/**
 * Runs a write whose target was checked before its transaction began, so another request may
 * have deleted it meanwhile: a vanished row (RowNotFoundError) or a foreign key that no longer
 * holds becomes NOT_FOUND, the same answer as if it had been gone from the start.
 */
export async function whileItExists<Result>(what: string, write: () => Promise<Result>): Promise<Result> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof RowNotFoundError) throw notFound(error.entity);
    if (isForeignKeyViolation(error)) throw notFound(what);
    throw error;
  }
}
