import { MAX_SPEED, MIN_CLIP_DURATION_MS, MIN_SPEED } from './defaults';
import { alreadyReply, describeChanges } from './editReplies';
import { toIntent, type EditSpec } from './editSpec';
import { refuse, succeed, type EditOutcome } from './outcome';
import { describeClips, formatPercent, formatSeconds, formatSpeed, quote } from './replies';
import { TimelineDraft } from './timelineDraft';
import type { Clip, ClipAttributes, Timeline } from './types';

type DurationSpec = Extract<EditSpec, { action: 'lengthen' | 'shorten' | 'setDuration' }>;
type SpeedSpec = Extract<EditSpec, { action: 'speedUp' | 'slowDown' | 'setSpeed' }>;
type FadeSpec = Extract<EditSpec, { action: 'fadeIn' | 'fadeOut' }>;
type PerClip<T> = (clip: Clip) => T;

const MINIMUM = formatSeconds(MIN_CLIP_DURATION_MS);

/** Gives each clip its new duration, trimming fades that would no longer fit, and says so. */
function resize(
  clips: readonly Clip[],
  timeline: Timeline,
  durationOf: PerClip<number>,
  alsoSet: PerClip<Partial<ClipAttributes>> = () => ({}),
): { draft: TimelineDraft; details: string } {
  const draft = new TimelineDraft(timeline);
  const notes: string[] = [];
  for (const clip of clips) {
    const durationMs = durationOf(clip);
    const fadeInMs = Math.min(clip.fadeInMs, durationMs);
    const fadeOutMs = Math.min(clip.fadeOutMs, durationMs);
    draft.update(clip.id, { durationMs, fadeInMs, fadeOutMs, ...alsoSet(clip) });
    const trimmed = [fadeInMs < clip.fadeInMs ? 'fade-in' : '', fadeOutMs < clip.fadeOutMs ? 'fade-out' : ''];
    for (const label of trimmed.filter(Boolean)) {
      notes.push(` The ${label} of ${quote(clip.name)} now lasts the whole ${formatSeconds(durationMs)}.`);
    }
  }
  const changes = clips.map((clip) => ({
    clip,
    from: formatSeconds(clip.durationMs),
    to: formatSeconds(durationOf(clip)),
  }));
  return { draft, details: `${describeChanges(changes)}.${notes.join('')}` };
}

function refuseTooShort(attempt: string, reasons: readonly string[]): EditOutcome {
  return refuse(`I can't ${attempt}: ${reasons.join(', ')}, and clips can't be shorter than ${MINIMUM}.`);
}

export function buildDurationEdit(spec: DurationSpec, targets: readonly Clip[], timeline: Timeline): EditOutcome {
  const percent = spec.action === 'setDuration' ? undefined : spec.percent;
  if (percent === undefined && spec.amountMs <= 0) {
    return refuse("That wouldn't change anything: the amount has to be more than 0 s.");
  }
  if (percent !== undefined && spec.action === 'shorten' && percent >= 100) {
    return refuse(`I can't make a clip ${formatPercent(percent)} shorter: that leaves nothing of it.`);
  }
  const amount = percent === undefined ? formatSeconds(spec.amountMs) : formatPercent(percent);
  const clips = describeClips(targets);
  const changeOf: PerClip<number> = (clip) => (percent === undefined ? spec.amountMs : Math.round((clip.durationMs * percent) / 100));
  const durationOf: PerClip<number> = (clip) => {
    if (spec.action === 'lengthen') return clip.durationMs + changeOf(clip);
    if (spec.action === 'shorten') return clip.durationMs - changeOf(clip);
    return spec.amountMs;
  };
  const comparison = spec.action === 'lengthen' ? 'longer' : 'shorter';
  const tooShort = targets.filter((clip) => durationOf(clip) < MIN_CLIP_DURATION_MS);
  if (tooShort.length > 0 && spec.action === 'setDuration') {
    return refuse(`I can't set ${clips} to ${amount}: clips can't be shorter than ${MINIMUM}.`);
  }
  if (tooShort.length > 0) {
    const subject = (clip: Clip): string => (targets.length === 1 ? 'it' : quote(clip.name));
    const reasons = tooShort.map((clip) => `${subject(clip)} is only ${formatSeconds(clip.durationMs)} long`);
    return refuseTooShort(`make ${clips} ${amount} ${comparison}`, reasons);
  }
  const changing = targets.filter((clip) => durationOf(clip) !== clip.durationMs);
  if (changing.length === 0) return alreadyReply(targets, `is already ${amount}`, `are already ${amount}`);

  const { draft, details } = resize(changing, timeline, durationOf);
  // Only clips that really change are named: "set both scenes to 9 s" when one already is names the other.
  const changed = describeClips(changing);
  const twice = percent === 100 && spec.action === 'lengthen';
  const half = percent === 50 && spec.action === 'shorten';
  const description =
    spec.action === 'setDuration'
      ? `Set ${changed} to ${amount}`
      : twice || half
        ? `Made ${changed} ${twice ? 'twice' : 'half'} as long`
        : `Made ${changed} ${amount} ${comparison}`;
  return succeed({
    edit: draft.toEdit(
      description,
      toIntent(
        spec,
        targets.map((clip) => clip.id),
      ),
    ),
    reply: `${description}${details}`,
  });
}

