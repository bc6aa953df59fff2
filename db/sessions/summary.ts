import { eq } from 'drizzle-orm';
import { getDb, type Executor } from '../client';
import { sessions } from '../schema';

/** Stores the session's folded summary of older turns. */
export async function saveSessionSummary(sessionId: string, summary: string, throughSeq: number, db: Executor): Promise<void> {
  await db.update(sessions).set({ summary, summaryThroughSeq: throughSeq }).where(eq(sessions.id, sessionId));
}

export async function getSessionSummary(sessionId: string, db: Executor = getDb()): Promise<{ text: string; throughSeq: number } | null> {
  const [row] = await db.select({ summary: sessions.summary, throughSeq: sessions.summaryThroughSeq }).from(sessions).where(eq(sessions.id, sessionId));
  return row?.summary ? { text: row.summary, throughSeq: row.throughSeq } : null;
}
