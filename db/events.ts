import { and, asc, desc, eq, gt, lt, sql } from 'drizzle-orm';
import { getDb, selectRows, type Executor, type Transaction } from './client';
import { projectEvents, type ProjectEvent } from './schema';

/** Postgres channel woken on every project event; the payload is the project id. */
export const PROJECT_EVENTS_CHANNEL = 'codirector_project_events';

export type ProjectEventType =
  | 'instruction.answered'
  | 'session.started'
  | 'session.restored'
  | 'session.renamed'
  | 'session.deleted'
  | 'session.pinned'
  | 'session.unpinned'
  | 'session.archived'
  | 'session.unarchived'
  | 'session.forked'
  /** Older turns folded into the session's summary on demand (compactSession). */
  | 'session.compacted'
  | 'timeline.restored'
  | 'project.renamed'
  /** An instruction is stored and its reply is being generated (`messageId`: the reply). */
  | 'reply.started'
  /** Reply text appended: `data: { offset, text }`, the text at that character offset of the reply. */
  | 'reply.delta'
  /** The reply ended: `data: { status }` (done, failed, stopped). */
  | 'reply.finished';

/**
 * Records what changed inside the caller's transaction and wakes listeners when it commits.
 * Runs inside inProjectTransaction (db/transaction.ts): the project's lock is held, so event
 * ids within a project follow commit order.
 */
export async function recordProjectEvent(
  event: {
    projectId: string;
    type: ProjectEventType;
    sessionId?: string | null;
    userId?: string | null;
    messageId?: string | null;
    data?: Record<string, unknown> | null;
  },
  tx: Transaction,
): Promise<void> {
  // The row and its wake-up in one statement (the notification is delivered at commit).
  const inserted = tx.insert(projectEvents).values(event).returning({ id: projectEvents.id });
  const [recorded] = await selectRows<{ id: number | string }>(
    tx,
    sql`with recorded as (${inserted.getSQL()}) select recorded.id, pg_notify(${PROJECT_EVENTS_CHANNEL}, ${event.projectId}) from recorded`,
  );
  // Every hundredth event sweeps the project's old ones: a client away that long reloads anyway.
  if (Number(recorded.id) % 100 === 0) await pruneProjectEvents(event.projectId, tx);
}

/** How long events are kept for clients that reconnect and resume. */
export const EVENT_RETENTION_MS = 24 * 3600 * 1000;

/** Deletes the project's events older than EVENT_RETENTION_MS, by the database's clock (the one that stamped them). */
export async function pruneProjectEvents(projectId: string, db: Executor = getDb()): Promise<void> {
  const cutoff = sql`now() - make_interval(secs => ${EVENT_RETENTION_MS / 1000})`;
  await db.delete(projectEvents).where(and(eq(projectEvents.projectId, projectId), lt(projectEvents.createdAt, cutoff)));
}

export async function listProjectEventsAfter(
  projectId: string,
  afterId: number,
  limit = 500,
  db: Executor = getDb(),
): Promise<ProjectEvent[]> {
  return db
    .select()
    .from(projectEvents)
    .where(and(eq(projectEvents.projectId, projectId), gt(projectEvents.id, afterId)))
    .orderBy(asc(projectEvents.id))
    .limit(limit);
}

/** The id a new subscriber starts after: it receives what happens from now on. */
export async function latestProjectEventId(projectId: string, db: Executor = getDb()): Promise<number> {
  const [row] = await db
    .select({ id: projectEvents.id })
    .from(projectEvents)
    .where(eq(projectEvents.projectId, projectId))
    .orderBy(desc(projectEvents.id))
    .limit(1);
  return row?.id ?? 0;
}
