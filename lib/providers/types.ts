import type { Assistant, AssistantResult, SessionContext, Timeline } from '@/lib/assistant/types';
import type { AssembledPrompt, EditLogEntry, PromptMessage, SessionSummary } from './context';
import type { ToolCallIntent } from './tools';

/** A snapshot of what an instruction is answered from, read in one short transaction. */
export interface GenerationInput {
  timeline: Timeline;
  context: SessionContext;
  editLog: readonly EditLogEntry[];
  messages: readonly PromptMessage[];
  summary: SessionSummary | null;
  instruction: string;
}

export interface GenerateOptions {
  signal: AbortSignal;
  /** Reply text as it arrives. */
  onText: (delta: string) => void;
}

/** What a generation produced: reply text and intents, not yet edits. */
export interface Generation {
  reply: string;
  toolCalls: ToolCallIntent[];
  /** The summary of folded turns the prompt used; `folded` when it grew and should be stored. */
  summary: SessionSummary | null;
  folded: boolean;
}

/**
 * An assistant that answers outside any transaction, streaming its reply. The server stores the
 * instruction, calls `generate` with no lock held, then turns the result into edits with `plan`
 * against the timeline as it is when the edits are written (so it can re-plan after a conflict).
 */
export interface StreamingAssistant extends Assistant {
  readonly streams: true;
  generate(input: GenerationInput, options: GenerateOptions): Promise<Generation>;
  plan(generation: Generation, timeline: Timeline, context: SessionContext): AssistantResult;
  /**
   * The model's summary of the session once `folded` (a fold of `session`'s turns) is made,
   * merged with the summary so far; null when it cannot write one. Outside any transaction.
   */
  summarizeFold(session: Pick<GenerationInput, 'messages' | 'summary'>, folded: SessionSummary, signal: AbortSignal): Promise<SessionSummary | null>;
}

export function isStreamingAssistant(assistant: Assistant): assistant is StreamingAssistant {
  return (assistant as Partial<StreamingAssistant>).streams === true;
}

/** The wire-level seam: one chat turn to a model, reply text streamed, tool calls collected. */
export interface ModelProvider {
  readonly name: string;
  stream(prompt: AssembledPrompt, options: GenerateOptions): Promise<{ text: string; toolCalls: ToolCallIntent[] }>;
  /** The text of a reply to `prompt` with no tools offered: a summary of folded turns (summaryPrompt). Optional. */
  summarize?(prompt: AssembledPrompt, options: { signal: AbortSignal }): Promise<string>;
}

/** Why a provider could not answer, with a reply a person can read. Never a 500. */
export class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    readonly kind: 'rate_limited' | 'unavailable' | 'timeout' | 'malformed' | 'stopped',
    readonly reply: string,
    options?: { cause?: unknown },
  ) {
    super(reply, options);
  }
}

/** ASSISTANT_PROVIDER is set to a provider that cannot work (no key, bad URL). */
export class ProviderConfigError extends Error {
  override name = 'ProviderConfigError';
}
