/**
 * The editing tools a model may call. A tool call is an intent ("lengthen clip X by 2000 ms");
 * its arguments are validated here and turned into operations by the interpreter's own edit
 * builders (lib/assistant/buildEdit.ts, undoRedo.ts), so a model's edits are exactly as
 * invertible and conflict-checked as the interpreter's. A model never writes operations.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { buildEdit } from '@/lib/assistant/buildEdit';
import type { EditSpec } from '@/lib/assistant/editSpec';
import { applyOperations } from '@/lib/timeline/operations';
import type { AssistantAction, AssistantResult, Clip, SessionContext, Timeline } from '@/lib/assistant/types';
import { redo, undo } from '@/lib/assistant/undoRedo';

const clipId = z.string().min(1).describe('The id of a clip, exactly as listed in the timeline.');
const ms = z.number().int().positive().max(3_600_000).describe('Milliseconds.');
const count = z.number().int().positive().max(50).default(1).describe('How many changes.');

/** Each tool: what the model is told, and the schema its arguments must satisfy. */
export const TOOL_SCHEMAS = {
  lengthen: { description: 'Make a clip longer by an amount.', input: z.object({ clipId, ms }) },
  shorten: { description: 'Make a clip shorter by an amount.', input: z.object({ clipId, ms }) },
  setDuration: { description: 'Set the duration of a clip.', input: z.object({ clipId, ms }) },
  move: {
    description: 'Move a clip to a 1-based position in the resulting timeline.',
    input: z.object({ clipId, toPosition: z.number().int().positive().describe('1 is the first position.') }),
  },
  swap: { description: 'Swap the positions of two clips.', input: z.object({ clipId, otherClipId: clipId }) },
  delete: { description: 'Delete a clip from the timeline.', input: z.object({ clipId }) },
  duplicate: { description: 'Duplicate a clip right after itself.', input: z.object({ clipId }) },
  split: { description: 'Split a clip in two at a time offset within it.', input: z.object({ clipId, atMs: ms }) },
  rename: { description: 'Rename a clip.', input: z.object({ clipId, name: z.string().trim().min(1).max(200) }) },
  fade: {
    description: 'Fade a clip in or out over a duration.',
    input: z.object({ clipId, direction: z.enum(['in', 'out']), ms }),
  },
  setSpeed: {
    description: 'Set the playback speed of a clip (1 is normal).',
    input: z.object({ clipId, factor: z.number().min(0.25).max(4) }),
  },
  setVolume: { description: 'Set the volume of a clip, 0 to 100 percent.', input: z.object({ clipId, percent: z.number().int().min(0).max(100) }) },
  mute: { description: 'Mute a clip.', input: z.object({ clipId }) },
  unmute: { description: 'Unmute a clip.', input: z.object({ clipId }) },
  undo: { description: "Undo this session's most recent changes that are still in effect.", input: z.object({ count }) },
  redo: { description: 'Redo the most recently undone changes of this session.', input: z.object({ count }) },
} as const;

export type ToolName = keyof typeof TOOL_SCHEMAS;

/** A tool call as the model made it: arguments not yet trusted; `error` when they could not even be parsed. */
export interface ToolCallIntent {
  name: string;
  args: unknown;
  error?: string;
}

function isToolName(name: string): name is ToolName {
  return Object.prototype.hasOwnProperty.call(TOOL_SCHEMAS, name);
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('; ');
}

type Validated = { ok: true; name: ToolName; args: Record<string, unknown> } | { ok: false; reason: string };

export function validateToolCall(call: ToolCallIntent): Validated {
  if (!isToolName(call.name)) return { ok: false, reason: `there is no tool called "${call.name}"` };
  if (call.error) return { ok: false, reason: `the arguments of ${call.name} were not valid JSON` };
  const parsed = TOOL_SCHEMAS[call.name].input.safeParse(call.args);
  if (!parsed.success) return { ok: false, reason: `${call.name} got invalid arguments (${describeIssues(parsed.error)})` };
  return { ok: true, name: call.name, args: parsed.data };
}

