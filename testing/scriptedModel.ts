import { createModelAssistant } from '@/lib/providers/modelAssistant';
import type { ToolCallIntent } from '@/lib/providers/tools';
import type { ModelProvider, ProviderError } from '@/lib/providers/types';

export interface Step {
  /** Wait before answering (ignores nothing: a stop or timeout ends the wait). */
  delayMs?: number;
  deltas?: string[];
  deltaEveryMs?: number;
  toolCalls?: (timeline: { id: string; name: string }[]) => ToolCallIntent[];
  fail?: ProviderError;
}

/** Why the signal aborted, as the Error it is (a stop or a timeout) or wrapped in one. */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error('Aborted', { cause: reason });
}

/** A model that answers each call with the next step; records the prompts it was given. */
export function scriptedModel(...steps: Step[]) {
  const prompts: string[] = [];
  const provider: ModelProvider = {
    name: 'scripted',
    async stream(prompt, { signal, onText }) {
      prompts.push(prompt.system);
      const step = steps.shift() ?? {};
      const wait = (ms: number) =>
        new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, ms);
          signal.addEventListener('abort', () => (clearTimeout(timer), reject(abortReason(signal))), { once: true });
        });
      if (step.delayMs) await wait(step.delayMs);
      let text = '';
      for (const delta of step.deltas ?? []) {
        if (step.deltaEveryMs) await wait(step.deltaEveryMs);
        text += delta;
        onText(delta);
      }
      if (step.fail) throw step.fail;
      const clips = [...prompt.system.matchAll(/\[([0-9a-f-]{36})\] "([^"]+)"/g)].map((match) => ({ id: match[1], name: match[2] }));
      return { text, toolCalls: step.toolCalls?.(clips) ?? [] };
    },
  };
  return { assistant: createModelAssistant(provider, 8000), prompts };
}

export const idOf = (clips: { id: string; name: string }[], name: string) => clips.find((clip) => clip.name === name)!.id;
