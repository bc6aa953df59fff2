import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Clip, Timeline } from '@/lib/timeline/model';
import { builtOnce } from '../builtQueries';
import { clipFromRow } from '../clipRows';
import { getDb, type Executor } from '../client';
import { byColumnName, columnNames } from '../cte';
import { clips, projects, type Project } from '../schema';

/** A clips row as a Clip: written in db/clipRows.ts, below the entity folders, for the session state read too. */
export { clipFromRow };

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
  const [touched] = await builtOnce(tx, 'timeline.save', () => saveTimelineQuery(tx)).execute({
    projectId,
    removedIds: JSON.stringify(removedIds),
    upserted: JSON.stringify(changed.map(({ clip, position }) => byColumnName(clips, { ...clip, projectId, position }))),
  });
  return touched;
}

/**
 * saveTimeline's statement, built once (db/builtQueries.ts): its clips arrive as JSON whatever
 * their number, the removed ids as an array and the upserted rows as records of the table's type.
 */
function saveTimelineQuery(tx: Executor) {
  const param = sql.placeholder;
  const columns = Object.values(getTableColumns(clips));
  const updatable = columns.filter((column) => column !== clips.id && column !== clips.projectId);
  // The clips a change leaves are distinct from those it deletes, so the two writes cannot meet.
  const removed = tx.$with('removed').as(
    tx
      .delete(clips)
      .where(sql`${clips.id} in (select value::uuid from jsonb_array_elements_text(${param('removedIds')}::jsonb))`)
      .returning({ id: clips.id }),
  );
  const upserted = tx.$with('upserted', {}).as(
    sql`insert into ${clips} (${columnNames(...columns)})
      select ${columnNames(...columns)} from jsonb_populate_recordset(null::${clips}, ${param('upserted')}::jsonb)
      on conflict (${sql.identifier(clips.id.name)}) do update set ${sql.join(
        updatable.map((column) => sql`${sql.identifier(column.name)} = excluded.${sql.identifier(column.name)}`),
        sql`, `,
      )}
      returning ${sql.identifier(clips.id.name)}`,
  );
  return tx
    .with(removed, upserted)
    .update(projects)
    .set({ updatedAt: sql`now()` })
    .where(eq(projects.id, param('projectId')))
    .returning()
    .prepare('timeline.save');
}

function sameClip(a: Clip, b: Clip): boolean {
  return (Object.keys(a) as (keyof Clip)[]).every((key) => a[key] === b[key]);
}
