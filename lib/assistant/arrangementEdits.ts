import { MIN_CLIP_DURATION_MS } from './defaults';
import { toIntent, type CardKind, type Destination, type EditSpec } from './editSpec';
import { refuse, succeed, type EditOutcome, type Outcome } from './outcome';
import { describeClips, formatSeconds, quote } from './replies';
import { TimelineDraft } from './timelineDraft';
import type { Clip, Timeline } from './types';
import { newClip } from '@/lib/timeline/model';

/** "to the start" for a move, "at the start" for a new clip; "after “Intro”" for both. */
function describeDestination(destination: Destination<string>, timeline: Timeline, preposition: 'to' | 'at'): string {
  switch (destination.to) {
    case 'start':
    case 'end':
      return `${preposition} the ${destination.to}`;
    case 'position':
      return `${preposition} position ${destination.position}`;
    case 'before':
    case 'after': {
      const anchor = timeline.find((clip) => clip.id === destination.anchor);
      return `${destination.to} ${anchor ? quote(anchor.name) : 'that clip'}`;
    }
  }
}

/** Where a destination lands in `others`, the timeline without the clip being placed. */
function destinationIndex(destination: Destination<string>, others: Timeline, placedId: string): Outcome<number> {
  switch (destination.to) {
    case 'start':
      return succeed(0);
    case 'end':
      return succeed(others.length);
    case 'position': {
      const { position } = destination;
      return Number.isInteger(position) && position >= 1 && position <= others.length + 1
        ? succeed(position - 1)
        : refuse(`There is no position ${position}: positions go from 1 to ${others.length + 1}.`);
    }
    case 'before':
    case 'after': {
      if (destination.anchor === placedId) return refuse(`I can't place a clip ${destination.to} itself.`);
      const anchorIndex = others.findIndex((clip) => clip.id === destination.anchor);
      if (anchorIndex === -1) return refuse(`The clip to place it ${destination.to} is no longer in the timeline.`);
      return succeed(destination.to === 'before' ? anchorIndex : anchorIndex + 1);
    }
  }
}

export function buildMoveEdit(spec: Extract<EditSpec, { action: 'move' }>, clip: Clip, timeline: Timeline): EditOutcome {
  const from = timeline.findIndex((candidate) => candidate.id === clip.id);
  const others = timeline.filter((candidate) => candidate.id !== clip.id);
  const to = destinationIndex(spec.destination, others, clip.id);
  if (!to.ok) return to;
  if (to.value === from) {
    return refuse(`${quote(clip.name)} is already ${describeDestination(spec.destination, timeline, 'at')}.`);
  }

  const draft = new TimelineDraft(timeline);
  draft.move(clip.id, to.value);
  const description = `Moved ${quote(clip.name)} ${describeDestination(spec.destination, timeline, 'to')}`;
  return succeed({
    edit: draft.toEdit(description, toIntent(spec, [clip.id])),
    reply: `${description}: position ${from + 1} → ${to.value + 1}.`,
  });
}

export function buildSwapEdit(spec: EditSpec, targets: readonly Clip[], timeline: Timeline): EditOutcome {
  const [first, second] = targets;
  if (targets.length !== 2 || first.id === second.id) {
    return refuse('Swapping needs exactly two different clips, e.g. “swap the intro and the outro”.');
  }
  const draft = new TimelineDraft(timeline);
  const firstIndex = draft.indexOf(first.id);
  const secondIndex = draft.indexOf(second.id);
  const [earlier, later] = firstIndex < secondIndex ? [first, second] : [second, first];
  const [earlierIndex, laterIndex] = [Math.min(firstIndex, secondIndex), Math.max(firstIndex, secondIndex)];
  draft.move(earlier.id, laterIndex);
  draft.move(later.id, earlierIndex);
  const description = `Swapped ${quote(first.name)} and ${quote(second.name)}`;
  return succeed({
    edit: draft.toEdit(description, toIntent(spec, [first.id, second.id])),
    reply: `${description}: ${quote(earlier.name)} is now at position ${laterIndex + 1}` + ` and ${quote(later.name)} at position ${earlierIndex + 1}.`,
  });
}

export function buildDeleteEdit(spec: EditSpec, targets: readonly Clip[], timeline: Timeline): EditOutcome {
  const draft = new TimelineDraft(timeline);
  for (const clip of targets) draft.remove(clip.id);
  const description = `Deleted ${describeClips(targets)}`;
  const emptied = draft.timeline.length === 0 ? ' The timeline is now empty.' : '';
  return succeed({
    edit: draft.toEdit(
      description,
      toIntent(
        spec,
        targets.map((clip) => clip.id),
      ),
    ),
    reply: `${description}.${emptied}`,
  });
}

