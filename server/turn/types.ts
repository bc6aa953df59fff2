import type { Message, Session } from '@/db/schema';
import type { SessionState } from '@/db/sessions';
import type { AssistantResult, Clip, SessionContext } from '@/lib/assistant/types';
import type { SessionSummary } from '@/lib/providers/context';
import type { TurnContext } from './context';

/** What starts a turn: a new instruction into a session, or a failed or stopped reply answered again. */
export type TurnStart =
  { kind: 'instruction'; session: Session; content: string; clientMessageId: string | null } | { kind: 'retry'; session: Session; replyId: string };

/**
 * Where the reply is written. In one transaction the reply is a new row written last (nobody can
 * see a turn before it commits); across transactions `begin` stores a pending reply that every
 * device shows while the assistant answers, and `apply` completes it.
 */
export type ReplySlot = { kind: 'new'; seq: number } | { kind: 'stored'; message: Message };

/** A turn once begun: the instruction stored, the session as it was read, what the assistant answers from. */
export interface Turn {
  session: Session;
  userMessage: Message;
  reply: ReplySlot;
  /** The session as `begin` read it, under its locks. */
  state: SessionState;
  context: TurnContext;
  /** `begin`, `answer` and `apply` share one transaction: `apply` needs no second read. */
  oneTransaction: boolean;
}

/**
 * What the assistant answered. `replan` turns the same answer into edits against a timeline that
 * changed meanwhile; `said` is the reply's own words, kept when no edit fits any more; `fold` a
 * summary of older turns to store.
 */
export type Answer =
  | {
      kind: 'answered';
      result: AssistantResult;
      replan: (timeline: Clip[], context: SessionContext) => Promise<AssistantResult>;
      said: string;
      fold: SessionSummary | null;
    }
  | { kind: 'ended'; status: 'failed' | 'stopped'; content: string };

/** An answer to apply: the assistant's reply and edits. */
export type Answered = Extract<Answer, { kind: 'answered' }>;
