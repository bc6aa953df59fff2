import { ConfigError } from '@/lib/config';
import { getAssistant, isStreamingAssistant, ProviderConfigError } from '..';

describe('ASSISTANT_PROVIDER', () => {
  it('defaults to the interpreter, which answers whole (not streaming)', () => {
    const assistant = getAssistant({});
    expect(assistant.name).toBe('interpreter');
    expect(isStreamingAssistant(assistant)).toBe(false);
  });

  it('openai: a streaming model assistant named after its model', () => {
    const assistant = getAssistant({ ASSISTANT_PROVIDER: 'openai', OPENAI_API_KEY: 'k', OPENAI_MODEL: 'gpt-test' });
    expect(assistant.name).toBe('openai:gpt-test');
    expect(isStreamingAssistant(assistant)).toBe(true);
  });

  it('anthropic: a streaming model assistant, refused in one line without a key', () => {
    expect(getAssistant({ ASSISTANT_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: 'k', ANTHROPIC_MODEL: 'claude-test' }).name).toBe('anthropic:claude-test');
    expect(() => getAssistant({ ASSISTANT_PROVIDER: 'anthropic' })).toThrow(/^ASSISTANT_PROVIDER=anthropic needs ANTHROPIC_API_KEY/);
  });

  it('refuses an unknown provider as a ConfigError (lib/config.ts), naming the known ones', () => {
    expect(() => getAssistant({ ASSISTANT_PROVIDER: 'oracle' })).toThrow(ConfigError);
    expect(() => getAssistant({ ASSISTANT_PROVIDER: 'oracle' })).toThrow('ASSISTANT_PROVIDER="oracle" is not allowed: interpreter, openai or anthropic');
  });

  it('without a key is a ProviderConfigError, not a ConfigError: the key is required only by the provider chosen', () => {
    expect(() => getAssistant({ ASSISTANT_PROVIDER: 'openai' })).toThrow(ProviderConfigError);
  });
});
