import { assemblePrompt, contextBudget } from './context';
import { planToolCalls } from './tools';
import type { Generation, GenerationInput, GenerateOptions, ModelProvider, StreamingAssistant } from './types';

/**
 * A model behind CoDirector: assembles the prompt within the context budget, streams the model's
 * reply, and leaves edits to `plan`, which builds them deterministically from the tool calls.
 */
export function createModelAssistant(provider: ModelProvider, budgetTokens = contextBudget()): StreamingAssistant {
  return {
    name: provider.name,
    streams: true,
    async generate(input: GenerationInput, options: GenerateOptions): Promise<Generation> {
      const prompt = assemblePrompt({ ...input, budgetTokens });
      const { text, toolCalls } = await provider.stream(prompt, options);
      return { reply: text, toolCalls, summary: prompt.summary, folded: prompt.folded };
    },
    plan(generation, timeline, context) {
      const planned = planToolCalls(generation.toolCalls, timeline, context);
      const text = generation.reply.trim();
      if (planned.problems.length > 0) return { reply: text ? `${text}\n\n${planned.reply}` : planned.reply, actions: [] };
      if (!text) return planned;
      return { reply: planned.reply ? `${text}\n\n${planned.reply}` : text, actions: planned.actions };
    },
    // Outside the three-phase path (scripts): one whole answer, no streaming.
    async respond(input) {
      const generation = await this.generate(
        { ...input, editLog: [], messages: input.context.messages.map((message, index) => ({ ...message, seq: index + 1 })), summary: null },
        { signal: new AbortController().signal, onText: () => undefined },
      );
      return this.plan(generation, input.timeline, input.context);
    },
  };
}
