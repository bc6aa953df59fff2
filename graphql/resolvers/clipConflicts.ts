import { DomainError } from '@/server/errors';
import { toGlobalId } from '../ids';

/** A CONFLICT's `clips` (server/checkpoints.ts) carry database ids; the API shows clips by their global ids. */
export async function withGlobalClipIds<Result>(run: () => Promise<Result>): Promise<Result> {
  try {
    return await run();
  } catch (error) {
    const clips = error instanceof DomainError ? error.details.clips : undefined;
    if (!(error instanceof DomainError) || !Array.isArray(clips)) throw error;
    throw new DomainError(error.code, error.message, error.field, error.headers, {
      ...error.details,
      clips: (clips as { id: string; name: string }[]).map((clip) => ({ id: toGlobalId('Clip', clip.id), name: clip.name })),
    });
  }
}
