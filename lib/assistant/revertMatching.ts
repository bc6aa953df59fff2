/** Undoing edits by what they did or where: "undo the fade", "restore the outro", "undo the very first change", "undo all but the volume change". */
import { answer, type Scene } from './editing';
import type { EditMatch } from './grammar';
import { undoableEdits } from './history';
import { succeed, type Outcome } from './outcome';
import { resolveReference } from './references';
import { describeClips } from './replies';
import type { AssistantResult, EditIntent, NewEdit, SessionEdit } from './types';
import { undoEdits } from './undoRedo';

/** Every clip an operation touches, by id. */
function touchedClipIds(edit: NewEdit): Set<string> {
  return new Set(edit.operations.map((op) => (op.type === 'insert' || op.type === 'remove' ? op.clip.id : op.clipId)));
}

function stepActions(intent: EditIntent): string[] {
  const steps = intent.params?.steps;
  return Array.isArray(steps) ? steps.map((step: EditIntent) => step.action) : [intent.action];
}

type Described = Exclude<EditMatch, { by: 'first' } | { by: 'allBut' }>;
/** Which edits a description names, and why none may: in the user's terms. */
type Matches = { matches: (edit: SessionEdit) => boolean; none: string };

/** Which edits still in effect a description names, or why it names no clip. */
function matcher(match: Described, scene: Scene, candidates: readonly SessionEdit[]): Outcome<Matches> {
  if (match.by === 'action') {
    return succeed({
      matches: (edit) => stepActions(edit.intent).some((action) => match.actions.includes(action)),
      none: `Nothing in this session made a ${match.label} that is still in effect.`,
    });
  }
  // Deleted clips can be restored too, so they count as clips here.
  const removed = candidates.flatMap((edit) => edit.operations.flatMap((op) => (op.type === 'remove' ? [op.clip] : [])));
  const known = [...scene.timeline, ...removed.filter((clip) => !scene.timeline.some((present) => present.id === clip.id))];
  const clips = resolveReference(match.target, known, scene.context);
  if (!clips.ok) return clips;
  const ids = clips.value.map((clip) => clip.id);
  const { actions } = match;
  const names = describeClips(clips.value);
  return succeed({
    matches: (edit) => {
      const touched = touchedClipIds(edit);
      return (!actions || stepActions(edit.intent).some((action) => actions.includes(action))) && ids.some((id) => touched.has(id));
    },
    none: match.label
      ? `Nothing in this session that is still in effect is a ${match.label} of ${names}.`
      : `This session hasn't changed ${names}, so there is nothing to restore.`,
  });
}

export function revertMatching(match: EditMatch, scene: Scene): AssistantResult {
  const candidates = undoableEdits(scene.context);
  if ((match.by === 'first' || match.by === 'allBut') && candidates.length === 0) return answer("There's nothing in this session to undo.");
  if (match.by === 'first') return undoEdits(scene.timeline, candidates.slice(-1));
  if (match.by === 'allBut') {
    const kept = matcher(match.except, scene, candidates);
    if (!kept.ok) return answer(kept.reply);
    const others = candidates.filter((edit) => !kept.value.matches(edit));
    if (others.length === candidates.length) return answer(kept.value.none);
    return others.length > 0
      ? undoEdits(scene.timeline, others)
      : answer('Every change still in effect is one you asked to keep, so there is nothing else to undo.');
  }
  const matches = matcher(match, scene, candidates);
  if (!matches.ok) return answer(matches.reply);
  const found = candidates.filter(matches.value.matches);
  if (found.length === 0) return answer(matches.value.none);
  // The newest matching edit, or with "how it was at the start" every one of them, as one step.
  return undoEdits(scene.timeline, match.by === 'clip' && match.all ? found : found.slice(0, 1));
}
