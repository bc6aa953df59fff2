import { buildEdit } from './buildEdit';
import { specFromIntent, takesTargets, type Destination, type EditSpec } from './editSpec';
import {
  adjustedSpec,
  correctedValue,
  correctionBody,
  correctionStrength,
  inlineSubject,
  isAdditive,
} from './followUps';
import { cutsAround, type Adjustment, type EditMatch, type ParsedCommand } from './grammar';
import { latestEdit, undoableEdits } from './history';
import { normalizeInstruction, type NormalizedInstruction } from './normalize';
import { mentionsFramesWithoutRate } from './numbers';
import { applyOperations, invertOperations, TimelineConflictError } from './operations';
import { refuse, succeed, type EditOutcome, type Outcome } from './outcome';
import { parseCommand } from './parseCommand';
import { parseReference, resolveReference, WHICH_CLIP, type ChoosingContext, type ClipReference } from './references';
import { CAPABILITIES, DID_NOT_UNDERSTAND, describeClips, lowerFirst, quote } from './replies';
import type {
  Assistant,
  AssistantInput,
  AssistantResult,
  Clip,
  EditIntent,
  NewEdit,
  SessionEdit,
  Timeline,
} from './types';
import { describeArrangementChanges, redo, undo, undoEdits } from './undoRedo';

export interface InterpretOptions {
  /** Ids for clips an edit creates (duplicates, split parts, titles); injectable so tests are deterministic. */
  newClipId?: () => string;
}

/** What one instruction is interpreted against. */
interface Scene {
  timeline: Timeline;
  context: ChoosingContext;
  newClipId: () => string;
}

const CARD_NOT_RETARGETABLE =
  'Adding a card doesn\'t apply to another clip. Say where to add one, e.g. “add a title "Chapter 3" after the interview”.';

const NO_FRAME_RATE =
  "Projects have no frame rate yet, so I can't turn frames into time. Say it in seconds, or give the rate, e.g. “90 frames at 30 fps”.";

function answer(reply: string): AssistantResult {
  return { reply, actions: [] };
}

function finish(outcome: EditOutcome): AssistantResult {
  return outcome.ok
    ? { reply: outcome.value.reply, actions: [{ type: 'apply', edit: outcome.value.edit }] }
    : answer(outcome.reply);
}

function resolveTargets(references: readonly ClipReference[], { timeline, context }: Scene): Outcome<Clip[]> {
  const clips: Clip[] = [];
  for (const reference of references) {
    const resolution = resolveReference(reference, timeline, context);
    if (!resolution.ok) return resolution;
    clips.push(...resolution.value);
  }
  return succeed(clips);
}

function resolveDestination(
  destination: Destination<ClipReference>,
  { timeline, context }: Scene,
): Outcome<Destination<string>> {
  if (destination.to === 'start' || destination.to === 'end') return succeed({ to: destination.to });
  if (destination.to === 'position') return succeed(destination);
  const anchor = resolveReference(destination.anchor, timeline, context);
  if (!anchor.ok) return anchor;
  if (anchor.value.length !== 1) return refuse(`Place it ${destination.to} which clip? Name just one.`);
  return succeed({ to: destination.to, anchor: anchor.value[0].id });
}

/** Replaces clip references inside what was asked (a move's or a new card's neighbour) by clip ids. */
function resolveSpec(spec: EditSpec<ClipReference>, scene: Scene): Outcome<EditSpec> {
  if (spec.action !== 'move' && spec.action !== 'addClip') return succeed(spec);
  const destination = resolveDestination(spec.destination, scene);
  return destination.ok ? succeed({ ...spec, destination: destination.value }) : destination;
}

function performEdit(spec: EditSpec<ClipReference>, references: readonly ClipReference[], scene: Scene): EditOutcome {
  const targets = resolveTargets(references, scene);
  if (!targets.ok) return targets;
  const resolved = resolveSpec(spec, scene);
  if (!resolved.ok) return resolved;
  return buildEdit(resolved.value, targets.value, scene.timeline, scene.newClipId);
}

/** The clips an edit acted on that are still in the timeline. */
function clipsOf(edit: SessionEdit, timeline: Timeline): Clip[] {
  return edit.intent.targetClipIds
    .map((id) => timeline.find((clip) => clip.id === id))
    .filter((clip): clip is Clip => clip !== undefined);
}