function specFor(name: Exclude<ToolName, 'undo' | 'redo' | 'swap'>, args: Record<string, unknown>): EditSpec {
  switch (name) {
    case 'lengthen':
    case 'shorten':
    case 'setDuration':
      return { action: name, amountMs: args.ms as number };
    case 'move':
      return { action: 'move', destination: { to: 'position', position: args.toPosition as number } };
    case 'delete':
    case 'duplicate':
    case 'mute':
    case 'unmute':
      return { action: name };
    case 'split':
      return { action: 'split', at: args.atMs as number };
    case 'rename':
      return { action: 'rename', name: args.name as string };
    case 'fade':
      return { action: args.direction === 'in' ? 'fadeIn' : 'fadeOut', amountMs: args.ms as number };
    case 'setSpeed':
      return { action: 'setSpeed', factor: args.factor as number };
    case 'setVolume':
      return { action: 'setVolume', percent: args.percent as number };
  }
}

export interface ToolPlan extends AssistantResult {
  /** What went wrong, one sentence each; when any, `actions` is empty. */
  problems: string[];
}

/**
 * Turns a turn's tool calls into the actions persisting it must do, against `timeline` and the
 * session's edit log, in order (each call sees the timeline the previous ones leave). All or
 * nothing: any invalid or impossible call means no edit, and the reply says which and why.
 */
export function planToolCalls(calls: readonly ToolCallIntent[], timeline: Timeline, context: SessionContext, newClipId: () => string = randomUUID): ToolPlan {
  const actions: AssistantAction[] = [];
  const replies: string[] = [];
  const problems: string[] = [];
  let current: Clip[] = [...timeline];
  for (const call of calls) {
    const valid = validateToolCall(call);
    if (!valid.ok) {
      problems.push(`I couldn't carry out a change: ${valid.reason}.`);
      continue;
    }
    let result: AssistantResult | { refused: string };
    if (valid.name === 'undo' || valid.name === 'redo') {
      const step = valid.name === 'undo' ? undo : redo;
      const answer = step(current, context, valid.args.count as number);
      result = answer.actions.length === 0 ? { refused: answer.reply } : answer;
    } else {
      const ids = valid.name === 'swap' ? [valid.args.clipId, valid.args.otherClipId] : [valid.args.clipId];
      const targets = ids.map((id) => current.find((clip) => clip.id === id));
      const missing = ids.filter((_, index) => !targets[index]);
      if (missing.length > 0) {
        problems.push(`I couldn't ${valid.name}: there is no clip with the id "${String(missing[0])}" in the timeline.`);
        continue;
      }
      const spec: EditSpec = valid.name === 'swap' ? { action: 'swap' } : specFor(valid.name, valid.args);
      const outcome = buildEdit(spec, targets as Clip[], current, newClipId);
      result = outcome.ok ? { reply: outcome.value.reply, actions: [{ type: 'apply', edit: outcome.value.edit }] } : { refused: outcome.reply };
    }
    if ('refused' in result) {
      problems.push(result.refused);
      continue;
    }
    for (const action of result.actions) current = applyAction(current, action, context);
    actions.push(...result.actions);
    replies.push(result.reply);
  }
  if (problems.length > 0) return { reply: `${problems.join(' ')} Nothing was changed.`, actions: [], problems };
  return { reply: replies.join(' '), actions, problems };
}

function applyAction(timeline: Clip[], action: AssistantAction, context: SessionContext): Clip[] {
  if (action.type === 'apply') return applyOperations(timeline, action.edit.operations);
  const stored = context.edits.find((edit) => edit.id === action.editId);
  if (!stored) return timeline;
  return applyOperations(timeline, action.type === 'revert' ? stored.inverse : stored.operations);
}