function speedDescription(spec: SpeedSpec, clips: readonly Clip[], speedOf: PerClip<number>): string {
  const speeds = new Set(clips.map(speedOf));
  const result = speeds.size === 1 ? `to ${formatSpeed(speedOf(clips[0]))}` : `by ${formatSpeed(spec.factor)}`;
  switch (spec.action) {
    case 'speedUp':
      return `Sped up ${describeClips(clips)} ${result}`;
    case 'slowDown':
      return `Slowed down ${describeClips(clips)} ${result}`;
    case 'setSpeed':
      return `Set ${describeClips(clips)} to ${formatSpeed(spec.factor)} speed`;
  }
}

/** Speed rescales the duration, as in any editor: the same footage plays in less (or more) time. */
export function buildSpeedEdit(spec: SpeedSpec, targets: readonly Clip[], timeline: Timeline): EditOutcome {
  if (spec.factor <= 0) return refuse('The speed has to be more than 0x.');
  // Rounded so repeated changes never drift into float noise like 0.30000000000000004x.
  const speedOf: PerClip<number> = (clip) => Math.round((spec.action === 'setSpeed' ? spec.factor : clip.speed * spec.factor) * 1000) / 1000;
  const outOfRange = targets.filter((clip) => speedOf(clip) < MIN_SPEED || speedOf(clip) > MAX_SPEED);
  if (outOfRange.length > 0) {
    const results = outOfRange.map((clip) => `${quote(clip.name)} would play at ${formatSpeed(speedOf(clip))}`);
    const range = `between ${formatSpeed(MIN_SPEED)} and ${formatSpeed(MAX_SPEED)}`;
    return refuse(`I can't do that: ${results.join(', ')}, and speed has to stay ${range}.`);
  }
  const changing = targets.filter((clip) => speedOf(clip) !== clip.speed);
  if (changing.length === 0) {
    return alreadyReply(targets, `already plays at ${formatSpeed(targets[0].speed)}`, 'already play at that speed');
  }
  const durationOf: PerClip<number> = (clip) => Math.round((clip.durationMs * clip.speed) / speedOf(clip));
  const tooShort = changing.filter((clip) => durationOf(clip) < MIN_CLIP_DURATION_MS);
  if (tooShort.length > 0) {
    const reasons = tooShort.map((clip) => `${quote(clip.name)} would last only ${formatSeconds(durationOf(clip))}`);
    return refuseTooShort(`play ${describeClips(tooShort)} at ${formatSpeed(speedOf(tooShort[0]))}`, reasons);
  }

  const { draft, details } = resize(changing, timeline, durationOf, (clip) => ({ speed: speedOf(clip) }));
  const description = speedDescription(spec, changing, speedOf);
  return succeed({
    edit: draft.toEdit(
      description,
      toIntent(
        spec,
        targets.map((clip) => clip.id),
      ),
    ),
    reply: `${description}${details}`,
  });
}

export function buildFadeEdit(spec: FadeSpec, targets: readonly Clip[], timeline: Timeline): EditOutcome {
  const field = spec.action === 'fadeIn' ? 'fadeInMs' : 'fadeOutMs';
  const label = spec.action === 'fadeIn' ? 'fade-in' : 'fade-out';
  const amount = formatSeconds(spec.amountMs);
  if (spec.amountMs < 0) return refuse(`A ${label} can't be negative.`);
  const tooShort = targets.filter((clip) => spec.amountMs > clip.durationMs);
  if (tooShort.length > 0) {
    const lengths = tooShort.map((clip) => `${quote(clip.name)} is only ${formatSeconds(clip.durationMs)} long`);
    return refuse(`A ${amount} ${label} won't fit: ${lengths.join(', ')}.`);
  }
  const changing = targets.filter((clip) => clip[field] !== spec.amountMs);
  if (changing.length === 0) {
    return spec.amountMs === 0
      ? alreadyReply(targets, `has no ${label}`, `have no ${label}`)
      : alreadyReply(targets, `already has a ${amount} ${label}`, `already have a ${amount} ${label}`);
  }

  const draft = new TimelineDraft(timeline);
  for (const clip of changing) draft.update(clip.id, { [field]: spec.amountMs });
  const description = spec.amountMs === 0 ? `Removed the ${label} from ${describeClips(changing)}` : `Added a ${amount} ${label} to ${describeClips(changing)}`;
  const replaced = changing.length === 1 && spec.amountMs > 0 ? changing[0][field] : 0;
  const note = replaced > 0 ? ` (replacing a ${formatSeconds(replaced)} ${label})` : '';
  return succeed({
    edit: draft.toEdit(
      description,
      toIntent(
        spec,
        targets.map((clip) => clip.id),
      ),
    ),
    reply: `${description}${note}.`,
  });
}
