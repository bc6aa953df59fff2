/** Questions about the timeline and the session, answered from them without editing anything. */
import { rule, type ParsedCommand, type Quotes, type Rule } from './grammar';
import { latestEdit } from './history';
import { totalDurationMs } from '@/lib/timeline/durations';
import { parseReference, resolveReference, WHICH_CLIP, type ClipReference } from './references';
import { DID_NOT_UNDERSTAND, EMPTY_TIMELINE, formatCount, formatPercent, formatSeconds, formatSpeed, lowerFirst, quote } from './replies';
import type { Clip, SessionContext, Timeline } from './types';

type Answer = (timeline: Timeline, context: SessionContext) => string;

function question(answer: Answer): ParsedCommand {
  return { type: 'question', answer };
}

function listNames(clips: readonly Clip[]): string {
  const names = clips.map((clip) => quote(clip.name));
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Where a clip starts and ends when the timeline plays its clips one after another. */
function placement(clip: Clip, timeline: Timeline): { position: number; startMs: number } {
  const position = timeline.findIndex((candidate) => candidate.id === clip.id);
  const startMs = timeline.slice(0, position).reduce((sum, earlier) => sum + earlier.durationMs, 0);
  return { position: position + 1, startMs };
}

function aboutClip(reference: ClipReference, describe: (clip: Clip, timeline: Timeline) => string): Answer {
  return (timeline, context) => {
    const clips = resolveReference(reference, timeline, context);
    if (!clips.ok) return clips.reply;
    return clips.value.map((clip) => describe(clip, timeline)).join(' ');
  };
}

function clipQuestion(target: string | undefined, quotes: Quotes, describe: (clip: Clip, timeline: Timeline) => string) {
  const reference = target === undefined ? null : parseReference(target, quotes);
  return reference && question(aboutClip(reference, describe));
}

const describeLength = (clip: Clip): string => `${quote(clip.name)} is ${formatSeconds(clip.durationMs)} long.`;

function describePosition(clip: Clip, timeline: Timeline): string {
  const { position, startMs } = placement(clip, timeline);
  return `${quote(clip.name)} is clip ${position} of ${timeline.length}, ` + `from ${formatSeconds(startMs)} to ${formatSeconds(startMs + clip.durationMs)}.`;
}

function describeClip(clip: Clip, timeline: Timeline): string {
  const { position } = placement(clip, timeline);
  const extras = [
    clip.speed !== 1 ? `at ${formatSpeed(clip.speed)}` : '',
    clip.muted ? 'muted' : clip.volume !== 100 ? `volume ${formatPercent(clip.volume)}` : '',
    clip.fadeInMs ? `${formatSeconds(clip.fadeInMs)} fade-in` : '',
    clip.fadeOutMs ? `${formatSeconds(clip.fadeOutMs)} fade-out` : '',
  ].filter(Boolean);
  const details = [clip.kind, formatSeconds(clip.durationMs), ...extras].join(', ');
  return `Clip ${position} is ${quote(clip.name)} (${details}).`;
}

const totalLength: Answer = (timeline) =>
  timeline.length === 0
    ? 'The timeline is empty.'
    : `The timeline is ${formatSeconds(totalDurationMs(timeline))} long, in ${formatCount(timeline.length, 'clip')}.`;

const clipList: Answer = (timeline) =>
  timeline.length === 0
    ? EMPTY_TIMELINE
    : `The timeline has ${formatCount(timeline.length, 'clip')}: ${timeline
        .map((clip, index) => `${index + 1}. ${quote(clip.name)} ${formatSeconds(clip.durationMs)}`)
        .join(', ')}.`;

const mutedClips: Answer = (timeline) => {
  const muted = timeline.filter((clip) => clip.muted);
  if (muted.length === 0) return 'No clip is muted.';
  return `${listNames(muted)} ${muted.length === 1 ? 'is' : 'are'} muted.`;
};

const changedSpeeds: Answer = (timeline) => {
  const changed = timeline.filter((clip) => clip.speed !== 1);
  if (changed.length === 0) return 'Every clip plays at normal speed.';
  return `${changed.map((clip) => `${quote(clip.name)} plays at ${formatSpeed(clip.speed)}`).join(', ')}; the rest at normal speed.`;
};

const lastChange: Answer = (_, context) => {
  const latest = latestEdit(context);
  if (!latest) return "This session hasn't changed anything yet.";
  const undone = latest.revertedAt !== null ? ' (since undone)' : '';
  return `The last change was: ${lowerFirst(latest.description)}${undone}.`;
};

const sessionChanges: Answer = (_, context) => {
  if (context.edits.length === 0) return "This session hasn't changed anything yet.";
  const lines = context.edits.map((edit, index) => `${index + 1}. ${edit.description}${edit.revertedAt !== null ? ' (undone)' : ''}`);
  return `This session made ${formatCount(context.edits.length, 'change')}: ${lines.join('; ')}.`;
};

/** "how long are the intro and outro together?": the sum of the clips' lengths. */
function combinedLength(reference: ClipReference): Answer {
  return (timeline, context) => {
    const clips = resolveReference(reference, timeline, context);
    if (!clips.ok) return clips.reply;
    const total = formatSeconds(totalDurationMs(clips.value));
    return clips.value.length === 1 ? `${listNames(clips.value)} is ${total} long.` : `${listNames(clips.value)} are ${total} long together.`;
  };
}

const THE_VIDEO = '(?:the |my |this |our )?(?:whole |entire |full )?(?:video|timeline|project|edit|film|movie|thing|sequence|cut|total)';
const HOW_LONG = `how (?:long|many (?:seconds|minutes))(?: is| s|'s)? ${THE_VIDEO}(?: is)?(?: now| in total| overall| altogether| right now)?`;

const STATES: Record<string, (clip: Clip) => boolean> = {
  muted: (clip) => clip.muted,
  silent: (clip) => clip.muted || clip.volume === 0,
  'sped up': (clip) => clip.speed > 1,
  faster: (clip) => clip.speed > 1,
  'slowed down': (clip) => clip.speed < 1,
  slower: (clip) => clip.speed < 1,
  'faded in': (clip) => clip.fadeInMs > 0,
  'faded out': (clip) => clip.fadeOutMs > 0,
};

/** "is the music muted?": yes or no, with the clip's state. */
function clipState(target: string | undefined, state: string, quotes: Quotes): ParsedCommand | null {
  const test = STATES[state.toLowerCase()];
  return test ? clipQuestion(target, quotes, (clip) => `${test(clip) ? 'Yes' : 'No'}: ${describeClip(clip, [clip]).replace(/^Clip 1 is /, '')}`) : null;
}

function extreme(which: string, noun: string | undefined): Answer {
  return (everything, context) => {
    const group = noun && !/^(?:clip|one|shot)$/.test(noun) ? parseReference(`every ${noun}`, []) : null;
    const resolved = group ? resolveReference(group, everything, context) : null;
    if (resolved && !resolved.ok) return resolved.reply;
    const timeline = resolved?.value ?? everything;
    if (timeline.length === 0) return 'The timeline is empty.';
    const longest = which.toLowerCase() === 'longest';
    const pick = timeline.reduce((best, clip) => ((longest ? clip.durationMs > best.durationMs : clip.durationMs < best.durationMs) ? clip : best));
    const label = group && noun ? noun.toLowerCase() : 'clip';
    return `The ${which.toLowerCase()} ${label} is ${quote(pick.name)} (${formatSeconds(pick.durationMs)}).`;
  };
}

function beside(side: string, target: string | undefined, quotes: Quotes): ParsedCommand | null {
  const anchor = target === undefined ? null : parseReference(target, quotes);
  if (!anchor) return null;
  const reference: ClipReference = {
    kind: 'neighbour',
    side: side.toLowerCase() === 'before' ? 'before' : 'after',
    anchor,
  };
  return question(aboutClip(reference, describeClip));
}

export const QUESTION_RULES: readonly Rule[] = [
  rule(
    new RegExp(
      `^(?:tell me |do you know )?(?:${HOW_LONG}|what(?:'s| s| is) the (?:total |overall )?(?:length|duration|runtime|running time)(?: of ${THE_VIDEO})?(?: now)?|(?:total|overall) (?:length|duration|runtime)|how long does (?:it|${THE_VIDEO}) (?:run|last|take)(?: now)?)$`,
      'i',
    ),
    () => question(totalLength),
  ),
  rule(/^(?:tell me )?how long (?:is|are) (?<target>.+?) (?:together|combined|in total|altogether)$/i, ({ target }, quotes) => {
    const reference = target === undefined ? null : parseReference(target, quotes);
    return reference && question(combinedLength(reference));
  }),
  rule(/^(?:tell me )?how (?:long|many seconds) (?:is|are) (?<target>.+?)(?: now)?$/i, ({ target }, quotes) =>
    target !== undefined && parseReference(target, quotes)?.kind === 'all' ? question(totalLength) : clipQuestion(target, quotes, describeLength),
  ),
  rule(
    /^(?:which|what)(?: is|'s| s)? (?:the )?(?<which>longest|shortest)(?: (?<noun>clip|one|shot|scene|title|card|intro|outro|audio))?$/i,
    ({ which = '', noun }) => question(extreme(which, noun)),
  ),

  rule(
    /^(?:what|which clip)(?: comes| is| s|'s| goes| plays)? (?:right |just |directly )?(?<side>after|before) (?<target>.+)$/i,
    ({ side = '', target }, quotes) => beside(side, target, quotes),
  ),
  rule(/^(?:tell me )?how long does (?<target>.+?) (?:last|run|take)(?: now)?$/i, ({ target }, quotes) => clipQuestion(target, quotes, describeLength)),
  rule(/^what(?:'s| s| is) the (?:total|combined) (?:length|duration) of (?<target>.+)$/i, ({ target }, quotes) => {
    const reference = target === undefined ? null : parseReference(target, quotes);
    return reference && question(combinedLength(reference));
  }),
  rule(/^what(?:'s| s| is) the (?:length|duration) of (?<target>.+)$/i, ({ target }, quotes) => clipQuestion(target, quotes, describeLength)),
  rule(
    /^(?:where(?:'s| s| is) (?<where>.+?)(?: in the timeline)?|what position is (?<position>.+?)(?: at| in)?|where does (?<starts>.+?) (?:start|begin|come|sit))$/i,
    ({ where, position, starts }, quotes) => clipQuestion(where ?? position ?? starts, quotes, describePosition),
  ),
  rule(
    /^(?:which|what) (?:clips?|ones?|parts?|things?) (?:are|is|have been|got) (?:muted|silenced|silent)(?: now)?$|^(?:is|are) (?:anything|any clips?|any of them|something) (?:muted|silent)$|^what(?:'s| s| is) muted$/i,
    () => question(mutedClips),
  ),
  rule(
    /^(?:which|what) (?:clips?|ones?) (?:are|is|have been|got|play) (?:sped up|speeded up|faster|slowed down|slower|(?:playing |running )?at a different speed|not at normal speed|(?:playing|running) (?:faster|slower|fast|slow))$|^(?:is|are) (?:anything|any clips?) (?:sped up|slowed down)$/i,
    () => question(changedSpeeds),
  ),
  rule(/^(?:is|are) (?<target>.+?) (?<state>muted|silent|sped up|faster|slowed down|slower|faded in|faded out)(?: now)?$/i, ({ target, state = '' }, quotes) =>
    clipState(target, state, quotes),
  ),
  rule(
    /^what (?:was|is) (?:the|your|my) (?:last|latest|previous|most recent) (?:change|edit|thing you did)$|^what did you (?:just )?(?:do|change)(?: last)?$/i,
    () => question(lastChange),
  ),
  rule(
    /^(?:(?:show|give)(?: me)? (?:the |your |my )?(?:history|edit history|change log|changelog|list of changes)|what changes (?:have|did) (?:you|we|i) (?:made?|done|do)(?: so far)?|what (?:have|did) (?:i|we) (?:changed?|done|do|edited)(?: so far)?|what (?:have|did) (?:you|we) (?:changed?|done|do|edited)(?: so far)?(?: in this (?:session|conversation))?(?: so far)?|(?:list|show|summari[sz]e|recap) (?:me )?(?:the |all |your |my )?(?:changes|edits)(?: so far)?(?: in this (?:session|conversation))?|what changes (?:have been|were|did you) made?(?: so far)?(?: in this (?:session|conversation))?)$/i,
    () => question(sessionChanges),
  ),
  rule(
    /^(?:what|which) (?:clips are there|clips do (?:i|we) have|is (?:on|in) the timeline|s on the timeline)$|^(?:list|show) (?:me )?(?:the |all )?(?:the )?clips$|^how many clips(?: are there| do (?:i|we) have| are in the timeline)?$/i,
    () => question(clipList),
  ),
  rule(/^(?:what|which)(?:'s| s| is) (?<target>.+?)$/i, ({ target = '' }, quotes) => {
    const reference = parseReference(target, quotes);
    const about = ['position', 'edge', 'lastTarget', 'named'];
    if (!reference || !about.includes(reference.kind) || (reference.kind === 'named' && reference.plural)) return null;
    if (reference.kind !== 'named') return question(aboutClip(reference, describeClip));
    // "what is the beach scene?" describes it; "what is the meaning of life?" is not about a clip at all.
    return question((timeline, context) => {
      const clips = resolveReference(reference, timeline, context);
      if (clips.ok) return clips.value.map((clip) => describeClip(clip, timeline)).join(' ');
      return clips.reply.startsWith(WHICH_CLIP) ? clips.reply : DID_NOT_UNDERSTAND;
    });
  }),
  rule(/^which clip is (?!(?:at )?(?:position |number |no )?\d+$)(?<target>.+)$/i, ({ target }, quotes) => clipQuestion(target, quotes, describePosition)),
  rule(/^(?:which|what) clip is (?:at )?(?:position |number |no )?(?<number>\d+)$/i, ({ number = '' }, quotes) =>
    clipQuestion(`clip ${number}`, quotes, describeClip),
  ),
];
