/**
 * The assistant's vocabulary of data: a timeline of clips, the operations that change it,
 * and what one instruction resolves to. Everything here is plain JSON so edits can be
 * stored in the database (edits.operations / edits.inverse) and replayed.
 */

export * from '@/lib/timeline/model';
import type { NewEdit, SessionEdit, Timeline } from '@/lib/timeline/model';

export interface SessionMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** Exactly what the current session said and did, oldest first. Nothing from other sessions. */
export interface SessionContext {
  messages: readonly SessionMessage[];
  edits: readonly SessionEdit[];
}

/** What persisting an instruction must do, in order. */
export type AssistantAction =
  | { type: 'apply'; edit: NewEdit }
  /** Undo: apply the stored edit's inverse and mark it reverted. */
  | { type: 'revert'; editId: string }
  /** Redo: apply the stored edit's operations again and clear its reverted mark. */
  | { type: 'reapply'; editId: string };

export interface AssistantResult {
  reply: string;
  actions: AssistantAction[];
}

export interface AssistantInput {
  timeline: Timeline;
  context: SessionContext;
  instruction: string;
}

/** The seam a language-model provider implements to replace the interpreter. */
export interface Assistant {
  readonly name: string;
  respond(input: AssistantInput): Promise<AssistantResult>;
}
