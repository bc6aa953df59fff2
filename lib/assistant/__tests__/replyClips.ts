import { NAMED_CLIPS_LIMIT } from '../replies';
import type { AssistantResult, Clip, Operation, SessionEdit, Timeline } from '../types';

/**
 * Clip names a reply presents as changed. Names after "after"/"before" are places (a move's or
 * a new card's neighbour), and the originals in "Duplicated X as Y" are copied, not changed.
 */
export function namesPresentedAsChanged(reply: string): Set<string> {
  const withoutPlaces = reply.replace(/\b(?:after|before) “[^”]*”/g, '').replace(/duplicated (?:“[^”]*”(?:, | and )?)+(?: as )?/gi, '');
  return new Set([...withoutPlaces.matchAll(/“([^”]*)”/g)].map((match) => match[1]));
}

function touched(op: Operation): string {
  return op.type === 'insert' || op.type === 'remove' ? op.clip.id : op.clipId;
}

/** Every operation the result's actions perform, reading reverted and re-applied edits from the session. */
export function operationsOf(result: AssistantResult, edits: readonly SessionEdit[]): Operation[] {
  return result.actions.flatMap((action) => {
    if (action.type === 'apply') return action.edit.operations;
    const stored = edits.find((edit) => edit.id === action.editId);
    if (!stored) throw new Error(`No edit ${action.editId}`);
    return action.type === 'revert' ? stored.inverse : stored.operations;
  });
}

/**
 * Where a reply and its edits disagree: clips it names as changed that no operation touched,
 * and clips operations changed that it does not name. Both are empty for an honest reply.
 */
export function replyMismatch(
  result: AssistantResult,
  edits: readonly SessionEdit[],
  before: Timeline,
  after: Timeline,
): { namedButUnchanged: string[]; changedButUnnamed: string[] } {
  const ids = new Set(operationsOf(result, edits).map(touched));

  const clips: Clip[] = [...before, ...after];
  for (const op of operationsOf(result, edits)) {
    if (op.type === 'insert' || op.type === 'remove') clips.push(op.clip);
    if (op.type === 'update') {
      for (const name of [op.before.name, op.after.name]) {
        if (name !== undefined) clips.push({ ...(clips.find((clip) => clip.id === op.clipId) ?? before[0]), id: op.clipId, name });
      }
    }
  }
  const namesOf = (id: string): string[] => clips.filter((clip) => clip.id === id).map((clip) => clip.name);
  const changedNames = new Set([...ids].flatMap(namesOf));
  const named = namesPresentedAsChanged(result.reply);
  // A clip renamed by the edit is one clip under two names; either name counts for it.
  const unnamed = [...ids].filter((id) => !namesOf(id).some((name) => named.has(name))).flatMap(namesOf);
  const unchangedButNamed = [...named].filter((name) => !changedNames.has(name));
  // Past the limit a group is counted ("Muted 16 clips") rather than named; the counts must cover the clips not named.
  const counted = [...result.reply.matchAll(/\b(\d+) clips\b/g)]
    .map((match) => Number(match[1]))
    .filter((count) => count > NAMED_CLIPS_LIMIT)
    .reduce((sum, count) => sum + count, 0);
  if (counted > 0 && counted >= new Set(unnamed).size) return { namedButUnchanged: unchangedButNamed.sort(), changedButUnnamed: [] };
  return { namedButUnchanged: unchangedButNamed.sort(), changedButUnnamed: [...new Set(unnamed)].sort() };
}
