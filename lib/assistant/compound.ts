/**
 * Instructions of several parts: "shorten the intro and fade out the outro", "mute the tram
 * ride, then move it to the end". The parts apply in order, all or nothing, and are stored as
 * one edit so one "undo" reverts them together. Commas separate clauses (and list clips).
 */
import { editFor, answer, resolveTargets, type Scene } from './editing';
import { cutsAround, type ParsedCommand } from './grammar';
import { inlineSubject } from './followUps';
import { normalizeInstruction, type NormalizedInstruction } from './normalize';
import { applyOperations, invertOperations } from '@/lib/timeline/operations';
import { parseCommand } from './parseCommand';
import { DID_NOT_UNDERSTAND, lowerFirst } from './replies';
import type { AssistantResult, EditIntent, NewEdit, SessionEdit } from './types';

const COMPOUND_SEPARATOR = /and then after that|then after that|and then|and also|and afterwards|and after that|after that|afterwards|then|and|plus|also/;

/** The most changes one instruction may ask for; an instruction of more parts is answered with TOO_MANY_CHANGES. */
export const MAX_CHANGES_PER_INSTRUCTION = 8;

/** How many separators one part may contain: "move the intro and the outro to the end" has one. */
const MAX_SEPARATORS_IN_A_PART = 3;

export const TOO_MANY_CHANGES = `That's a lot at once — I can do up to ${MAX_CHANGES_PER_INSTRUCTION} changes per instruction. I changed nothing: send them in smaller groups.`;

function isEditCommand(command: ParsedCommand | null): command is ParsedCommand {
  return command !== null && (command.type === 'edit' || command.type === 'repeat' || command.type === 'adjust');
}

/**
 * "shorten the intro and fade out the outro" → two commands; null unless every part is an edit of its own.
 *
 * The first reading wins, shortest first part first. Each part is parsed once from each separator
 * (memoized), and no part spans more than MAX_SEPARATORS_IN_A_PART separators, so the work grows
 * linearly with the text: trying every cut recursively doubled it with each separator.
 */
export function compoundCommands(text: string, quotes: readonly string[]): ParsedCommand[] | null {
  const cuts = cutsAround(text, COMPOUND_SEPARATOR).map(([left, separator]) => ({
    start: left.length,
    end: left.length + separator.length + 2,
  }));
  if (cuts.length === 0) return null;
  const parse = (from: number, to: number) => parseCommand({ text: text.slice(from, to).trim(), quotes });
  const partsAfter = new Map<number, ParsedCommand[] | null>();

  /** Two or more edits that read the text from `from`, their first part ending at a cut after `firstCut`. */
  function editsFrom(from: number, firstCut: number): ParsedCommand[] | null {
    const lastCut = Math.min(cuts.length - 1, firstCut + MAX_SEPARATORS_IN_A_PART);
    for (let cut = firstCut; cut <= lastCut; cut += 1) {
      const first = parse(from, cuts[cut].start);
      if (first?.type !== 'edit') continue;
      const rest = restAfter(cut);
      if (rest) return [first, ...rest];
    }
    return null;
  }

  /** The parts after cut `cut`: several edits, else one edit, repeat or adjustment up to the end. */
  function restAfter(cut: number): ParsedCommand[] | null {
    if (!partsAfter.has(cut)) {
      const several = editsFrom(cuts[cut].end, cut + 1);
      const lastFits = cuts.length - 1 - cut <= MAX_SEPARATORS_IN_A_PART;
      const last = several || !lastFits ? null : parse(cuts[cut].end, text.length);
      partsAfter.set(cut, several ?? (isEditCommand(last) ? [last] : null));
    }
    return partsAfter.get(cut) ?? null;
  }

  return editsFrom(0, 0);
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
  const description = edits.map((edit, index) => (index === 0 ? edit.description : lowerFirst(edit.description))).join('; ');
  return { description, intent, operations, inverse: invertOperations(operations) };
}

export function performCompound(commands: readonly ParsedCommand[], scene: Scene): AssistantResult {
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

/** The instruction with each comma read as "and", or null if it has none. */
export function commaClauses(instruction: string): NormalizedInstruction | null {
  if (!/[,;]/.test(instruction)) return null;
  const clauses = normalizeInstruction(instruction.replace(/\s*[,;]+\s*(?:and\s+)?/g, ' and '));
  return { ...clauses, text: inlineSubject(clauses.text, clauses.quotes) };
}

/** The comma reading, when it makes an edit whose clips all exist (a list of clips); otherwise null. */
export function listedTargets(clauses: NormalizedInstruction, scene: Scene): ParsedCommand | null {
  const command = parseCommand(clauses);
  if (command?.type !== 'edit' || !command.targets.some((target) => target.kind === 'list')) return null;
  return resolveTargets(command.targets, scene).ok ? command : null;
}
