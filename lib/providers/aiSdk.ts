import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { APICallError, jsonSchema, RetryError, streamText, tool, type LanguageModel, type ToolSet } from 'ai';
import { z } from 'zod';
import { config } from '@/lib/config';
import type { AssembledPrompt } from './context';
import { TOOL_SCHEMAS, type ToolCallIntent } from './tools';
import { ProviderConfigError, ProviderError, type GenerateOptions, type ModelProvider } from './types';

export interface OpenAiCompatibleSettings {
  baseURL: string;
  apiKey: string;
  model: string;
  /** Retries of a 429 or 5xx (the SDK honours Retry-After). */
  maxRetries: number;
}

type Env = Readonly<Record<string, string | undefined>>;

/** OPENAI_* as lib/config.ts parsed them (a base URL that is not http(s) is a ConfigError there); refuses, in one line, a missing key. */
export function openAiSettingsFromEnv(env: Env): OpenAiCompatibleSettings {
  const { OPENAI_API_KEY: apiKey, OPENAI_BASE_URL: baseURL, OPENAI_MODEL: model, ASSISTANT_MAX_RETRIES: maxRetries } = config(env);
  if (!apiKey) throw new ProviderConfigError('ASSISTANT_PROVIDER=openai needs OPENAI_API_KEY (and optionally OPENAI_BASE_URL, OPENAI_MODEL).');
  return { apiKey, baseURL: baseURL.replace(/\/$/, ''), model, maxRetries };
}

/** The editing tools as the model is told about them; arguments are validated by planToolCalls, not here. */
function editingTools(): ToolSet {
  return Object.fromEntries(
    Object.entries(TOOL_SCHEMAS).map(([name, definition]) => [
      name,
      tool({ description: definition.description, inputSchema: jsonSchema(z.toJSONSchema(definition.input) as never) }),
    ]),
  );
}

/** Any chat-completions service speaking OpenAI's wire format (OpenAI, vLLM, Ollama, LM Studio, gateways). */
export function createOpenAiCompatibleProvider(settings: OpenAiCompatibleSettings): ModelProvider {
  const openai = createOpenAICompatible({ name: 'openai', baseURL: settings.baseURL, apiKey: settings.apiKey });
  return createAiSdkProvider(`openai:${settings.model}`, openai.chatModel(settings.model), settings.maxRetries);
}

export interface AnthropicSettings {
  apiKey: string;
  model: string;
  baseURL?: string;
  maxRetries: number;
}

/** ANTHROPIC_* as lib/config.ts parsed them (a base URL that is not http(s) is a ConfigError there); refuses, in one line, a missing key. */
export function anthropicSettingsFromEnv(env: Env): AnthropicSettings {
  const { ANTHROPIC_API_KEY: apiKey, ANTHROPIC_BASE_URL: baseURL, ANTHROPIC_MODEL: model, ASSISTANT_MAX_RETRIES: maxRetries } = config(env);
  if (!apiKey) throw new ProviderConfigError('ASSISTANT_PROVIDER=anthropic needs ANTHROPIC_API_KEY (and optionally ANTHROPIC_MODEL, ANTHROPIC_BASE_URL).');
  return { apiKey, baseURL, model, maxRetries };
}

export function createAnthropicProvider(settings: AnthropicSettings): ModelProvider {
  const anthropic = createAnthropic({ apiKey: settings.apiKey, ...(settings.baseURL ? { baseURL: settings.baseURL } : {}) });
  return createAiSdkProvider(`anthropic:${settings.model}`, anthropic(settings.model), settings.maxRetries);
}

/**
 * Chat turns through the AI SDK, errors made readable: an answer with the editing tools offered
 * (reply text streamed, tool calls collected), or a summary with none.
 */
function createAiSdkProvider(name: string, model: LanguageModel, maxRetries: number): ModelProvider {
  const tools = editingTools();
  async function chat(prompt: AssembledPrompt, options: GenerateOptions, offered: ToolSet | null) {
    let text = '';
    const toolCalls: ToolCallIntent[] = [];
    try {
      const result = streamText({
        model,
        system: prompt.system,
        messages: prompt.messages,
        ...(offered ? { tools: offered } : {}),
        maxRetries,
        abortSignal: options.signal,
        // Errors arrive as stream parts below; the SDK's default would also log them.
        onError: () => undefined,
      });
      for await (const part of result.fullStream) {
        if (part.type === 'text-delta') {
          text += part.text;
          options.onText(part.text);
        } else if (part.type === 'tool-call') {
          toolCalls.push(part.invalid ? { name: part.toolName, args: part.input, error: String(part.error) } : { name: part.toolName, args: part.input });
        } else if (part.type === 'error') {
          throw part.error;
        } else if (part.type === 'abort') {
          throw options.signal.reason ?? new Error('aborted');
        }
      }
    } catch (error) {
      throw toProviderError(error, options.signal);
    }
    return { text, toolCalls };
  }
  return {
    name,
    stream: (prompt, options) => chat(prompt, options, tools),
    summarize: async (prompt, { signal }) => (await chat(prompt, { signal, onText: () => undefined }, null)).text,
  };
}

/** A readable reason for whatever went wrong talking to the model. */
export function toProviderError(error: unknown, signal?: AbortSignal): ProviderError {
  if (error instanceof ProviderError) return error;
  if (signal?.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof ProviderError) return reason;
    return new ProviderError('timeout', 'The model took too long to answer, so I stopped waiting. Nothing was changed. Try again.', { cause: error });
  }
  const last = error instanceof RetryError ? error.lastError : error;
  if (APICallError.isInstance(last)) {
    if (last.statusCode === 429) {
      return new ProviderError('rate_limited', 'The model service is busy (rate limited). Nothing was changed. Try again in a moment.', { cause: error });
    }
    if (last.statusCode && last.statusCode >= 500) {
      return new ProviderError('unavailable', `The model service failed (HTTP ${last.statusCode}). Nothing was changed. Try again.`, { cause: error });
    }
    if (last.statusCode === 401 || last.statusCode === 403) {
      return new ProviderError('unavailable', 'The model service refused our credentials. Nothing was changed.', { cause: error });
    }
    if (last.statusCode && last.statusCode >= 400) {
      return new ProviderError('unavailable', `The model service refused the request (HTTP ${last.statusCode}). Nothing was changed.`, { cause: error });
    }
  }
  const streamed = streamedErrorType(last);
  if (streamed === 'overloaded_error' || streamed === 'rate_limit_error') {
    return new ProviderError('rate_limited', 'The model service is overloaded. Nothing was changed. Try again in a moment.', { cause: error });
  }
  if (streamed)
    return new ProviderError('unavailable', `The model service reported an error mid-answer (${streamed}). Nothing was changed. Try again.`, { cause: error });
  return new ProviderError('unavailable', 'The connection to the model service failed mid-answer. Nothing was changed. Try again.', { cause: error });
}

/** An error event inside an open stream arrives as its payload, e.g. Anthropic's `{ type: 'overloaded_error', message }`. */
function streamedErrorType(error: unknown): string | null {
  if (typeof error !== 'object' || error === null || error instanceof Error) return null;
  const type = (error as { type?: unknown }).type;
  return typeof type === 'string' && /^[a-z_]+_error$/.test(type) ? type : null;
}
