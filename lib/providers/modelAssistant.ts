import { assemblePrompt, contextBudget, foldedTurns, summaryPrompt, usableSummary, type SessionSummary } from './context';
import { planToolCalls } from './tools';
import type { Generation, GenerationInput, GenerateOptions, ModelProvider, StreamingAssistant } from './types';

/**
 * A model behind CoDirector: assembles the prompt within the context budget, streams the model's
 * reply, and leaves edits to `plan`, which builds them deterministically from the tool calls.
 * When the budget folds older turns, a provider that can summarize writes the summary that
 * replaces them (else they stay the deterministic lines).
 */
export function createModelAssistant(provider: ModelProvider, budgetTokens = contextBudget()): StreamingAssistant {
  return {
    name: provider.name,
    streams: true,
    async generate(input: GenerationInput, options: GenerateOptions): Promise<Generation> {
      let prompt = assemblePrompt({ ...input, budgetTokens });
      if (prompt.folded && prompt.summary) {
        const written = await writtenSummary(provider, input, prompt.summary, options.signal);
        // Assembled again around the model's summary: still within the budget, folding more if needed.
        if (written) prompt = { ...assemblePrompt({ ...input, summary: written, budgetTokens }), folded: true };
      }
      const { text, toolCalls } = await provider.stream(prompt, options);
      return { reply: text, toolCalls, summary: prompt.summary, folded: prompt.folded };
    },
    summarizeFold: (session, folded, signal) => writtenSummary(provider, session, folded, signal),
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

/**
 * The model's summary of the turns this instruction folds, merged with the summary so far; null
 * when the provider cannot write one, fails, or writes nothing usable (the deterministic lines
 * stay). Stopping the instruction stops this too.
 */
async function writtenSummary(
  provider: ModelProvider,
  input: Pick<GenerationInput, 'messages' | 'summary'>,
  folded: SessionSummary,
  signal: AbortSignal,
): Promise<SessionSummary | null> {
  if (!provider.summarize) return null;
  try {
    const text = await provider.summarize(summaryPrompt(foldedTurns(input.messages, input.summary, folded), input.summary?.text ?? null), { signal });
    const usable = usableSummary(text);
    return usable ? { text: usable, throughSeq: folded.throughSeq } : null;
  } catch (error) {
    if (signal.aborted) throw error;
    return null;
  }
}
