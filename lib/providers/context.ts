/**
 * What a model sees for one instruction, assembled in one place: a system prompt (what
 * CoDirector can do), a digest of the current timeline, this session's edit log (every edit,
 * with the instruction that made it, reverted or not), a summary of folded older turns, and
 * the session's recent messages. Nothing from other sessions is ever passed in.
 *
 * Within `budgetTokens` (counted with gpt-tokenizer): when the conversation does not fit, its
 * oldest turns fold into the summary, which is stored with the session; Compact folds them on demand
 * with the same step (compactConversation), and the panel's meter is measureContext. The edit log
 * never folds. A fold writes a deterministic line per instruction; a model that can write
 * summaries rewrites them (summaryPrompt, lib/providers/modelAssistant.ts).
 */
import { countTokens } from 'gpt-tokenizer';
import { config } from '@/lib/config';
import { formatSeconds } from '@/lib/timeline/durations';
import type { Clip, Timeline } from '@/lib/assistant/types';
import { TOOL_SCHEMAS } from './tools';

export function contextBudget(env: Readonly<Record<string, string | undefined>> = process.env): number {
  return config(env).ASSISTANT_CONTEXT_TOKENS;
}

export interface PromptMessage {
  seq: number;
  role: 'user' | 'assistant';
  content: string;
}

export interface EditLogEntry {
  description: string;
  /** The instruction that made the edit, when its message still exists. */
  instruction: string | null;
  reverted: boolean;
}

export interface SessionSummary {
  text: string;
  /** The last message seq the summary covers. */
  throughSeq: number;
}

export interface PromptInput {
  timeline: Timeline;
  editLog: readonly EditLogEntry[];
  /** This session's messages before the instruction, oldest first. */
  messages: readonly PromptMessage[];
  summary: SessionSummary | null;
  instruction: string;
  budgetTokens: number;
}

export interface AssembledPrompt {
  system: string;
  messages: { role: 'user' | 'assistant'; content: string }[];
  /** The summary the prompt used; `folded` when this assembly extended it (the caller stores it). */
  summary: SessionSummary | null;
  folded: boolean;
  tokens: number;
}

const SYSTEM_PROMPT = `You are CoDirector, the editing assistant of a video editor. You edit the project's timeline only by calling tools; never claim an edit you did not make with a tool call.
Tools: ${Object.entries(TOOL_SCHEMAS)
  .map(([name, tool]) => `${name} (${tool.description.replace(/\.$/, '')})`)
  .join('; ')}.
Refer to clips by the id shown in the timeline. Durations are in milliseconds; "a bit" means 2000 ms. Resolve follow-ups ("it", "the same thing", "undo that") from this session's edit log and messages only. If a request is ambiguous, ask instead of editing. Never edit a clip your reply does not name. Reply briefly, in plain sentences.`;

function describeClip(clip: Clip, index: number): string {
  const details = [clip.kind, formatSeconds(clip.durationMs)];
  if (clip.fadeInMs > 0) details.push(`fade in ${formatSeconds(clip.fadeInMs)}`);
  if (clip.fadeOutMs > 0) details.push(`fade out ${formatSeconds(clip.fadeOutMs)}`);
  if (clip.speed !== 1) details.push(`speed ${clip.speed}x`);
  if (clip.muted) details.push('muted');
  else if (clip.volume !== 100) details.push(`volume ${clip.volume}%`);
  if (clip.text) details.push(`text "${clip.text}"`);
  return `${index + 1}. [${clip.id}] "${clip.name}": ${details.join(', ')}`;
}

export function timelineDigest(timeline: Timeline): string {
  const total = timeline.reduce((sum, clip) => sum + clip.durationMs, 0);
  if (timeline.length === 0) return 'The timeline is empty.';
  return `Timeline (${timeline.length} clips, ${formatSeconds(total)} in total):\n${timeline.map(describeClip).join('\n')}`;
}

export function editLogDigest(editLog: readonly EditLogEntry[]): string {
  if (editLog.length === 0) return 'Edits made in this session: none yet.';
  const lines = editLog.map(
    (entry, index) => `${index + 1}. ${entry.description}${entry.instruction ? ` (asked: "${entry.instruction}")` : ''}${entry.reverted ? ' [undone]' : ''}`,
  );
  return `Edits made in this session, oldest first:\n${lines.join('\n')}`;
}

const SUMMARY_INSTRUCTION_CHARS = 120;

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * A deterministic line per folded turn: what was asked. What the answers did is in the edit log,
 * which is always given in full, so the replies themselves can go.
 */
function foldTurns(turns: readonly PromptMessage[]): string {
  return turns
    .filter((message) => message.role === 'user')
    .map((message) => `- "${clip(message.content, SUMMARY_INSTRUCTION_CHARS)}"`)
    .join('\n');
}

function systemText(input: Pick<PromptInput, 'timeline' | 'editLog'>, summary: SessionSummary | null): string {
  const parts = [SYSTEM_PROMPT, timelineDigest(input.timeline), editLogDigest(input.editLog)];
  if (summary) parts.push(`Earlier instructions in this session (their replies are folded away; their edits are listed above):\n${summary.text}`);
  return parts.join('\n\n');
}

/**
 * Token counts by text. Counting is the costly part of assembling and measuring (tens of ms for a
 * long session), and the same texts are counted again and again: a message never changes once
 * answered, and the project page measures the session on every render. Bounded by characters.
 */
const counted = new Map<string, number>();
const COUNTED_MAX_CHARS = 2_000_000;
let countedChars = 0;