function unusedName(base: string, timeline: Timeline): string {
  const taken = new Set(timeline.map((clip) => clip.name));
  if (!taken.has(`${base} (copy)`)) return `${base} (copy)`;
  let number = 2;
  while (taken.has(`${base} (copy ${number})`)) number += 1;
  return `${base} (copy ${number})`;
}

export function buildDuplicateEdit(spec: EditSpec, targets: readonly Clip[], timeline: Timeline, newClipId: () => string): EditOutcome {
  const draft = new TimelineDraft(timeline);
  const copyNames: string[] = [];
  for (const clip of targets) {
    const name = unusedName(clip.name, draft.timeline);
    copyNames.push(name);
    draft.insert(draft.indexOf(clip.id) + 1, { ...clip, id: newClipId(), name });
  }
  const description = `Duplicated ${describeClips(targets)}`;
  const copies = copyNames.map(quote);
  const placement =
    targets.length === 1
      ? ` as ${copies[0]}, right after it`
      : ` as ${copies.slice(0, -1).join(', ')} and ${copies[copies.length - 1]}, each right after its original`;
  return succeed({
    edit: draft.toEdit(
      description,
      toIntent(
        spec,
        targets.map((clip) => clip.id),
      ),
    ),
    reply: `${description}${placement}.`,
  });
}

export function buildSplitEdit(spec: Extract<EditSpec, { action: 'split' }>, clip: Clip, timeline: Timeline, newClipId: () => string): EditOutcome {
  const at = spec.at === 'middle' ? Math.round(clip.durationMs / 2) : spec.at;
  const durationText = formatSeconds(clip.durationMs);
  if (at <= 0 || at >= clip.durationMs) {
    return refuse(`${quote(clip.name)} is ${durationText} long, so the split point has to be between 0 s and ${durationText}.`);
  }
  const firstPart = at;
  const secondPart = clip.durationMs - at;
  if (firstPart < MIN_CLIP_DURATION_MS || secondPart < MIN_CLIP_DURATION_MS) {
    return refuse(
      `I can't split ${quote(clip.name)} at ${formatSeconds(at)}: ` + `both parts have to be at least ${formatSeconds(MIN_CLIP_DURATION_MS)} long.`,
    );
  }
  const firstName = `${clip.name} (part 1)`;
  const secondName = `${clip.name} (part 2)`;
  const draft = new TimelineDraft(timeline);
  // The first part keeps the clip's id, so "it" and other references to the clip still work.
  draft.update(clip.id, {
    name: firstName,
    durationMs: firstPart,
    fadeInMs: Math.min(clip.fadeInMs, firstPart),
    fadeOutMs: 0,
  });
  draft.insert(draft.indexOf(clip.id) + 1, {
    ...clip,
    id: newClipId(),
    name: secondName,
    durationMs: secondPart,
    fadeInMs: 0,
    fadeOutMs: Math.min(clip.fadeOutMs, secondPart),
  });
  const description = `Split ${quote(clip.name)} at ${formatSeconds(at)}`;
  return succeed({
    edit: draft.toEdit(description, toIntent(spec, [clip.id])),
    reply: `${description} into ${quote(firstName)} (${formatSeconds(firstPart)})` + ` and ${quote(secondName)} (${formatSeconds(secondPart)}).`,
  });
}

const CARD_LABELS: Record<CardKind, string> = { title: 'title', intro: 'intro', outro: 'outro' };

export function buildAddClipEdit(spec: Extract<EditSpec, { action: 'addClip' }>, timeline: Timeline, newClipId: () => string): EditOutcome {
  const text = spec.text.trim();
  if (!text) return refuse(`What should the ${CARD_LABELS[spec.kind]} say?`);
  if (spec.durationMs < MIN_CLIP_DURATION_MS) {
    return refuse(`Clips can't be shorter than ${formatSeconds(MIN_CLIP_DURATION_MS)}.`);
  }
  const id = newClipId();
  const index = destinationIndex(spec.destination, timeline, id);
  if (!index.ok) return index;
  const clip: Clip = { id, ...newClip(text, spec.kind, spec.durationMs, text) };
  const draft = new TimelineDraft(timeline);
  draft.insert(index.value, clip);
  const where = describeDestination(spec.destination, timeline, 'at');
  const description = `Added ${CARD_LABELS[spec.kind]} ${quote(text)} ${where}`;
  return succeed({
    edit: draft.toEdit(description, toIntent(spec, [id])),
    reply: `${description} (${formatSeconds(spec.durationMs)}, position ${index.value + 1}).`,
  });
}
