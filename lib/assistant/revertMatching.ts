/** Undoing one edit by what it did or where: "undo the fade", "restore the outro". */
import { answer, type Scene } from './editing';
import type { EditMatch } from './grammar';
import { undoableEdits } from './history';
import { resolveReference } from './references';
import { describeClips } from './replies';
import type { AssistantResult, EditIntent, NewEdit } from './types';
import { undoEdits } from './undoRedo';

/** Every clip an operation touches, by id. */
function touchedClipIds(edit: NewEdit): Set<string> {
  return new Set(edit.operations.map((op) => (op.type === 'insert' || op.type === 'remove' ? op.clip.id : op.clipId)));
}

function stepActions(intent: EditIntent): string[] {
  const steps = intent.params?.steps;
  return Array.isArray(steps) ? steps.map((step: EditIntent) => step.action) : [intent.action];
}

export function revertMatching(match: EditMatch, scene: Scene): AssistantResult {
  const { timeline, context } = scene;
  const candidates = undoableEdits(context);
  if (match.by === 'action') {
    const found = candidates.find((edit) => stepActions(edit.intent).some((action) => match.actions.includes(action)));
    return found ? undoEdits(timeline, [found]) : answer(`Nothing in this session made a ${match.label} that is still in effect.`);
  }
  // Deleted clips can be restored too, so they count as clips here.
  const removed = candidates.flatMap((edit) => edit.operations.flatMap((op) => (op.type === 'remove' ? [op.clip] : [])));
  const known = [...timeline, ...removed.filter((clip) => !timeline.some((present) => present.id === clip.id))];
  const clips = resolveReference(match.target, known, context);
  if (!clips.ok) return answer(clips.reply);
  const ids = clips.value.map((clip) => clip.id);
  const { actions } = match;
  const found = candidates.find((edit) => {
    const touched = touchedClipIds(edit);
    const ofKind = !actions || stepActions(edit.intent).some((action) => actions.includes(action));
    return ofKind && ids.some((id) => touched.has(id));
  });
  if (found) return undoEdits(timeline, [found]);
  const names = describeClips(clips.value);
  return answer(
    match.label
      ? `Nothing in this session that is still in effect is a ${match.label} of ${names}.`
      : `This session hasn't changed ${names}, so there is nothing to restore.`,
  );
}
