import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Clip, Timeline } from '@/lib/timeline/model';
import { getDb, type Executor } from './client';
import { clips, projects, type ClipRow, type Project } from './schema';

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

/** The project's clips in playback order. */
export async function getTimeline(projectId: string, db: Executor = getDb()): Promise<Clip[]> {
  const rows = await db.select().from(clips).where(eq(clips.projectId, projectId)).orderBy(asc(clips.position));
  return rows.map(clipFromRow);
}

/**
 * Writes the difference between two versions of a project's timeline, and marks the project
 * changed, in one statement: removed clips are deleted, every clip that is new, changed or moved
 * is upserted, and the project's updatedAt moves. Returns the project as it is now. Callers hold
 * the project's lock (db/transaction.ts) so concurrent edits cannot interleave.
 */
export async function saveTimeline(projectId: string, before: Timeline, after: Timeline, tx: Executor): Promise<Project> {
  const afterIds = new Set(after.map((clip) => clip.id));
  const removedIds = before.filter((clip) => !afterIds.has(clip.id)).map((clip) => clip.id);
  const beforeById = new Map(before.map((clip, position) => [clip.id, { clip, position }]));
  const changed = after
    .map((clip, position) => ({ clip, position }))
    .filter(({ clip, position }) => {
      const previous = beforeById.get(clip.id);
      return !previous || previous.position !== position || !sameClip(previous.clip, clip);
    });

  const writes = [];
  // The clips a change leaves are distinct from those it deletes, so the two writes cannot meet.
  if (removedIds.length > 0) writes.push(tx.$with('removed').as(tx.delete(clips).where(inArray(clips.id, removedIds)).returning({ id: clips.id })));
  if (changed.length > 0) {
    const rows = changed.map(({ clip, position }) => ({ ...clip, projectId, position }));
    writes.push(
      tx.$with('upserted').as(
        tx
          .insert(clips)
          .values(rows)
          .onConflictDoUpdate({
            target: clips.id,
            set: {
              position: sqlExcluded('position'),
              name: sqlExcluded('name'),
              kind: sqlExcluded('kind'),
              durationMs: sqlExcluded('duration_ms'),
              fadeInMs: sqlExcluded('fade_in_ms'),
              fadeOutMs: sqlExcluded('fade_out_ms'),
              speed: sqlExcluded('speed'),
              volume: sqlExcluded('volume'),
              muted: sqlExcluded('muted'),
              text: sqlExcluded('text'),
            },
          })
          .returning({ id: clips.id }),
      ),
    );
  }
  const [touched] = await tx
    .with(...writes)
    .update(projects)
    .set({ updatedAt: sql`now()` })
    .where(eq(projects.id, projectId))
    .returning();
  return touched;
}

function sameClip(a: Clip, b: Clip): boolean {
  return (Object.keys(a) as (keyof Clip)[]).every((key) => a[key] === b[key]);
}

function sqlExcluded(column: string) {
  return sql.raw(`excluded.${column}`);
}