function tokenCount(text: string): number {
  const known = counted.get(text);
  if (known !== undefined) return known;
  const tokens = countTokens(text);
  if (text.length <= COUNTED_MAX_CHARS / 10) {
    counted.set(text, tokens);
    countedChars += text.length;
    // Oldest first: a Map iterates in insertion order.
    for (const oldest of counted.keys()) {
      if (countedChars <= COUNTED_MAX_CHARS) break;
      counted.delete(oldest);
      countedChars -= oldest.length;
    }
  }
  return tokens;
}

const tokensOf = (system: string, messages: readonly { content: string }[]) =>
  tokenCount(system) + messages.reduce((sum, message) => sum + tokenCount(message.content) + 4, 0);

/** This session's messages the summary does not already cover. */
const unfolded = (messages: readonly PromptMessage[], summary: SessionSummary | null) =>
  messages.filter((message) => !summary || message.seq > summary.throughSeq);

/**
 * Folds the oldest turn (an instruction and its reply) of `kept` into the summary. The one step
 * both budget folding (assemblePrompt) and compaction on demand (compactConversation) take.
 */
function foldOldestTurn(kept: readonly PromptMessage[], summary: SessionSummary | null): { kept: PromptMessage[]; summary: SessionSummary } {
  const replyIndex = kept.findIndex((message, index) => index > 0 && message.role === 'user');
  const cut = replyIndex === -1 ? kept.length - 2 : replyIndex;
  const turn = kept.slice(0, cut);
  const lines = foldTurns(turn);
  return { kept: kept.slice(cut), summary: { text: summary ? `${summary.text}\n${lines}` : lines, throughSeq: turn[turn.length - 1].seq } };
}

const SUMMARY_SYSTEM_PROMPT = `You summarize the earlier part of a conversation between a video editor and CoDirector, their editing assistant, so that the conversation can go on without it.
Write at most 8 short lines, each starting with "- ": what the editor asked for and what CoDirector answered or asked back. Keep clip names and numbers exact. The edits themselves are kept elsewhere, so do not list every one. Merge the summary so far, when there is one, with the new turns. Answer with the summary only.`;

/** The longest model-written summary used; a longer one is replaced by the deterministic lines. */
const SUMMARY_MAX_CHARS = 2_000;
const SUMMARY_TURN_CHARS = 600;

/** The turns a fold moved into the summary: after what `before` covered, through what `after` covers. */
export function foldedTurns(messages: readonly PromptMessage[], before: SessionSummary | null, after: SessionSummary): PromptMessage[] {
  return messages.filter((message) => message.seq > (before?.throughSeq ?? 0) && message.seq <= after.throughSeq);
}

/** What a model is asked for to summarize folded turns, with the summary so far. */
export function summaryPrompt(turns: readonly PromptMessage[], previous: string | null): AssembledPrompt {
  const transcript = turns.map((message) => `${message.role === 'user' ? 'Editor' : 'CoDirector'}: ${clip(message.content, SUMMARY_TURN_CHARS)}`).join('\n');
  const content = `${previous ? `The summary so far:\n${previous}\n\n` : ''}The turns to add to it:\n${transcript}`;
  const messages = [{ role: 'user' as const, content }];
  return { system: SUMMARY_SYSTEM_PROMPT, messages, summary: null, folded: false, tokens: tokensOf(SUMMARY_SYSTEM_PROMPT, messages) };
}

/** A model's summary when it can stand in for the folded turns: some text, and not too much. */
export function usableSummary(text: string): string | null {
  const trimmed = text.trim();
  return trimmed && trimmed.length <= SUMMARY_MAX_CHARS ? trimmed : null;
}

/** The latest turn (an instruction and its reply) always stays unfolded. */
const canFold = (kept: readonly PromptMessage[]) => kept.length > 2;

export function assemblePrompt(input: PromptInput): AssembledPrompt {
  let summary = input.summary;
  let kept = unfolded(input.messages, summary);
  let folded = false;
  const build = () => {
    const system = systemText(input, summary);
    const messages = [...kept.map(({ role, content }) => ({ role, content })), { role: 'user' as const, content: input.instruction }];
    return { system, messages, tokens: tokensOf(system, messages) };
  };
  let prompt = build();
  while (prompt.tokens > input.budgetTokens && canFold(kept)) {
    ({ kept, summary } = foldOldestTurn(kept, summary));
    folded = true;
    prompt = build();
  }
  return { ...prompt, summary, folded };
}

export interface Compaction {
  /** The summary after folding; unchanged when there was nothing to fold. */
  summary: SessionSummary | null;
  /** How many messages it folded (0: nothing older than the latest turn was left). */
  foldedMessages: number;
}

/** Compaction on demand: every turn but the latest folds into the summary now, exactly as the budget would fold it. */
export function compactConversation(messages: readonly PromptMessage[], summary: SessionSummary | null): Compaction {
  let kept = unfolded(messages, summary);
  const before = kept.length;
  while (canFold(kept)) ({ kept, summary } = foldOldestTurn(kept, summary));
  return { summary, foldedMessages: before - kept.length };
}

export interface ContextUsage {
  /** Tokens the session's context takes now: system prompt, timeline, edit log, summary and unfolded messages. */
  usedTokens: number;
  budgetTokens: number;
  /** How many messages compacting now would fold. */
  foldableMessages: number;
}

/** How full the session's context is: what the next prompt costs before its instruction, against the budget. */
export function measureContext(input: Omit<PromptInput, 'instruction'>): ContextUsage {
  const kept = unfolded(input.messages, input.summary);
  const system = systemText(input, input.summary);
  return {
    usedTokens: tokensOf(system, kept),
    budgetTokens: input.budgetTokens,
    foldableMessages: compactConversation(input.messages, input.summary).foldedMessages,
  };
}