/** "Do the same thing to X" replays the session's newest edit, even one since undone, on X (or on its own clips). */
function repeatLatestEdit(target: ClipReference | null, scene: Scene): EditOutcome {
  const { timeline, context, newClipId } = scene;
  const latest = latestEdit(context);
  if (!latest) return refuse("There's nothing in this session to repeat yet.");
  const spec = specFromIntent(latest.intent);
  if (!spec) return refuse(`I can't repeat that change (${lowerFirst(latest.description)}) by myself.`);
  if (!takesTargets(spec)) {
    if (!target) return buildEdit(spec, [], timeline, newClipId);
    return refuse(CARD_NOT_RETARGETABLE);
  }
  if (target) {
    const targets = resolveReference(target, timeline, context);
    return targets.ok ? buildEdit(spec, targets.value, timeline, newClipId) : targets;
  }
  const sameClips = clipsOf(latest, timeline);
  if (sameClips.length === 0) return refuse('The clips that change acted on are no longer in the timeline.');
  return buildEdit(spec, sameClips, timeline, newClipId);
}

/** "more", "a little less", "even shorter": the latest edit again on the same clips, scaled or turned around. */
function adjustLatestEdit(how: Adjustment, scene: Scene): EditOutcome {
  const latest = latestEdit(scene.context);
  if (!latest) return refuse("There's no change in this session to do more or less of yet. Tell me what to change.");
  const description = lowerFirst(latest.description);
  if (latest.revertedAt !== null) return refuse(`The last change (${description}) was undone. Tell me what to change.`);
  const spec = specFromIntent(latest.intent);
  const adjusted = spec && adjustedSpec(how, spec, latest);
  if (!adjusted) return refuse(`I can't do more or less of the last change (${description}). Tell me what to change.`);
  const clips = clipsOf(latest, scene.timeline);
  if (clips.length === 0) return refuse('The clips that change acted on are no longer in the timeline.');
  return buildEdit(adjusted, clips, scene.timeline, scene.newClipId);
}

/** The edit a command makes, or null for commands that make none (questions, undo…). */
function editFor(command: ParsedCommand, scene: Scene): EditOutcome | null {
  switch (command.type) {
    case 'edit':
      return performEdit(command.spec, command.targets, scene);
    case 'repeat':
      return repeatLatestEdit(command.target, scene);
    case 'adjust':
      return adjustLatestEdit(command.how, scene);
    default:
      return null;
  }
}

// ---- Compound instructions: several edits, all or nothing, stored as one edit so one undo reverts them.

const COMPOUND_SEPARATOR =
  /and then after that|then after that|and then|and also|and afterwards|and after that|after that|afterwards|then|and|plus|also/;

function isEditCommand(command: ParsedCommand | null): command is ParsedCommand {
  return command !== null && (command.type === 'edit' || command.type === 'repeat' || command.type === 'adjust');
}

/** "shorten the intro and fade out the outro" → two commands; null unless every part is an edit of its own. */
function compoundCommands(text: string, quotes: readonly string[], depth = 0): ParsedCommand[] | null {
  if (depth > 4) return null;
  for (const [left, , right] of cutsAround(text, COMPOUND_SEPARATOR)) {
    const first = parseCommand({ text: left.trim(), quotes });
    if (first?.type !== 'edit') continue;
    const rest = compoundCommands(right.trim(), quotes, depth + 1);
    if (rest) return [first, ...rest];
    const second = parseCommand({ text: right.trim(), quotes });
    if (isEditCommand(second)) return [first, second];
  }
  return null;
}

/** A stand-in for an edit not stored yet, so later parts of an instruction can say "it" and "the same". */
function pendingEdit(edit: NewEdit, index: number): SessionEdit {
  return {
    ...edit,
    id: `pending-${index}`,
    createdAt: new Date(8.64e15 - 1000 + index),
    revertedAt: null,
  };
}

function combine(edits: readonly NewEdit[]): NewEdit {
  const operations = edits.flatMap((edit) => edit.operations);
  const targetClipIds = [...new Set(edits.flatMap((edit) => edit.intent.targetClipIds).reverse())].reverse();
  const intent: EditIntent = {
    action: 'compound',
    targetClipIds,
    params: { steps: edits.map((edit) => edit.intent) },
  };
  const description = edits
    .map((edit, index) => (index === 0 ? edit.description : lowerFirst(edit.description)))
    .join('; ');
  return { description, intent, operations, inverse: invertOperations(operations) };
}

