import { asc, sql } from 'drizzle-orm';
import { builtOnce } from '../builtQueries';
import { getDb, type Executor } from '../client';
import { editsInOrderOf } from '../edits';
import { qualified } from '../qualified';
import { projectEvents } from '../schema';
import { listedSessionCount } from '../sessions';

/**
 * Everything the project page shows but its history list, in one statement: the viewer's own
 * project (null for anyone else's, as getOwnedProject), its timeline, how many sessions its
 * history lists, the latest event a live stream would resume after, and the viewer's current
 * session with its messages, its edits and where it was branched from. One statement is also
 * one snapshot: the event id and the messages agree.
 */
export async function readProjectPage(ownerId: string, projectId: string, db: Executor = getDb()) {
  const page = await builtOnce(db, 'projectPage.read', () => projectPageQuery(db)).execute({ projectId, ownerId });
  if (!page) return null;
  const { currentSessions, latestEventId, listedSessionCount: sessionCount, databaseNow, clips, ...project } = page;
  return {
    project,
    clips,
    sessionCount: Number(sessionCount),
    latestEventId: Number(latestEventId),
    databaseNow: new Date(databaseNow),
    current: currentSessions[0]?.session ?? null,
  };
}

/** Built once per database (db/builtQueries.ts): a page render would otherwise rebuild this SQL every time. */
function projectPageQuery(db: Executor) {
  const ownerId = sql.placeholder('ownerId');
  return db.query.projects
    .findFirst({
      where: (project, { and, eq }) => and(eq(project.id, sql.placeholder('projectId')), eq(project.ownerId, ownerId)),
      extras: (project) => ({
        latestEventId:
          sql<number>`(select coalesce(max(${qualified(projectEvents.id)}), 0) from ${projectEvents} where ${qualified(projectEvents.projectId)} = ${project.id})`.as(
            'latest_event_id',
          ),
        listedSessionCount: listedSessionCount(project).as('listed_session_count'),
        databaseNow: sql<string>`now()`.as('database_now'),
      }),
      with: {
        clips: { orderBy: (clip) => asc(clip.position) },
        currentSessions: {
          where: (current, { eq }) => eq(current.userId, ownerId),
          columns: {},
          with: {
            session: {
              with: {
                messages: { orderBy: (message) => asc(message.seq) },
                edits: { orderBy: (edit) => editsInOrderOf(edit) },
                forkedFromSession: { columns: { title: true } },
                forkedFromMessage: { columns: { createdAt: true } },
              },
            },
          },
        },
      },
    })
    .prepare('projectPage.read');
}

export type ProjectPageRead = NonNullable<Awaited<ReturnType<typeof readProjectPage>>>;
