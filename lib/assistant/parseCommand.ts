import { EDIT_RULES } from './editRules';
import type { ParsedCommand } from './grammar';
import { QUESTION_RULES } from './questionRules';
import { parseReference } from './references';
import { RESTORE_RULES, SESSION_RULES } from './sessionRules';

const [HELP_RULE, ...CONVERSATION_RULES] = SESSION_RULES;
const RULES = [HELP_RULE, ...QUESTION_RULES, ...CONVERSATION_RULES, ...EDIT_RULES, ...RESTORE_RULES];

/** What the instruction asks for, or null if no rule recognizes it. */
export function parseCommand({ text, quotes }: { text: string; quotes: readonly string[] }): ParsedCommand | null {
  for (const rule of RULES) {
    const command = rule(text, quotes);
    if (command) return command;
  }
  // A bare clip reference means something only as a follow-up: an answer to "which one?", "the intro too".
  const target = parseReference(text, quotes);
  return target && { type: 'reference', target };
}
