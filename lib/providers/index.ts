import { getAssistant as getBuiltInAssistant } from '@/lib/assistant';
import type { Assistant } from '@/lib/assistant/types';
import { config } from '@/lib/config';
import { createModelAssistant } from './modelAssistant';
import { anthropicSettingsFromEnv, createAnthropicProvider, createOpenAiCompatibleProvider, openAiSettingsFromEnv } from './aiSdk';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The assistant chosen by ASSISTANT_PROVIDER: `openai` (any OpenAI-compatible chat-completions
 * service), `anthropic`, or the built-in `interpreter` (the default). Another value is a
 * ConfigError (lib/config.ts); a provider without its key throws a ProviderConfigError with one
 * line saying what to set.
 */
export function getAssistant(env: Env = process.env): Assistant {
  const provider = config(env).ASSISTANT_PROVIDER;
  if (provider === 'openai') return createModelAssistant(createOpenAiCompatibleProvider(openAiSettingsFromEnv(env)));
  if (provider === 'anthropic') return createModelAssistant(createAnthropicProvider(anthropicSettingsFromEnv(env)));
  return getBuiltInAssistant(env);
}

export { ProviderConfigError, ProviderError, isStreamingAssistant } from './types';
export type { Generation, GenerationInput, ModelProvider, StreamingAssistant } from './types';
