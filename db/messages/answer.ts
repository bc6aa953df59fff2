import { eq, sql, type SQL } from 'drizzle-orm';
import { instructionTitle, type AutomaticTitle } from '@/lib/sessionTitles';
import type { ProjectEventType } from '@/lib/projectEventTypes';
import { builtOnce } from '../builtQueries';
import type { Transaction } from '../client';
import { columnNames, rowOf } from '../cte';
import { RowNotFoundError } from '../errors';
import { pruneDueAmong, pruneProjectEvents, wakeListeners } from '../events';
import { messages, projectEvents, sessions, titleSource, type Message, type Session } from '../schema';
import { automaticTitleChanges } from '../sessions';
import { messagesAppended } from './rows';

/**
 * An instruction's last write, in one statement: its reply; the session's message count and
 * title, the automatic one when `retitle` is given and applies (db/sessions/rows.ts
 * automaticTitleChanges), else the instruction's for a session still untitled; and the
 * `instruction.answered` event (naming the reply), after a `session.renamed` one when the automatic title changed it.
 * Both events carry `eventData` (the sending device's clientMessageId). Under the session's lock.
 * It lives with messages, its main row being the reply; it also writes the sessions row and
 * project_events (and wakes the project's listeners).
 */
export async function recordAnswer(
  input: {
    session: Pick<Session, 'id' | 'projectId'>;
    reply: { seq: number; content: string; replyToId: string };
    instruction: string;
    retitle: AutomaticTitle | null;
    eventData: Record<string, unknown> | null;
  },
  tx: Transaction,
): Promise<{ reply: Message; session: Session }> {
  const { session, retitle } = input;
  const values = {
    sessionId: session.id,
    projectId: session.projectId,
    replySeq: input.reply.seq,
    replyContent: input.reply.content,
    replyToId: input.reply.replyToId,
    instructionTitle: instructionTitle(input.instruction),
    eventData: input.eventData ? JSON.stringify(input.eventData) : null,
  };
  const [answered] = retitle
    ? await builtOnce(tx, 'instructions.answerRetitled', () => answerQuery(tx, true)).execute({ ...values, title: retitle.title, titleSource: retitle.source })
    : await builtOnce(tx, 'instructions.answer', () => answerQuery(tx, false)).execute(values);
  if (!answered) throw new RowNotFoundError('session', session.id);
  if (answered.pruneDue) await pruneProjectEvents(session.projectId, tx);
  return { reply: answered.reply, session: answered.session };
}

/** recordAnswer's statement, built once for each of its two shapes (db/builtQueries.ts): with an automatic title to apply, or without. */
function answerQuery(tx: Transaction, retitles: boolean) {
  // One statement pays (docs/performance.md, counted by bench/capture-phase.ts): with its row's other merges, sendMessage went "29 → 18 statements (23 → 14 in the transaction)".
  const param = sql.placeholder;
  const reply = tx.$with('reply').as(
    tx
      .insert(messages)
      .values({ sessionId: param('sessionId'), seq: param('replySeq'), role: 'assistant', content: param('replyContent'), replyToId: param('replyToId') })
      .returning(),
  );
  // Every part of one statement reads the rows as they were before it: this is the title before the update.
  const before = retitles
    ? [
        tx.$with(BEFORE).as(
          tx
            .select({ retitled: sql<boolean>`${automaticTitleChanges({ title: param('title'), source: param('titleSource') })}`.as(RETITLED) })
            .from(sessions)
            .where(eq(sessions.id, param('sessionId'))),
        ),
      ]
    : [];
  const retitled = retitles ? sql`(select ${sql.identifier(RETITLED)} from ${sql.identifier(BEFORE)})` : sql`false`;
  const appended = messagesAppended(2, param('instructionTitle'));
  const counted = tx.$with('counted').as(
    tx
      .update(sessions)
      .set(
        retitles
          ? {
              ...appended,
              title: sql`case when ${retitled} then ${param('title')} else ${appended.title} end`,
              titleSource: sql`case when ${retitled} then ${param('titleSource')}::${sql.identifier(titleSource.enumName)} else ${sessions.titleSource} end`,
            }
          : appended,
      )
      .where(eq(sessions.id, param('sessionId')))
      .returning(),
  );
  const event = (type: ProjectEventType, messageId: SQL) =>
    sql`select ${param('projectId')}::uuid, ${type}::text, ${param('sessionId')}::uuid, ${messageId}, ${param('eventData')}::jsonb`;
  // `instruction.answered` names the reply, so a subscriber has the answer without asking again.
  const replyId = sql`(select ${sql.identifier(messages.id.name)} from ${sql.identifier('reply')})`;
  const events = tx.$with(EVENTS, {}).as(
    sql`insert into ${projectEvents} (${columnNames(projectEvents.projectId, projectEvents.type, projectEvents.sessionId, projectEvents.messageId, projectEvents.data)})
      ${retitles ? sql`${event('session.renamed', sql`null::uuid`)} where ${retitled} union all ` : sql``}${event('instruction.answered', replyId)}
      returning ${sql.identifier(projectEvents.id.name)}`,
  );
  return tx
    .with(reply, ...before, counted, events)
    .select({
      reply: rowOf(reply, messages),
      session: rowOf(counted, sessions),
      pruneDue: pruneDueAmong(EVENTS),
      woken: wakeListeners(param('projectId')),
    })
    .from(reply)
    .crossJoin(counted)
    .prepare(retitles ? 'instructions.answerRetitled' : 'instructions.answer');
}

const BEFORE = 'before_answer';
const RETITLED = 'retitled';
const EVENTS = 'answer_events';
