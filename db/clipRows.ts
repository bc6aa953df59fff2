import type { Clip } from '@/lib/timeline/model';
import type { ClipRow } from './schema';

/**
 * A clips row as the timeline's domain model has it. Below the entity folders: the projects' own
 * reads (db/projects/) use it, and so does the session state read (db/sessions/state.ts), which
 * reads the project's timeline in its statement.
 */
export function clipFromRow(row: ClipRow): Clip {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    durationMs: row.durationMs,
    fadeInMs: row.fadeInMs,
    fadeOutMs: row.fadeOutMs,
    speed: row.speed,
    volume: row.volume,
    muted: row.muted,
    text: row.text,
  };
}
