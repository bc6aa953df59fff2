import { and, asc, desc, eq, gt, lt, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { getDb, type Executor, type Transaction } from './client';
import type { ProjectEventType } from '@/lib/projectEventTypes';
import { projectEvents, type ProjectEvent } from './schema';

/** Postgres channel woken on every project event (the payload is the project id) and on every ended credential (credentialChannelKey). */
export const PROJECT_EVENTS_CHANNEL = 'codirector_project_events';

/** An event as it is recorded. */
export interface NewProjectEvent {
  projectId: string;
  type: ProjectEventType;
  sessionId?: string | null;
  userId?: string | null;
  messageId?: string | null;
  data?: Record<string, unknown> | null;
}

/**
 * Records what changed inside the caller's transaction and wakes listeners when it commits.
 * Runs inside inProjectTransaction (db/transaction.ts): the project's lock is held, so event
 * ids within a project follow commit order.
 */
export async function recordProjectEvent(event: NewProjectEvent, tx: Transaction): Promise<void> {
  // The row and its wake-up in one statement (the notification is delivered at commit).
  const recorded = tx.$with(RECORDED).as(tx.insert(projectEvents).values(event).returning({ id: projectEvents.id }));
  const [row] = await tx
    .with(recorded)
    .select({ pruneDue: pruneDueAmong(RECORDED), woken: wakeListeners(event.projectId) })
    .from(recorded);
  if (row.pruneDue) await pruneProjectEvents(event.projectId, tx);
}

const RECORDED = 'recorded';

/**
 * The channel also carries the end of credentials, so an open stream ends from the revocation
 * itself: notifications arrive in commit order, so its stream hears of it before any event
 * committed later. Project ids are uuids and never take these shapes.
 */
export const credentialChannelKey = {
  /** A personal access token was revoked. */
  token: (tokenId: string) => `token-revoked:${tokenId}`,
  /** Every sign-in cookie of the user was refused (signing out, signing out everywhere). */
  authSessions: (userId: string) => `auth-sessions-ended:${userId}`,
};

/** Wakes the streams of an ended credential when the transaction commits; a select-list or returning expression. */
export function wakeCredentialListeners(key: string): SQL {
  return sql`pg_notify(${PROJECT_EVENTS_CHANNEL}, ${key})`;
}

/** Wakes the project's listeners when the transaction commits; a select-list expression of the statement that records events. */
export function wakeListeners(projectId: string | Placeholder): SQL {
  return sql`pg_notify(${PROJECT_EVENTS_CHANNEL}, ${projectId})`;
}

/**
 * Every hundredth event sweeps the project's old ones (pruneProjectEvents): whether the events a
 * statement records, the rows of its common table expression `recorded` (ids only), include one.
 */
export function pruneDueAmong(recorded: string): SQL<boolean> {
  return sql<boolean>`(select coalesce(bool_or(${sql.identifier(projectEvents.id.name)} % 100 = 0), false) from ${sql.identifier(recorded)})`;
}

/** How long events are kept for clients that reconnect and resume. */
export const EVENT_RETENTION_MS = 24 * 3600 * 1000;

/** Deletes the project's events older than EVENT_RETENTION_MS, by the database's clock (the one that stamped them). */
export async function pruneProjectEvents(projectId: string, db: Executor = getDb()): Promise<void> {
  const cutoff = sql`now() - make_interval(secs => ${EVENT_RETENTION_MS / 1000})`;
  await db.delete(projectEvents).where(and(eq(projectEvents.projectId, projectId), lt(projectEvents.createdAt, cutoff)));
}

export async function listProjectEventsAfter(projectId: string, afterId: number, limit = 500, db: Executor = getDb()): Promise<ProjectEvent[]> {
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
