import { EDIT_RULES } from './editRules';
import type { ParsedCommand } from './grammar';
import type { NormalizedInstruction } from './normalize';
import { SESSION_RULES } from './sessionRules';

const RULES = [...SESSION_RULES, ...EDIT_RULES];

/** What the instruction asks for, or null if no rule recognizes it. */
export function parseCommand({ text, quotes }: NormalizedInstruction): ParsedCommand | null {
  for (const rule of RULES) {
    const command = rule(text, quotes);
    if (command) return command;
  }
  return null;
}
