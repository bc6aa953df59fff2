import { buildAddClipEdit, buildDeleteEdit, buildDuplicateEdit, buildMoveEdit, buildSplitEdit, buildSwapEdit } from './arrangementEdits';
import { buildMuteEdit, buildRenameEdit, buildVolumeEdit } from './attributeEdits';
import type { EditSpec } from './editSpec';
import { refuse, type EditOutcome } from './outcome';
import { buildDurationEdit, buildFadeEdit, buildSpeedEdit } from './timingEdits';
import type { Clip, Timeline } from './types';

/** Turns what was asked, and the clips it was asked of, into one edit (or a reply saying why not). */
export function buildEdit(spec: EditSpec, targets: readonly Clip[], timeline: Timeline, newClipId: () => string): EditOutcome {
  if (spec.action === 'move' || spec.action === 'split' || spec.action === 'rename') {
    const [clip] = targets;
    if (targets.length !== 1) return refuse(`I can only ${spec.action} one clip at a time.`);
    if (spec.action === 'move') return buildMoveEdit(spec, clip, timeline);
    if (spec.action === 'split') return buildSplitEdit(spec, clip, timeline, newClipId);
    return buildRenameEdit(spec, clip, timeline);
  }
  switch (spec.action) {
    case 'lengthen':
    case 'shorten':
    case 'setDuration':
      return buildDurationEdit(spec, targets, timeline);
    case 'speedUp':
    case 'slowDown':
    case 'setSpeed':
      return buildSpeedEdit(spec, targets, timeline);
    case 'fadeIn':
    case 'fadeOut':
      return buildFadeEdit(spec, targets, timeline);
    case 'setVolume':
      return buildVolumeEdit(spec, targets, timeline);
    case 'mute':
    case 'unmute':
      return buildMuteEdit(spec, targets, timeline);
    case 'delete':
      return buildDeleteEdit(spec, targets, timeline);
    case 'duplicate':
      return buildDuplicateEdit(spec, targets, timeline, newClipId);
    case 'swap':
      return buildSwapEdit(spec, targets, timeline);
    case 'addClip':
      return buildAddClipEdit(spec, timeline, newClipId);
  }
}