function performCompound(commands: readonly ParsedCommand[], scene: Scene): AssistantResult {
  let current: Scene = scene;
  const built: { edit: NewEdit; reply: string }[] = [];
  for (const [index, command] of commands.entries()) {
    const outcome = editFor(command, current);
    if (!outcome) return answer(DID_NOT_UNDERSTAND);
    if (!outcome.ok) {
      return answer(index === 0 ? outcome.reply : `${outcome.reply} So I changed nothing, not even the earlier part.`);
    }
    built.push(outcome.value);
    current = {
      ...current,
      timeline: applyOperations(current.timeline, outcome.value.edit.operations),
      context: { ...current.context, edits: [...current.context.edits, pendingEdit(outcome.value.edit, index)] },
    };
  }
  const edit = combine(built.map((part) => part.edit));
  return { reply: built.map((part) => part.reply).join(' '), actions: [{ type: 'apply', edit }] };
}

// ---- Corrections: "actually make it 6 seconds", "no, I meant the second clip" replace the latest edit.

function sameFamily(a: string, b: string): boolean {
  const families = [
    ['lengthen', 'shorten', 'setDuration'],
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
    return answer(
      `I can't replace the last change (${lowerFirst(latest.description)}): ${lowerFirst(error.message)} Nothing was changed.`,
    );
  }
  const outcome = build({ ...scene, timeline: reverted });
  if (!outcome.ok) return answer(outcome.reply);
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
  return clips
    .map((clip) => timeline.find((candidate) => candidate.id === clip.id))
    .filter((clip): clip is Clip => clip !== undefined);
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
  return refuse(
    `${WHICH_CLIP} There are ${others.length} others: ${others.map((clip) => quote(clip.name)).join(', ')}.`,
  );
}

