import { alreadyReply } from './editReplies';
import { toIntent, type EditSpec } from './editSpec';
import { refuse, succeed, type EditOutcome } from './outcome';
import { describeClips, formatPercent, quote } from './replies';
import { TimelineDraft } from './timelineDraft';
import type { Clip, Timeline } from './types';

export function buildRenameEdit(spec: Extract<EditSpec, { action: 'rename' }>, clip: Clip, timeline: Timeline): EditOutcome {
  const name = spec.name.trim();
  if (!name) return refuse('What should the new name be? For example: rename it to "Opening".');
  if (name === clip.name) return refuse(`${quote(clip.name)} is already called that.`);
  const draft = new TimelineDraft(timeline);
  draft.update(clip.id, { name });
  const description = `Renamed ${quote(clip.name)} to ${quote(name)}`;
  return succeed({ edit: draft.toEdit(description, toIntent(spec, [clip.id])), reply: `${description}.` });
}

export function buildVolumeEdit(spec: Extract<EditSpec, { action: 'setVolume' }>, targets: readonly Clip[], timeline: Timeline): EditOutcome {
  const volume = formatPercent(spec.percent);
  if (spec.percent < 0 || spec.percent > 100) return refuse('Volume has to be between 0% and 100%.');
  const changing = targets.filter((clip) => clip.volume !== spec.percent);
  if (changing.length === 0) return alreadyReply(targets, `is already at ${volume}`, `are already at ${volume}`);

  const draft = new TimelineDraft(timeline);
  for (const clip of changing) draft.update(clip.id, { volume: spec.percent });
  const description = `Set the volume of ${describeClips(changing)} to ${volume}`;
  const previous = changing.length === 1 ? ` (was ${formatPercent(changing[0].volume)})` : '';
  const stillMuted = changing.filter((clip) => clip.muted);
  const verb = stillMuted.length === 1 ? 'is' : 'are';
  const mutedNote = stillMuted.length === 0 ? '' : ` ${describeClips(stillMuted)} ${verb} still muted.`;
  return succeed({
    edit: draft.toEdit(
      description,
      toIntent(
        spec,
        targets.map((clip) => clip.id),
      ),
    ),
    reply: `${description}${previous}.${mutedNote}`,
  });
}

export function buildMuteEdit(spec: Extract<EditSpec, { action: 'mute' | 'unmute' }>, targets: readonly Clip[], timeline: Timeline): EditOutcome {
  const muted = spec.action === 'mute';
  const changing = targets.filter((clip) => clip.muted !== muted);
  if (changing.length === 0) {
    return muted ? alreadyReply(targets, 'is already muted', 'are already muted') : alreadyReply(targets, "isn't muted", "aren't muted");
  }
  const draft = new TimelineDraft(timeline);
  for (const clip of changing) draft.update(clip.id, { muted });
  const description = `${muted ? 'Muted' : 'Unmuted'} ${describeClips(changing)}`;
  return succeed({
    edit: draft.toEdit(
      description,
      toIntent(
        spec,
        targets.map((clip) => clip.id),
      ),
    ),
    reply: `${description}.`,
  });
}
