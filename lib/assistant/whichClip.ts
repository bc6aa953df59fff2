/** Answers to "Which clip do you mean?": "the second one", "the beach one", "all of them". */
import { answer } from './editing';
import type { NormalizedInstruction } from './normalize';
import { parseCommand } from './parseCommand';
import { resolveReference, WHICH_CLIP, type ChoosingContext } from './references';
import { quote } from './replies';
import type { AssistantInput, AssistantResult, Clip } from './types';

const ALL_OF_THEM = /^(?:both|all|either|each|every one|both of them|all of them|them all|all \w+ of them|the lot)$/i;

function sameClips(a: readonly Clip[], b: readonly Clip[]): boolean {
  // Clips an earlier part of the same instruction creates get new ids on each reading, so names count too.
  return a.length === b.length && a.every((clip, index) => clip.id === b[index].id || clip.name === b[index].name);
}

/** Interprets an instruction again, with a context that can settle which clip it means. */
export type Reinterpret = (input: AssistantInput & { context: ChoosingContext }, newClipId?: () => string) => AssistantResult;

/**
 * If the assistant just asked which clip, and this message names some of them, the asked-for
 * instruction carried out on those clips; null if this message is something else.
 */
export function answerWhichClip(
  instruction: NormalizedInstruction,
  input: AssistantInput & { context: ChoosingContext },
  reinterpret: Reinterpret,
): AssistantResult | null {
  const { messages } = input.context;
  const question = messages[messages.length - 1];
  const asked = messages[messages.length - 2];
  if (question?.role !== 'assistant' || !question.content.startsWith(WHICH_CLIP) || asked?.role !== 'user') return null;
  const text = instruction.text.replace(/^(?:i mean|i meant|i'd say|the one called|it's|its|it is|that's|thats|go with|use|pick)\s+/i, '');
  const everyOne = ALL_OF_THEM.test(text);
  // "2": the second of the clips listed.
  const listed = /^(?:number |no |#)?(\d+)$/.exec(text) ?? /^(?:the )?(middle)(?: one)?$/i.exec(text);
  // Only a bare clip reference answers; "undo everything" or "trim the intro" is a new request.
  const command = everyOne || listed ? null : parseCommand({ text, quotes: instruction.quotes });
  if (!everyOne && !listed && command?.type !== 'reference') return null;

  // Which clips were in question: the asked-for instruction again, noting the clips it could not choose between.
  const earlier: ChoosingContext = { messages: messages.slice(0, -2), edits: input.context.edits };
  let matching: Clip[] | null = null;
  const capture = (clips: readonly Clip[]): null => {
    matching ??= [...clips];
    return null;
  };
  let probeIds = 0;
  const probe: ChoosingContext = { ...earlier, choose: capture };
  reinterpret({ ...input, context: probe, instruction: asked.content }, () => `probe-${probeIds++}`);
  const among = matching as Clip[] | null;
  if (!among) return null;

  let chosen: Clip[] = among;
  if (listed) {
    const middle = among.length % 2 === 1 ? (among.length + 1) / 2 : 0;
    const askedMiddle = listed[1].toLowerCase() === 'middle';
    const clip = among[(askedMiddle ? middle : Number(listed[1])) - 1];
    if (!clip) {
      const names = among.map((one) => quote(one.name)).join(', ');
      const problem = askedMiddle ? `Of ${among.length} there is no middle one` : `There are only ${among.length}`;
      return answer(`${WHICH_CLIP} ${problem}: ${names}.`);
    }
    chosen = [clip];
  } else if (command?.type === 'reference') {
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
  const choose = (clips: readonly Clip[]): Clip[] | null => (sameClips(clips, among) ? chosen.map((clip) => clips[among.indexOf(clip)]) : null);
  const answered: ChoosingContext = { ...earlier, choose };
  return reinterpret({ ...input, context: answered, instruction: asked.content });
}
