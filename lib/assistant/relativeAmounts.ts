/**
 * Amounts said by pointing at something rather than by number: other clips' lengths ("as long as
 * the title card", "the beach scene and the tram ride put together") or the session's last edit
 * ("by the same amount", "in the same proportion"). Rules parse them; they are settled into a
 * plain edit once the timeline and the session are known, so what is stored and replayed is the
 * number chosen, which the reply states.
 */
import { specFromIntent, type EditSpec } from './editSpec';
import type { RelativeSpec, RequestedSpec, SameMeasure } from './requestedSpec';
import { durationStep, speedStep } from './followUps';
import { latestEdit } from './history';
import { refuse, succeed, type Outcome } from './outcome';
import { resolveReference, type ChoosingContext, type ClipReference } from './references';
import { describeClips, formatSeconds, lowerFirst } from './replies';
import type { Clip, SessionEdit, Timeline } from './types';

const SAME_AMOUNT = /^(?:by )?(?:the same(?: amount| length| number of seconds)?(?: again)?|as much(?: again)?|that much)$/i;
const SAME_PROPORTION = /^(?:(?:in|by) )?(?:the same (?:proportion|ratio|percentage|factor|fraction|share)|proportionally|proportionately)$/i;

/** "the same amount" → amount, "in the same proportion" → proportion. */
export function parseSameMeasure(text: string): SameMeasure | null {
  if (SAME_AMOUNT.test(text.trim())) return 'amount';
  return SAME_PROPORTION.test(text.trim()) ? 'proportion' : null;
}

/** A requested edit with its amount settled, and the clips it acts on. */
export interface SettledEdit {
  spec: EditSpec<ClipReference>;
  targets: readonly ClipReference[];
}

const NO_EARLIER_AMOUNT = "There's no earlier change in this session to take the amount from. Say how much, e.g. “by 2 seconds” or “10% longer”.";

export function settleSpec(spec: RequestedSpec, targets: readonly ClipReference[], timeline: Timeline, context: ChoosingContext): Outcome<SettledEdit> {
  if (spec.action === 'matchLength') return settleLength(spec, timeline, context);
  if (spec.action === 'sameStep') {
    const step = sameStep(spec, context);
    return step.ok ? succeed({ spec: step.value, targets }) : step;
  }
  return succeed({ spec, targets });
}

type MatchLength = Extract<RelativeSpec, { action: 'matchLength' }>;

function settleLength(spec: MatchLength, timeline: Timeline, context: ChoosingContext): Outcome<SettledEdit> {
  const resolved = spec.readings.map((reading) => ({
    reading,
    target: resolveReference(reading.target, timeline, context),
    of: resolveReference(reading.of, timeline, context),
  }));
  const meaningful = resolved.filter((one) => one.target.ok && one.of.ok);
  if (meaningful.length === 0) {
    const [first] = resolved;
    const failed = first.target.ok ? first.of : first.target;
    return failed.ok ? refuse('I could not tell which clips you mean.') : failed;
  }
  const clipsOf = (one: (typeof meaningful)[number]): [Clip[], Clip[]] => [one.target.ok ? one.target.value : [], one.of.ok ? one.of.value : []];
  if (meaningful.length > 1) {
    const options = meaningful.map((one) => {
      const [changed, measured] = clipsOf(one);
      return `${describeClips(changed)} as long as ${describeClips(measured)}`;
    });
    return refuse(`Do you mean ${options.slice(0, 3).join(', or ')}? Put the names in quotes to tell me.`);
  }
  const [, measured] = clipsOf(meaningful[0]);
  const totalMs = measured.reduce((sum, clip) => sum + clip.durationMs, 0);
  if (measured.length > 1 && !spec.together) {
    return refuse(`As long as ${describeClips(measured)} put together (${formatSeconds(totalMs)})? ` + 'Say “put together” to confirm, or name just one clip.');
  }
  const amountMs = Math.round(totalMs * spec.times + spec.plusMs);
  return succeed({ spec: { action: 'setDuration', amountMs }, targets: [meaningful[0].reading.target] });
}

type SameStep = Extract<RelativeSpec, { action: 'sameStep' }>;

function sameStep(spec: SameStep, context: ChoosingContext): Outcome<EditSpec<ClipReference>> {
  const latest = latestEdit(context);
  if (!latest) return refuse(NO_EARLIER_AMOUNT);
  const earlier = specFromIntent(latest.intent);
  const duration = earlier && durationStep(earlier, latest);
  const speed = earlier && speedStep(earlier, latest);
  const description = lowerFirst(latest.description);
  const wantsSpeed = spec.direction === 'faster' || spec.direction === 'slower' || (spec.direction === null && !duration && speed !== null);
  if (wantsSpeed) {
    if (!speed) return refuse(`The last change (${description}) didn't change a speed, so there is no amount to repeat. Say how much, e.g. “2x faster”.`);
    const action = spec.direction === 'slower' ? 'slowDown' : spec.direction === 'faster' ? 'speedUp' : speed.action;
    const factor = action === 'speedUp' ? Math.max(speed.factor, 1 / speed.factor) : Math.min(speed.factor, 1 / speed.factor);
    return succeed({ action, factor });
  }
  if (!duration) {
    return refuse(`The last change (${description}) didn't change a length, so there is no amount to repeat. Say how much, e.g. “by 2 seconds”.`);
  }
  const action = spec.direction === 'longer' ? 'lengthen' : spec.direction === 'shorter' ? 'shorten' : duration.action;
  if (spec.measure === 'amount') return succeed({ ...duration, action });
  if (duration.percent !== undefined) return succeed({ action, amountMs: 0, percent: duration.percent });
  const share = sharedProportion(latest);
  if (share === null) {
    return refuse(`The last change (${description}) didn't change its clips in one proportion. Say a share instead, e.g. “10% longer”.`);
  }
  return succeed({ action, amountMs: 0, percent: share });
}

/** The one percentage by which the edit changed every clip's length, or null if they differ. */
function sharedProportion(edit: SessionEdit): number | null {
  const shares = new Set<number>();
  for (const op of edit.operations) {
    if (op.type !== 'update') continue;
    const { durationMs: before } = op.before;
    const { durationMs: after } = op.after;
    if (typeof before !== 'number' || typeof after !== 'number' || before <= 0) continue;
    shares.add(Math.round((Math.abs(after - before) / before) * 1000) / 10);
  }
  return shares.size === 1 ? [...shares][0] : null;
}
