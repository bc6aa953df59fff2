/**
 * Corrections: "actually make it 6 seconds", "no, I meant the second clip", "not that one, the
 * other scene", "make that 3 seconds instead" undo the latest edit and make the corrected one,
 * in one instruction.
 */
import { buildEdit } from './buildEdit';
import { answer, clipsOf, performEdit, resolveTargets, type Scene } from './editing';
import { specFromIntent, takesTargets } from './editSpec';
import { correctedValue, correctionBody } from './followUps';
import { latestEdit } from './history';
import { sameTimeline } from '@/lib/checkpoints';
import { applyOperations, TimelineConflictError } from '@/lib/timeline/operations';
import { refuse, succeed, type EditOutcome, type Outcome } from './outcome';
import { parseCommand } from './parseCommand';
import { parseReference, resolveReference, WHICH_CLIP } from './references';
import { lowerFirst, quote } from './replies';
import type { AssistantResult, Clip, SessionEdit, Timeline } from './types';
import { describeArrangementChanges } from './undoRedo';

function sameFamily(a: string, b: string): boolean {
  const families = [
    ['lengthen', 'shorten', 'setDuration', 'matchLength'],
    ['speedUp', 'slowDown', 'setSpeed'],
    ['fadeIn', 'fadeOut'],
    ['setVolume', 'mute', 'unmute'],
  ];
  return a === b || families.some((family) => family.includes(a) && family.includes(b));
}

/** Undoes the latest edit and makes another instead, in one instruction (one visible step). */
function replaceLatest(latest: SessionEdit, scene: Scene, build: (reverted: Scene) => EditOutcome): AssistantResult {
  let reverted: Timeline;
  try {
    reverted = applyOperations(scene.timeline, latest.inverse);
  } catch (error) {
    if (!(error instanceof TimelineConflictError)) throw error;
    return answer(`I can't replace the last change (${lowerFirst(latest.description)}): ${lowerFirst(error.message)} Nothing was changed.`);
  }
  const outcome = build({ ...scene, timeline: reverted });
  if (!outcome.ok) return answer(outcome.reply);
  // "make the intro longer, not shorter" after making it longer: the correction is what was done.
  if (sameTimeline(applyOperations(reverted, outcome.value.edit.operations), scene.timeline)) {
    return answer(`That is what I did: ${lowerFirst(latest.description)}. Nothing was changed.`);
  }
  const arrangement = describeArrangementChanges('undo', latest.inverse, scene.timeline, reverted);
  return {
    reply: `Undid: ${lowerFirst(latest.description)}.${arrangement} Instead, ${lowerFirst(outcome.value.reply)}`,
    actions: [
      { type: 'revert', editId: latest.id },
      { type: 'apply', edit: outcome.value.edit },
    ],
  };
}

/** The same clips as they are in another version of the timeline. */
function sameIn(clips: readonly Clip[], timeline: Timeline): Clip[] {
  return clips.map((clip) => timeline.find((candidate) => candidate.id === clip.id)).filter((clip): clip is Clip => clip !== undefined);
}

/** "the other scene", "the other one": the clips like the latest target, except it. */
function otherTarget(text: string, latest: SessionEdit, scene: Scene): Outcome<Clip[]> | null {
  const match = /^(?:the )?other(?: (?<noun>.+))?$/i.exec(text);
  if (!match) return null;
  const previous = clipsOf(latest, scene.timeline);
  const noun = match.groups?.noun && !/^(?:one|clip)$/.test(match.groups.noun) ? match.groups.noun : undefined;
  const reference = noun ? parseReference(`every ${noun}`, []) : null;
  let pool: Clip[];
  if (reference) {
    const resolved = resolveReference(reference, scene.timeline, scene.context);
    if (!resolved.ok) return resolved;
    pool = resolved.value;
  } else {
    pool = scene.timeline.filter((clip) => previous.some((earlier) => earlier.kind === clip.kind));
  }
  const others = pool.filter((clip) => !previous.some((earlier) => earlier.id === clip.id));
  if (others.length === 1) return succeed(others);
  const chosen = others.length > 1 ? scene.context.choose?.(others) : null;
  if (chosen) return succeed(chosen);
  if (others.length === 0) return refuse(`There is no other ${noun ?? 'clip like that'}.`);
  return refuse(`${WHICH_CLIP} There are ${others.length} others: ${others.map((clip) => quote(clip.name)).join(', ')}.`);
}

export function correct(strength: 'strong' | 'weak', text: string, quotes: readonly string[], scene: Scene): AssistantResult | null {
  const latest = latestEdit(scene.context);
  if (!latest || latest.revertedAt !== null) return null;
  const spec = specFromIntent(latest.intent);
  const body = correctionBody(text);
  if (body === '') {
    return strength === 'strong'
      ? answer(`Which clip did you mean instead? For example: “no, I meant the second clip”. The last change was: ${lowerFirst(latest.description)}.`)
      : null;
  }
  const value = spec && correctedValue(spec, body);
  if (spec && value) {
    return replaceLatest(latest, scene, (reverted) => buildEdit(value, clipsOf(latest, reverted.timeline), reverted.timeline, reverted.newClipId));
  }
  const other = otherTarget(body, latest, scene);
  if (other) {
    if (!other.ok) return answer(other.reply);
    if (!spec) return null;
    return replaceLatest(latest, scene, (reverted) => buildEdit(spec, sameIn(other.value, reverted.timeline), reverted.timeline, reverted.newClipId));
  }
  const command = parseCommand({ text: body, quotes });
  if (command?.type === 'reference' && spec && takesTargets(spec)) {
    const targets = resolveReference(command.target, scene.timeline, scene.context);
    if (!targets.ok) return answer(targets.reply);
    const same = latest.intent.targetClipIds;
    if (targets.value.length === same.length && targets.value.every((clip) => same.includes(clip.id))) {
      return answer(`That is the clip I changed: ${lowerFirst(latest.description)}. Which clip did you mean instead?`);
    }
    return replaceLatest(latest, scene, (reverted) => buildEdit(spec, sameIn(targets.value, reverted.timeline), reverted.timeline, reverted.newClipId));
  }
  if (command?.type !== 'edit') return null;
  if (strength === 'weak') {
    // "Actually, …" replaces the last change only when it is about the same thing; otherwise it is a new request.
    const targets = resolveTargets(command.targets, scene);
    const overlaps = targets.ok && targets.value.some((clip) => latest.intent.targetClipIds.includes(clip.id));
    if (!overlaps || !sameFamily(command.spec.action, latest.intent.action)) return null;
  }
  return replaceLatest(latest, scene, (reverted) => performEdit(command.spec, command.targets, reverted));
}
