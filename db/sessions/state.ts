import { asc, sql } from 'drizzle-orm';
import type { Clip } from '@/lib/timeline/model';
import { builtOnce } from '../builtQueries';
import { clipFromRow } from '../clipRows';
import type { Executor } from '../client';
import { editsInOrderOf } from '../edits';
import { RowNotFoundError } from '../errors';
import type { Edit, Message } from '../schema';

/** What an instruction is decided on: the session's messages, edits and summary, the project's timeline, and the time to stamp edits with. */
export interface SessionState {
  messages: Message[];
  /** In the order they were made (editsInOrder). */
  edits: Edit[];
  timeline: Clip[];
  /** The folded older turns; null until the session has any. */
  summary: { text: string; throughSeq: number } | null;
  at: Date;
}

/**
 * The session's state in one statement. In a transaction that holds the project's and the
 * session's locks it sees every earlier writer's commit, and its clock follows theirs. Throws
 * RowNotFoundError when the session does not exist.
 */
export async function readSessionState(sessionId: string, db: Executor): Promise<SessionState> {
  const found = await builtOnce(db, 'sessionState.read', () => sessionStateQuery(db)).execute({ sessionId });
  if (!found) throw new RowNotFoundError('session', sessionId);
  return {
    messages: found.messages,
    edits: found.edits,
    timeline: found.project.clips.map(clipFromRow),
    summary: found.summary ? { text: found.summary, throughSeq: found.summaryThroughSeq } : null,
    at: new Date(found.at),
  };
}

/** Built once (db/builtQueries.ts): an instruction would otherwise build this SQL every time. */
function sessionStateQuery(db: Executor) {
  // One statement pays (docs/performance.md, counted by bench/capture-phase.ts): with its row's other merges, sendMessage went "29 → 18 statements (23 → 14 in the transaction)".
  return db.query.sessions
    .findFirst({
      where: (session, { eq }) => eq(session.id, sql.placeholder('sessionId')),
      columns: { summary: true, summaryThroughSeq: true },
      extras: { at: sql<string>`clock_timestamp()`.as('at') },
      with: {
        messages: { orderBy: (message) => asc(message.seq) },
        edits: { orderBy: (edit) => editsInOrderOf(edit) },
        project: { columns: {}, with: { clips: { orderBy: (clip) => asc(clip.position) } } },
      },
    })
    .prepare('sessionState.read');
}
