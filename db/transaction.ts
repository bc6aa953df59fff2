import { eq } from 'drizzle-orm';
import { getDb, type Executor, type Transaction } from './client';
import { RowNotFoundError } from './errors';
import { projects, sessions, type Project } from './schema';

/**
 * The lock order, for every transaction that writes a project's data (its name, sessions,
 * messages, edits, timeline, current sessions, events):
 *
 *   1. the project row (`SELECT … FOR UPDATE`), first, always;
 *   2. then the session row, when the change concerns one session;
 *   3. then whatever else the change writes.
 *
 * Writers of one project therefore queue at their first statement. Taking anything else first
 * deadlocks: a session insert's foreign-key check and its counter trigger, or a cascade from a
 * deleted session, take the project row midway, in the opposite order to another writer that
 * locked the project first.
 *
 * Postgres may still end a transaction with a deadlock or serialization failure (another lock
 * taker outside this order, a restarted server); the whole transaction is then run once more.
 */
export async function inProjectTransaction<Result>(
  projectId: string,
  work: (tx: Transaction, project: Project) => Promise<Result>,
  db: Executor = getDb(),
): Promise<Result> {
  const attempt = () => db.transaction(async (tx) => work(tx, await lockProject(projectId, tx)));
  try {
    return await attempt();
  } catch (error) {
    if (!isRetryableConflict(error)) throw error;
    return attempt();
  }
}

/** Step 1 of the lock order: the project as it is once locked. Throws RowNotFoundError when it is gone. */
async function lockProject(projectId: string, tx: Executor): Promise<Project> {
  const [locked] = await tx.select().from(projects).where(eq(projects.id, projectId)).for('update');
  if (!locked) throw new RowNotFoundError('project', projectId);
  return locked;
}

/**
 * Step 2 of the lock order: holds the session row until the transaction ends, so appends to
 * one session are strictly ordered. Throws RowNotFoundError when it is gone.
 */
export async function lockSession(sessionId: string, tx: Transaction): Promise<void> {
  const locked = await tx.select({ id: sessions.id }).from(sessions).where(eq(sessions.id, sessionId)).for('update');
  if (locked.length === 0) throw new RowNotFoundError('session', sessionId);
}

/** deadlock_detected and serialization_failure, anywhere in the cause chain. */
export function isRetryableConflict(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; current = (current as { cause?: unknown }).cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (code === '40P01' || code === '40001') return true;
  }
  return false;
}
