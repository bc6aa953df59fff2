/**
 * Turning a parsed command into an edit against the timeline and the session: resolving its clip
 * references, and the follow-ups that replay the latest edit ("the same to X", "more").
 */
import { buildEdit } from './buildEdit';
import { specFromIntent, takesTargets, type Destination, type EditSpec } from './editSpec';
import { adjustedSpec } from './followUps';
import type { Adjustment, ParsedCommand } from './grammar';
import { latestEdit } from './history';
import { refuse, succeed, type EditOutcome, type Outcome } from './outcome';
import { resolveReference, type ChoosingContext, type ClipReference } from './references';
import { settleSpec } from './relativeAmounts';
import type { RequestedSpec } from './requestedSpec';
import { lowerFirst } from './replies';
import type { AssistantResult, Clip, SessionEdit, Timeline } from './types';

/** What one instruction is interpreted against. */
export interface Scene {
  timeline: Timeline;
  context: ChoosingContext;
  newClipId: () => string;
}

const CARD_NOT_RETARGETABLE = 'Adding a card doesn\'t apply to another clip. Say where to add one, e.g. “add a title "Chapter 3" after the interview”.';

export function answer(reply: string): AssistantResult {
  return { reply, actions: [] };
}

export function finish(outcome: EditOutcome): AssistantResult {
  return outcome.ok ? { reply: outcome.value.reply, actions: [{ type: 'apply', edit: outcome.value.edit }] } : answer(outcome.reply);
}

export function resolveTargets(references: readonly ClipReference[], { timeline, context }: Scene): Outcome<Clip[]> {
  const clips: Clip[] = [];
  for (const reference of references) {
    const resolution = resolveReference(reference, timeline, context);
    if (!resolution.ok) return resolution;
    clips.push(...resolution.value);
  }
  return succeed(clips);
}

function resolveDestination(destination: Destination<ClipReference>, { timeline, context }: Scene): Outcome<Destination<string>> {
  if (destination.to === 'start' || destination.to === 'end') return succeed({ to: destination.to });
  if (destination.to === 'position') return succeed(destination);
  const anchor = resolveReference(destination.anchor, timeline, context);
  if (!anchor.ok) return anchor;
  if (anchor.value.length !== 1) return refuse(`Place it ${destination.to} which clip? Name just one.`);
  return succeed({ to: destination.to, anchor: anchor.value[0].id });
}

/** Replaces clip references inside what was asked (a move's or a new card's neighbour) by clip ids. */
function resolveSpec(spec: EditSpec<ClipReference>, scene: Scene): Outcome<EditSpec> {
  if (spec.action !== 'move' && spec.action !== 'addClip') return succeed(spec);
  const destination = resolveDestination(spec.destination, scene);
  return destination.ok ? succeed({ ...spec, destination: destination.value }) : destination;
}

export function performEdit(spec: RequestedSpec, references: readonly ClipReference[], scene: Scene): EditOutcome {
  const settled = settleSpec(spec, references, scene.timeline, scene.context);
  if (!settled.ok) return settled;
  const targets = resolveTargets(settled.value.targets, scene);
  if (!targets.ok) return targets;
  const resolved = resolveSpec(settled.value.spec, scene);
  if (!resolved.ok) return resolved;
  return buildEdit(resolved.value, targets.value, scene.timeline, scene.newClipId);
}

/** The clips an edit acted on that are still in the timeline. */
export function clipsOf(edit: SessionEdit, timeline: Timeline): Clip[] {
  return edit.intent.targetClipIds.map((id) => timeline.find((clip) => clip.id === id)).filter((clip): clip is Clip => clip !== undefined);
}

/** "Do the same thing to X" replays the session's newest edit, even one since undone, on X (or on its own clips). */
export function repeatLatestEdit(target: ClipReference | null, scene: Scene): EditOutcome {
  const { timeline, context, newClipId } = scene;
  const latest = latestEdit(context);
  if (!latest) return refuse("There's nothing in this session to repeat yet.");
  const spec = specFromIntent(latest.intent);
  if (!spec) return refuse(`I can't repeat that change (${lowerFirst(latest.description)}) by myself.`);
  if (!takesTargets(spec)) {
    if (!target) return buildEdit(spec, [], timeline, newClipId);
    return refuse(CARD_NOT_RETARGETABLE);
  }
  if (target) {
    const targets = resolveReference(target, timeline, context);
    return targets.ok ? buildEdit(spec, targets.value, timeline, newClipId) : targets;
  }
  const sameClips = clipsOf(latest, timeline);
  if (sameClips.length === 0) return refuse('The clips that change acted on are no longer in the timeline.');
  return buildEdit(spec, sameClips, timeline, newClipId);
}

/** "more", "a little less", "even shorter": the latest edit again on the same clips, scaled or turned around. */
export function adjustLatestEdit(how: Adjustment, scene: Scene): EditOutcome {
  const latest = latestEdit(scene.context);
  if (!latest) return refuse("There's no change in this session to do more or less of yet. Tell me what to change.");
  const description = lowerFirst(latest.description);
  if (latest.revertedAt !== null) return refuse(`The last change (${description}) was undone. Tell me what to change.`);
  const spec = specFromIntent(latest.intent);
  const adjusted = spec && adjustedSpec(how, spec, latest);
  if (!adjusted) return refuse(`I can't do more or less of the last change (${description}). Tell me what to change.`);
  const clips = clipsOf(latest, scene.timeline);
  if (clips.length === 0) return refuse('The clips that change acted on are no longer in the timeline.');
  return buildEdit(adjusted, clips, scene.timeline, scene.newClipId);
}

/** The edit a command makes, or null for commands that make none (questions, undo…). */
export function editFor(command: ParsedCommand, scene: Scene): EditOutcome | null {
  switch (command.type) {
    case 'edit':
      return performEdit(command.spec, command.targets, scene);
    case 'repeat':
      return repeatLatestEdit(command.target, scene);
    case 'adjust':
      return adjustLatestEdit(command.how, scene);
    default:
      return null;
  }
}
