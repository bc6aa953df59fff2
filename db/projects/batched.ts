import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Clip } from '@/lib/timeline/model';
import { clipFromRow } from '../clipRows';
import { getDb, type Executor } from '../client';
import { clips, projects, type Project } from '../schema';
import { getOwnedProject } from './rows';

/**
 * Reads for many parents at once, one statement each, for the per-request DataLoaders: the
 * data layer's functions take one id, and a list of 20 projects must not cost 20 queries.
 * Ownership is part of every by-id read here, as in getOwnedProject.
 */

export async function getOwnedProjects(ownerId: string, ids: readonly string[], db: Executor = getDb()): Promise<Project[]> {
  if (ids.length === 0) return [];
  // One project is the common case (every `project(id:)` query), and getOwnedProject's query is built once.
  if (ids.length === 1) {
    const project = await getOwnedProject(ownerId, ids[0], db);
    return project ? [project] : [];
  }
  return db
    .select()
    .from(projects)
    .where(and(eq(projects.ownerId, ownerId), inArray(projects.id, [...ids])));
}

/** Each project's clips in playback order. */
export async function getTimelines(projectIds: readonly string[], db: Executor = getDb()): Promise<Map<string, Clip[]>> {
  const timelines = new Map<string, Clip[]>(projectIds.map((id) => [id, []]));
  if (projectIds.length === 0) return timelines;
  const rows = await db
    .select()
    .from(clips)
    .where(inArray(clips.projectId, [...projectIds]))
    .orderBy(asc(clips.projectId), asc(clips.position));
  for (const row of rows) timelines.get(row.projectId)?.push(clipFromRow(row));
  return timelines;
}
