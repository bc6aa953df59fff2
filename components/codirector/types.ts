import type { ActionResult } from '@/lib/actionResult';

/** An edit as a reply lists it: what changed, and whether it has since been undone. */
export interface AppliedEdit {
  id: string;
  description: string;
  undone: boolean;
}

export interface ConversationTurn {
  id: string;
  role: 'user' | 'assistant';
  content: string;
  /** On the user's turns: the id their browser sent it with, so an unconfirmed copy can be matched. */
  clientMessageId: string | null;
  /** On CoDirector's turns: the edits its instruction applied. */
  edits: AppliedEdit[];
  /** On a reply a model is still writing: where its text streams from, and its API id (to stop it). */
  stream?: StreamingReplySource;
  /** On a reply that ended without an answer (provider error, server stopped mid-reply, or Stop): it offers Retry. */
  ended?: 'failed' | 'stopped';
}

/** How full the session's context is (lib/providers/context.ts measureContext). */
export interface SessionContextState {
  usedTokens: number;
  budgetTokens: number;
  /** How many messages Compact would fold now. */
  foldableMessages: number;
  /** Older turns already folded (Session.summary); null until then. */
  summary: string | null;
}

export interface StreamingReplySource {
  projectId: string;
  messageId: string;
  /** The reply's GraphQL id, for stopGeneration. */
  apiId: string;
  /** The last project event before the text was read: deltas resume after it. */
  afterEventId: number;
}

export interface SendInstructionInput {
  /** The session shown in the panel; null when the user has none yet on this project. */
  sessionId: string | null;
  content: string;
  clientMessageId: string;
}

export type SendInstruction = (input: SendInstructionInput) => Promise<ActionResult>;
