/** A row a write depends on is gone (deleted by a concurrent request, or never there). */
export class RowNotFoundError extends Error {
  override name = 'RowNotFoundError';
  constructor(
    readonly entity: 'project' | 'session' | 'message',
    readonly id: string,
  ) {
    super(`The ${entity} ${id} does not exist (it may have been deleted).`);
  }
}
