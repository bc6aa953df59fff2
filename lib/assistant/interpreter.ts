import { answer, editFor, finish, repeatLatestEdit, type Scene } from './editing';
import { commaClauses, compoundCommands, listedTargets, MAX_CHANGES_PER_INSTRUCTION, performCompound, TOO_MANY_CHANGES } from './compound';
import { correct } from './corrections';
import { afterWrongClip, correctionBody, correctionStrength, inlineSubject, isAdditive, namesWrongAfter } from './followUps';
import { latestEdit } from './history';
import { normalizeInstruction } from './normalize';
import { mentionsFramesWithoutRate } from './numbers';
import { refuse } from './outcome';
import { parseCommand } from './parseCommand';
import { NO_CLIP_MATCHING, resolveReference, type ChoosingContext, type ClipReference } from './references';
import { CAPABILITIES, DID_NOT_UNDERSTAND, describeClips, quote } from './replies';
import { respellings } from './respelling';
import { revertMatching } from './revertMatching';
import type { Assistant, AssistantInput, AssistantResult } from './types';
import { redo, undo } from './undoRedo';
import { answerWhichClip, type Reinterpret } from './whichClip';

export interface InterpretOptions {
  /** Ids for clips an edit creates (duplicates, split parts, titles); injectable so tests are deterministic. */
  newClipId?: () => string;
}

const NO_FRAME_RATE = "Projects have no frame rate yet, so I can't turn frames into time. Say it in seconds, or give the rate, e.g. “90 frames at 30 fps”.";

/** A bare clip reference: "the intro too" repeats the latest edit there; alone, it asks what to do. */
function referenceOnly(target: ClipReference, raw: string, scene: Scene): AssistantResult {
  if (isAdditive(raw)) return finish(repeatLatestEdit(target, scene));
  const clips = resolveReference(target, scene.timeline, scene.context);
  if (!clips.ok) return answer(DID_NOT_UNDERSTAND);
  const again = latestEdit(scene.context) ? ', or add “too” to repeat the last change on it' : '';
  return answer(`What should I do with ${describeClips(clips.value)}? For example “make it a bit longer”${again}.`);
}

function interpretAsTyped(input: AssistantInput & { context: ChoosingContext }, options: InterpretOptions, answersAllowed: boolean): AssistantResult {
  const newClipId = options.newClipId ?? (() => globalThis.crypto.randomUUID());
  const scene: Scene = { timeline: input.timeline, context: input.context, newClipId };
  const normalized = normalizeInstruction(input.instruction);
  if (normalized.text === '') {
    const thanked = /\b(?:thanks|thank you|thx)\b/i.test(input.instruction);
    return answer(thanked ? "You're welcome!" : `Tell me what to change. ${CAPABILITIES}`);
  }
  const instruction = { ...normalized, text: inlineSubject(normalized.text, normalized.quotes) };
  if (answersAllowed) {
    const reinterpret: Reinterpret = (again, probeIds) => interpretInstruction(again, probeIds ? { newClipId: probeIds } : options, false);
    const answered = answerWhichClip(instruction, input, reinterpret);
    if (answered) return answered;
  }
  const strength = correctionStrength(input.instruction);
  if (strength) {
    // "not the outro, the intro": what follows the wrong clip is the correction.
    const wrongClip = afterWrongClip(input.instruction);
    const corrects = wrongClip === null ? instruction : normalizeInstruction(wrongClip);
    const corrected = correct(strength, corrects.text, corrects.quotes, scene);
    if (corrected) return corrected;
    // With nothing to correct, "no, I meant the intro" is read as "the intro".
    const body = correctionBody(corrects.text);
    if ((strength === 'strong' || namesWrongAfter(input.instruction)) && body !== '') instruction.text = body;
  }
  const clauses = commaClauses(input.instruction);
  // Commas mark clauses when there are any ("trim the intro, fade it in and mute the music").
  const compound = (clauses && compoundCommands(clauses.text, clauses.quotes)) ?? compoundCommands(instruction.text, instruction.quotes);
  if (compound) return compound.length > MAX_CHANGES_PER_INSTRUCTION ? answer(TOO_MANY_CHANGES) : performCompound(compound, scene);

  const parsed = (clauses && listedTargets(clauses, scene)) ?? parseCommand(instruction);
  // A verb with nothing after it ("mute", "fade out too") acts on the clip this session last changed.
  const onLast =
    (parsed === null || parsed.type === 'reference') && latestEdit(scene.context)
      ? parseCommand({ text: `${instruction.text} it`, quotes: instruction.quotes })
      : null;
  // Never a deletion on a guess: "delete" alone is asked about.
  const command = onLast?.type === 'edit' && onLast.spec.action !== 'delete' ? onLast : parsed;
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

/** Not understood as typed, or a phrase named no clip: "shortne the outro" may read as a clip's name. */
function notUnderstood(result: AssistantResult): boolean {
  return result.actions.length === 0 && (result.reply === DID_NOT_UNDERSTAND || result.reply.startsWith(NO_CLIP_MATCHING));
}

/**
 * The instruction as typed; if that is not understood, as respelled ("shortne" → "shorten"), but
 * only when exactly one respelled reading is understood: with two, it asks which was meant.
 */
function interpretInstruction(input: AssistantInput & { context: ChoosingContext }, options: InterpretOptions, answersAllowed: boolean): AssistantResult {
  const asTyped = interpretAsTyped(input, options, answersAllowed);
  if (!notUnderstood(asTyped)) return asTyped;
  // Trial readings take throwaway clip ids, so only the reading acted on uses the real sequence.
  let trialIds = 0;
  const trial = { newClipId: () => `respelling-${trialIds++}` };
  const understood = respellings(input.instruction, input.timeline).filter(
    (instruction) => !notUnderstood(interpretAsTyped({ ...input, instruction }, trial, answersAllowed)),
  );
  if (understood.length === 1) return interpretAsTyped({ ...input, instruction: understood[0] }, options, answersAllowed);
  if (understood.length > 1) return answer(`Did you mean ${understood.map(quote).join(' or ')}?`);
  return asTyped;
}

/**
 * The most the interpreter reads of one instruction (messages may be longer, for model providers):
 * with MAX_CHANGES_PER_INSTRUCTION it bounds the work one instruction can cause.
 */
export const INTERPRETER_MAX_LENGTH = 1000;

export const TOO_LONG = `That's a long instruction — I read up to ${INTERPRETER_MAX_LENGTH.toLocaleString('en')} characters at a time. I changed nothing: send it in shorter parts.`;

/** The deterministic default assistant: maps an instruction to a reply and edits, without I/O. */
export function interpret(input: AssistantInput, options: InterpretOptions = {}): AssistantResult {
  if (input.instruction.trim().length > INTERPRETER_MAX_LENGTH) return answer(TOO_LONG);
  return interpretInstruction(input, options, true);
}

export function createInterpreterAssistant(options: InterpretOptions = {}): Assistant {
  return {
    name: 'interpreter',
    // Settles with the answer worked out now; a throw in interpret still rejects.
    respond: (input) => new Promise((resolve) => resolve(interpret(input, options))),
  };
}
