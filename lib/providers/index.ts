import { getAssistant as getBuiltInAssistant } from '@/lib/assistant';
import type { Assistant } from '@/lib/assistant/types';
import { createModelAssistant } from './modelAssistant';
import { anthropicSettingsFromEnv, createAnthropicProvider, createOpenAiCompatibleProvider, openAiSettingsFromEnv } from './aiSdk';
import { ProviderConfigError } from './types';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The assistant chosen by ASSISTANT_PROVIDER: `openai` (any OpenAI-compatible chat-completions
 * service), `anthropic`, or the built-in `interpreter` (the default). A provider that cannot work
 * throws a ProviderConfigError with one line saying what to set.
 */
export function getAssistant(env: Env = process.env): Assistant {
  const provider = env.ASSISTANT_PROVIDER?.trim() || 'interpreter';
  if (provider === 'openai') return createModelAssistant(createOpenAiCompatibleProvider(openAiSettingsFromEnv(env)));
  if (provider === 'anthropic') return createModelAssistant(createAnthropicProvider(anthropicSettingsFromEnv(env)));
  if (provider !== 'interpreter') {
    throw new ProviderConfigError(`Unknown ASSISTANT_PROVIDER "${provider}". Known providers: interpreter, openai, anthropic.`);
  }
  return getBuiltInAssistant(env);
}

export { ProviderConfigError, ProviderError, isStreamingAssistant } from './types';
export type { Generation, GenerationInput, ModelProvider, StreamingAssistant } from './types';
