import { buildEdit } from './buildEdit';
import { specFromIntent, takesTargets, type Destination, type EditSpec } from './editSpec';
import { latestEdit } from './history';
import { normalizeInstruction } from './normalize';
import { refuse, succeed, type EditOutcome, type Outcome } from './outcome';
import { parseCommand } from './parseCommand';
import { resolveReference, type ClipReference } from './references';
import { CAPABILITIES, DID_NOT_UNDERSTAND, lowerFirst } from './replies';
import type { Assistant, AssistantInput, AssistantResult, Clip, SessionContext, Timeline } from './types';
import { redo, undo } from './undoRedo';

export interface InterpretOptions {
  /** Ids for clips an edit creates (duplicates, split parts, titles); injectable so tests are deterministic. */
  newClipId?: () => string;
}

const CARD_NOT_RETARGETABLE =
  'Adding a card doesn\'t apply to another clip. Say where to add one, e.g. “add a title "Chapter 3" after the interview”.';

function answer(reply: string): AssistantResult {
  return { reply, actions: [] };
}

function finish(outcome: EditOutcome): AssistantResult {
  return outcome.ok
    ? { reply: outcome.value.reply, actions: [{ type: 'apply', edit: outcome.value.edit }] }
    : answer(outcome.reply);
}

function resolveTargets(
  references: readonly ClipReference[],
  timeline: Timeline,
  context: SessionContext,
): Outcome<Clip[]> {
  const clips: Clip[] = [];
  for (const reference of references) {
    const resolution = resolveReference(reference, timeline, context);
    if (!resolution.ok) return resolution;
    clips.push(...resolution.value);
  }
  return succeed(clips);
}

function resolveDestination(
  destination: Destination<ClipReference>,
  timeline: Timeline,
  context: SessionContext,
): Outcome<Destination<string>> {
  if (destination.to === 'start' || destination.to === 'end') return succeed({ to: destination.to });
  if (destination.to === 'position') return succeed(destination);
  const anchor = resolveReference(destination.anchor, timeline, context);
  if (!anchor.ok) return anchor;
  if (anchor.value.length !== 1) return refuse(`Place it ${destination.to} which clip? Name just one.`);
  return succeed({ to: destination.to, anchor: anchor.value[0].id });
}

/** Replaces clip references inside what was asked (a move's or a new card's neighbour) by clip ids. */
function resolveSpec(spec: EditSpec<ClipReference>, timeline: Timeline, context: SessionContext): Outcome<EditSpec> {
  if (spec.action !== 'move' && spec.action !== 'addClip') return succeed(spec);
  const destination = resolveDestination(spec.destination, timeline, context);
  return destination.ok ? succeed({ ...spec, destination: destination.value }) : destination;
}

function performEdit(
  spec: EditSpec<ClipReference>,
  references: readonly ClipReference[],
  { timeline, context }: AssistantInput,
  newClipId: () => string,
): AssistantResult {
  const targets = resolveTargets(references, timeline, context);
  if (!targets.ok) return answer(targets.reply);
  const resolved = resolveSpec(spec, timeline, context);
  if (!resolved.ok) return answer(resolved.reply);
  return finish(buildEdit(resolved.value, targets.value, timeline, newClipId));
}

/** "Do the same thing to X" replays the session's newest edit, even one since undone, on X (or on its own clips). */
function repeatLatestEdit(
  target: ClipReference | null,
  { timeline, context }: AssistantInput,
  newClipId: () => string,
): AssistantResult {
  const latest = latestEdit(context);
  if (!latest) return answer("There's nothing in this session to repeat yet.");
  const spec = specFromIntent(latest.intent);
  if (!spec) return answer(`I can't repeat that change (${lowerFirst(latest.description)}) by myself.`);
  if (!takesTargets(spec)) {
    if (!target) return finish(buildEdit(spec, [], timeline, newClipId));
    return answer(CARD_NOT_RETARGETABLE);
  }
  if (target) {
    const targets = resolveReference(target, timeline, context);
    return targets.ok ? finish(buildEdit(spec, targets.value, timeline, newClipId)) : answer(targets.reply);
  }
  const sameClips = latest.intent.targetClipIds
    .map((id) => timeline.find((clip) => clip.id === id))
    .filter((clip): clip is Clip => clip !== undefined);
  if (sameClips.length === 0) return answer('The clips that change acted on are no longer in the timeline.');
  return finish(buildEdit(spec, sameClips, timeline, newClipId));
}

/** The deterministic default assistant: maps an instruction to a reply and edits, without I/O. */
export function interpret(input: AssistantInput, options: InterpretOptions = {}): AssistantResult {
  const newClipId = options.newClipId ?? (() => globalThis.crypto.randomUUID());
  const instruction = normalizeInstruction(input.instruction);
  if (instruction.text === '') {
    const thanked = /\b(?:thanks|thank you|thx)\b/i.test(input.instruction);
    return answer(thanked ? "You're welcome!" : `Tell me what to change. ${CAPABILITIES}`);
  }
  const command = parseCommand(instruction);
  if (!command) return answer(DID_NOT_UNDERSTAND);
  switch (command.type) {
    case 'help':
      return answer(CAPABILITIES);
    case 'clarify':
      return answer(command.reply);
    case 'undo':
      return undo(input.timeline, input.context, command.count);
    case 'redo':
      return redo(input.timeline, input.context, command.count);
    case 'repeat':
      return repeatLatestEdit(command.target, input, newClipId);
    case 'edit':
      return performEdit(command.spec, command.targets, input, newClipId);
  }
}

export function createInterpreterAssistant(options: InterpretOptions = {}): Assistant {
  return {
    name: 'interpreter',
    respond: async (input) => interpret(input, options),
  };
}
