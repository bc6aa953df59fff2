import { and, eq, inArray, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { newClip, type NewClip } from '@/lib/timeline/model';
import { STARTER_TIMELINE } from '@/lib/timeline/starter';
import { isUuid } from '@/lib/ids';
import { createdAtKeyOf, type CreatedAtKey } from '@/lib/listKeys';
import { builtOnce } from '../builtQueries';
import { getDb, type Executor } from '../client';
import { recordProjectEvent } from '../events';
import { inProjectTransaction } from '../transaction';
import { keysetPage, type PageArgs } from '../pagination';
import { clips, projects, type Project } from '../schema';

export type ProjectKey = CreatedAtKey;
export const projectKey: (project: Project) => ProjectKey = createdAtKeyOf;

export { newClip, type NewClip };

export async function createProject(ownerId: string, name: string, timeline: readonly NewClip[] = STARTER_TIMELINE, db: Executor = getDb()): Promise<Project> {
  return db.transaction(async (tx) => {
    const [project] = await tx.insert(projects).values({ ownerId, name: name.trim() }).returning();
    if (timeline.length > 0) {
      await tx.insert(clips).values(timeline.map((c, position) => ({ ...c, id: randomUUID(), projectId: project.id, position })));
    }
    return project;
  });
}

/** The project if `ownerId` owns it; another user's project is indistinguishable from a missing one. */
export async function getOwnedProject(ownerId: string, projectId: string, db: Executor = getDb()): Promise<Project | null> {
  if (!isUuid(projectId)) return null;
  // Runs on most requests (every project page, every `project(id:)` query): built once (db/builtQueries.ts).
  const [project] = await builtOnce(db, 'projects.ownedById', () =>
    db
      .select()
      .from(projects)
      .where(and(eq(projects.id, sql.placeholder('id')), eq(projects.ownerId, sql.placeholder('ownerId'))))
      .limit(1)
      .prepare('projects.ownedById'),
  ).execute({ id: projectId, ownerId });
  return project ?? null;
}

/** Throws RowNotFoundError when the project was deleted meanwhile. */
export async function renameProject(projectId: string, name: string, db: Executor = getDb()): Promise<Project> {
  return inProjectTransaction(
    projectId,
    async (tx) => {
      const [project] = await tx
        .update(projects)
        .set({ name: name.trim(), updatedAt: sql`now()` })
        .where(eq(projects.id, projectId))
        .returning();
      await recordProjectEvent({ projectId, type: 'project.renamed' }, tx);
      return project;
    },
    db,
  );
}

/**
 * Newest first. `among`: only these of the owner's projects (a token limited to them); null
 * for all. The ids must be uuids (they come from a token's row).
 */
export function listProjects(ownerId: string, page: PageArgs<ProjectKey>, among: readonly string[] | null = null, db: Executor = getDb()) {
  return keysetPage(
    db,
    {
      table: projects,
      scopeColumn: projects.ownerId,
      scopeValue: ownerId,
      ...(among && { among: { column: projects.id, ids: among } }),
      keyColumns: [projects.createdAt, projects.id],
      direction: 'desc',
      keyValues: (key: ProjectKey) => [key.createdAt, key.id],
    },
    page,
  );
}

export async function countProjects(ownerId: string, among: readonly string[] | null = null, db: Executor = getDb()): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(projects)
    .where(and(eq(projects.ownerId, ownerId), among ? inArray(projects.id, [...among]) : undefined));
  return row.count;
}
