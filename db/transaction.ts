import { eq, sql } from 'drizzle-orm';
import { builtOnce } from './builtQueries';
import { getDb, type Executor, type Transaction } from './client';
import { RowNotFoundError } from './errors';
import { columnOf, rowOf } from './cte';
import { qualified } from './qualified';
import { projects, sessions, type Project, type Session } from './schema';

/**
 * The lock order, for every transaction that writes a project's data (its name, sessions,
 * messages, edits, timeline, current sessions, events):
 *
 *   1. the project row (`SELECT … FOR UPDATE`), first, always;
 *   2. then the session row, when the change concerns one session (inSessionTransaction takes
 *      both in one statement);
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
  return retriedOnceOnConflict(() => db.transaction(async (tx) => work(tx, await lockProject(projectId, tx))));
}

/**
 * A transaction about one session: steps 1 and 2 of the lock order, taken by one statement
 * (lockProjectAndSession). `work` gets the project as it is once locked.
 */
export async function inSessionTransaction<Result>(
  session: Pick<Session, 'id' | 'projectId'>,
  work: (tx: Transaction, project: Project) => Promise<Result>,
  db: Executor = getDb(),
): Promise<Result> {
  return retriedOnceOnConflict(() => db.transaction(async (tx) => work(tx, await lockProjectAndSession(session.projectId, session.id, tx))));
}

async function retriedOnceOnConflict<Result>(attempt: () => Promise<Result>): Promise<Result> {
  try {
    return await attempt();
  } catch (error) {
    if (!isRetryableConflict(error)) throw error;
    return attempt();
  }
}

/** Step 1 of the lock order: the project as it is once locked. Throws RowNotFoundError when it is gone. */
async function lockProject(projectId: string, tx: Executor): Promise<Project> {
  const [locked] = await builtOnce(tx, 'transaction.lockProject', () =>
    tx
      .select()
      .from(projects)
      .where(eq(projects.id, sql.placeholder('projectId')))
      .for('update')
      .prepare('transaction.lockProject'),
  ).execute({ projectId });
  if (!locked) throw new RowNotFoundError('project', projectId);
  return locked;
}

const LOCKED_PROJECT = 'locked_project';

/**
 * Steps 1 and 2 in one statement. The order holds because the session's lock is taken by a
 * subquery over the locked project's row, which exists only once that lock is held (one lock
 * clause over both tables would leave the order to the executor). Throws RowNotFoundError when
 * either is gone, or when the session is not the project's.
 */
async function lockProjectAndSession(projectId: string, sessionId: string, tx: Transaction): Promise<Project> {
  const [locked] = await builtOnce(tx, 'transaction.lockProjectAndSession', () => lockProjectAndSessionQuery(tx)).execute({ projectId, sessionId });
  if (!locked) throw new RowNotFoundError('project', projectId);
  if (!locked.sessionId) throw new RowNotFoundError('session', sessionId);
  return locked.project;
}

function lockProjectAndSessionQuery(tx: Transaction) {
  const project = tx.$with(LOCKED_PROJECT).as(
    tx
      .select()
      .from(projects)
      .where(eq(projects.id, sql.placeholder('projectId')))
      .for('update'),
  );
  const lockedSession = sql<string | null>`(select ${qualified(sessions.id)} from ${sessions}
    where ${qualified(sessions.id)} = ${sql.placeholder('sessionId')} and ${qualified(sessions.projectId)} = ${columnOf(LOCKED_PROJECT, projects.id)} for update)`;
  return tx
    .with(project)
    .select({ project: rowOf(project, projects), sessionId: lockedSession })
    .from(project)
    .prepare('transaction.lockProjectAndSession');
}

/** deadlock_detected and serialization_failure, anywhere in the cause chain. */
export function isRetryableConflict(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; current = (current as { cause?: unknown }).cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (code === '40P01' || code === '40001') return true;
  }
  return false;
}
