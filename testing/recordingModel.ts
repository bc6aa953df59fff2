import type { AssembledPrompt } from '@/lib/providers/context';
import { createModelAssistant } from '@/lib/providers/modelAssistant';
import type { ModelProvider } from '@/lib/providers/types';

/** A model assistant whose provider answers "Noted." with no edit and keeps every prompt it was given, in order. */
export function recordingModel(budgetTokens: number, summarize?: ModelProvider['summarize']) {
  const prompts: AssembledPrompt[] = [];
  const provider: ModelProvider = {
    name: 'recording',
    stream(prompt) {
      prompts.push(prompt);
      return Promise.resolve({ text: 'Noted.', toolCalls: [] });
    },
    ...(summarize ? { summarize } : {}),
  };
  return { assistant: createModelAssistant(provider, budgetTokens), prompts };
}