function correct(
  strength: 'strong' | 'weak',
  text: string,
  quotes: readonly string[],
  scene: Scene,
): AssistantResult | null {
  const latest = latestEdit(scene.context);
  if (!latest || latest.revertedAt !== null) return null;
  const spec = specFromIntent(latest.intent);
  const body = correctionBody(text);
  if (body === '') {
    return strength === 'strong'
      ? answer(
          `Which clip did you mean instead? For example: “no, I meant the second clip”. The last change was: ${lowerFirst(latest.description)}.`,
        )
      : null;
  }
  const value = spec && correctedValue(spec, body);
  if (spec && value) {
    return replaceLatest(latest, scene, (reverted) =>
      buildEdit(value, clipsOf(latest, reverted.timeline), reverted.timeline, reverted.newClipId),
    );
  }
  const other = otherTarget(body, latest, scene);
  if (other) {
    if (!other.ok) return answer(other.reply);
    if (!spec) return null;
    return replaceLatest(latest, scene, (reverted) =>
      buildEdit(spec, sameIn(other.value, reverted.timeline), reverted.timeline, reverted.newClipId),
    );
  }
  const command = parseCommand({ text: body, quotes });
  if (command?.type === 'reference' && spec && takesTargets(spec)) {
    const targets = resolveReference(command.target, scene.timeline, scene.context);
    if (!targets.ok) return answer(targets.reply);
    return replaceLatest(latest, scene, (reverted) =>
      buildEdit(spec, sameIn(targets.value, reverted.timeline), reverted.timeline, reverted.newClipId),
    );
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

// ---- Plain-word reverts: "undo the fade", "restore the outro".

/** Every clip an operation touches, by id. */
function touchedClipIds(edit: NewEdit): Set<string> {
  return new Set(edit.operations.map((op) => (op.type === 'insert' || op.type === 'remove' ? op.clip.id : op.clipId)));
}

function stepActions(intent: EditIntent): string[] {
  const steps = intent.params?.steps;
  return Array.isArray(steps) ? steps.map((step: EditIntent) => step.action) : [intent.action];
}

function revertMatching(match: EditMatch, scene: Scene): AssistantResult {
  const { timeline, context } = scene;
  const candidates = undoableEdits(context);
  if (match.by === 'action') {
    const found = candidates.find((edit) => stepActions(edit.intent).some((action) => match.actions.includes(action)));
    return found
      ? undoEdits(timeline, [found])
      : answer(`Nothing in this session made a ${match.label} that is still in effect.`);
  }
  // Deleted clips can be restored too, so they count as clips here.
  const removed = candidates.flatMap((edit) =>
    edit.operations.flatMap((op) => (op.type === 'remove' ? [op.clip] : [])),
  );
  const known = [...timeline, ...removed.filter((clip) => !timeline.some((present) => present.id === clip.id))];
  const clips = resolveReference(match.target, known, context);
  if (!clips.ok) return answer(clips.reply);
  const ids = clips.value.map((clip) => clip.id);
  const found = candidates.find((edit) => {
    const touched = touchedClipIds(edit);
    return ids.some((id) => touched.has(id));
  });
  return found
    ? undoEdits(timeline, [found])
    : answer(`This session hasn't changed ${describeClips(clips.value)}, so there is nothing to restore.`);
}

// ---- Answering "which clip do you mean?".

const ALL_OF_THEM = /^(?:both|all|either|each|every one|both of them|all of them|them all|all \w+ of them|the lot)$/i;

function sameClips(a: readonly Clip[], b: readonly Clip[]): boolean {
  // Clips an earlier part of the same instruction creates get new ids on each reading, so names count too.
  return a.length === b.length && a.every((clip, index) => clip.id === b[index].id || clip.name === b[index].name);
}

/** If the assistant just asked which clip, and this names one of them, the asked-for instruction with that clip. */
function answerWhichClip(
  instruction: NormalizedInstruction,
  input: AssistantInput & { context: ChoosingContext },
  options: InterpretOptions,
): AssistantResult | null {
  const { messages } = input.context;
  const question = messages[messages.length - 1];
  const asked = messages[messages.length - 2];
  if (question?.role !== 'assistant' || !question.content.startsWith(WHICH_CLIP) || asked?.role !== 'user') return null;
  const text = instruction.text.replace(
    /^(?:i mean|i meant|i'd say|the one called|it's|its|it is|that's|thats|go with|use|pick)\s+/i,
    '',
  );
  const everyOne = ALL_OF_THEM.test(text);
  // Only a bare clip reference answers; "undo everything" or "trim the intro" is a new request.
  const command = everyOne ? null : parseCommand({ text, quotes: instruction.quotes });
  if (!everyOne && command?.type !== 'reference') return null;

  // Which clips were in question: the asked-for instruction again, noting the clips it could not choose between.
  const earlier: ChoosingContext = { messages: messages.slice(0, -2), edits: input.context.edits };
  let matching: Clip[] | null = null;
  const capture = (clips: readonly Clip[]): null => {
    matching ??= [...clips];
    return null;
  };
  let probeIds = 0;
  const probe: ChoosingContext = { ...earlier, choose: capture };
  interpretInstruction(
    { ...input, context: probe, instruction: asked.content },
    { newClipId: () => `probe-${probeIds++}` },
    false,
  );
  const among = matching as Clip[] | null;
  if (!among) return null;

  let chosen: Clip[] = among;
  if (command?.type === 'reference') {
    const reference = command.target;
    const resolved = resolveReference(reference, among, earlier);
    if (!resolved.ok) {
      // A short reply that names no clip at all was still meant as an answer: ask again rather than guess.
      const known = resolveReference(reference, input.timeline, earlier);
      if (reference.kind !== 'named' || known.ok || text.split(' ').length > 3) return null;
      const listed = among.map((clip) => quote(clip.name)).join(', ');
      return answer(`${WHICH_CLIP} None of them matches ${quote(reference.phrase)}: ${listed}.`);
    }
    chosen = resolved.value;
  }
  // The chosen clips as this reading has them (clips made earlier in the instruction have fresh ids).
  const choose = (clips: readonly Clip[]): Clip[] | null =>
    sameClips(clips, among) ? chosen.map((clip) => clips[among.indexOf(clip)]) : null;
  const answered: ChoosingContext = { ...earlier, choose };
  return interpretInstruction({ ...input, context: answered, instruction: asked.content }, options, false);
}

// ---- Commas: "trim the intro, fade it in and mute the music", "mute the intro, the outro and the music".

/** The instruction with each comma read as "and", or null if it has none. */
function commaClauses(instruction: string): NormalizedInstruction | null {
  if (!/[,;]/.test(instruction)) return null;
  return normalizeInstruction(instruction.replace(/\s*[,;]+\s*(?:and\s+)?/g, ' and '));
}

/** The comma reading, when it makes an edit whose clips all exist (a list of clips); otherwise null. */
function listedTargets(clauses: NormalizedInstruction, scene: Scene): ParsedCommand | null {
  const command = parseCommand(clauses);
  if (command?.type !== 'edit' || !command.targets.some((target) => target.kind === 'list')) return null;
  return resolveTargets(command.targets, scene).ok ? command : null;
}

// ----

function referenceOnly(target: ClipReference, raw: string, scene: Scene): AssistantResult {
  if (isAdditive(raw)) return finish(repeatLatestEdit(target, scene));
  const clips = resolveReference(target, scene.timeline, scene.context);
  if (!clips.ok) return answer(DID_NOT_UNDERSTAND);
  const again = latestEdit(scene.context) ? ', or add “too” to repeat the last change on it' : '';
  return answer(`What should I do with ${describeClips(clips.value)}? For example “make it a bit longer”${again}.`);
}

function interpretInstruction(
  input: AssistantInput & { context: ChoosingContext },
  options: InterpretOptions,
  answersAllowed: boolean,
): AssistantResult {
  const newClipId = options.newClipId ?? (() => globalThis.crypto.randomUUID());
  const scene: Scene = { timeline: input.timeline, context: input.context, newClipId };
  const normalized = normalizeInstruction(input.instruction);
  if (normalized.text === '') {
    const thanked = /\b(?:thanks|thank you|thx)\b/i.test(input.instruction);
    return answer(thanked ? "You're welcome!" : `Tell me what to change. ${CAPABILITIES}`);
  }
  const instruction = { ...normalized, text: inlineSubject(normalized.text, normalized.quotes) };
  if (answersAllowed) {
    const answered = answerWhichClip(instruction, input, options);
    if (answered) return answered;
  }
  const strength = correctionStrength(input.instruction);
  if (strength) {
    const corrected = correct(strength, instruction.text, instruction.quotes, scene);
    if (corrected) return corrected;
    // With nothing to correct, "no, I meant the intro" is read as "the intro".
    const body = correctionBody(instruction.text);
    if (strength === 'strong' && body !== '') instruction.text = body;
  }
  const clauses = commaClauses(input.instruction);
  // Commas mark clauses when there are any ("trim the intro, fade it in and mute the music").
  const compound =
    (clauses && compoundCommands(clauses.text, clauses.quotes)) ??
    compoundCommands(instruction.text, instruction.quotes);
  if (compound) return performCompound(compound, scene);

  const command = (clauses && listedTargets(clauses, scene)) ?? parseCommand(instruction);
  if (!command) return answer(mentionsFramesWithoutRate(instruction.text) ? NO_FRAME_RATE : DID_NOT_UNDERSTAND);
  switch (command.type) {
    case 'help':
      return answer(CAPABILITIES);
    case 'clarify':
      return answer(command.reply);
    case 'question':
      return answer(command.answer(scene.timeline, scene.context));
    case 'undo':
      return undo(scene.timeline, scene.context, command.count);
    case 'redo':
      return redo(scene.timeline, scene.context, command.count);
    case 'revertMatching':
      return revertMatching(command.match, scene);
    case 'reference':
      if (mentionsFramesWithoutRate(instruction.text)) return answer(NO_FRAME_RATE);
      return referenceOnly(command.target, input.instruction, scene);
    case 'edit':
    case 'repeat':
    case 'adjust':
      return finish(editFor(command, scene) ?? refuse(DID_NOT_UNDERSTAND));
  }
}

/** The deterministic default assistant: maps an instruction to a reply and edits, without I/O. */
export function interpret(input: AssistantInput, options: InterpretOptions = {}): AssistantResult {
  return interpretInstruction(input, options, true);
}

export function createInterpreterAssistant(options: InterpretOptions = {}): Assistant {
  return {
    name: 'interpreter',
    respond: async (input) => interpret(input, options),
  };
}
