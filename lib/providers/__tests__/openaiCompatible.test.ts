import { ConfigError } from '@/lib/config';
import { createOpenAiCompatibleProvider, openAiSettingsFromEnv } from '../aiSdk';
import { summaryPrompt } from '../context';
import { planToolCalls } from '../tools';
import { ProviderConfigError, type ModelProvider } from '../types';
import { DONE, finish, startFakeChatCompletions, textChunk, toolCallArgs, toolCallStart } from '@/testing/fakeChatCompletions';
import { startedForEachTest } from '@/testing/lifecycle';
import { CONTRACT_TIMELINE, failedStream, providerFailure, streamPrompt } from '@/testing/providerContract';

/**
 * The production provider (AI SDK + @ai-sdk/openai-compatible) talking HTTP to a local server
 * that speaks the chat-completions streaming wire format with scripted answers.
 */
const fake = startedForEachTest(startFakeChatCompletions);

function provider(maxRetries = 0): ModelProvider {
  return createOpenAiCompatibleProvider({ baseURL: fake().url, apiKey: 'test-key', model: 'fake-model', maxRetries });
}

describe('the OpenAI-compatible provider over HTTP', () => {
  it('streams text deltas in order and sends the assembled prompt, the tools, the model and the key', async () => {
    fake().script({ chunks: [textChunk('Making '), textChunk('the outro '), textChunk('longer.'), finish(), DONE] });
    const result = await streamPrompt(provider());
    expect(result.deltas).toEqual(['Making ', 'the outro ', 'longer.']);
    expect(result.text).toBe('Making the outro longer.');
    expect(result.toolCalls).toEqual([]);
    const [request] = fake().requests;
    expect(request.headers.authorization).toBe('Bearer test-key');
    expect(request.body.model).toBe('fake-model');
    expect(request.body.stream).toBe(true);
    expect(request.body.messages[0]).toMatchObject({ role: 'system' });
    expect(String(request.body.messages[0].content)).toContain('[clip-outro] "Outro": outro, 5.0 s');
    expect(request.body.messages.at(-1)).toMatchObject({ role: 'user', content: 'make the outro a bit longer' });
    expect(request.body.tools?.map((tool) => tool.function.name)).toEqual(expect.arrayContaining(['lengthen', 'move', 'delete', 'fade', 'mute', 'undo']));
  });

  it('writes a summary of folded turns with no tools offered: the summary prompt in, the streamed text out', async () => {
    fake().script({ chunks: [textChunk('- The editor asked for a '), textChunk('longer outro; done.'), finish(), DONE] });
    const prompt = summaryPrompt(
      [
        { seq: 1, role: 'user', content: 'make the outro a bit longer' },
        { seq: 2, role: 'assistant', content: 'Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.' },
      ],
      '- The editor muted the music.',
    );
    const text = await provider().summarize!(prompt, { signal: new AbortController().signal });
    expect(text).toBe('- The editor asked for a longer outro; done.');
    const [request] = fake().requests;
    expect(request.body.tools).toBeUndefined();
    expect(request.body.messages).toEqual([
      { role: 'system', content: prompt.system },
      {
        role: 'user',
        content:
          'The summary so far:\n- The editor muted the music.\n\nThe turns to add to it:\nEditor: make the outro a bit longer\nCoDirector: Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.',
      },
    ]);
  });

  it('assembles a tool call whose arguments arrive split across chunks', async () => {
    fake().script({
      chunks: [
        toolCallStart(0, 'call_1', 'lengthen'),
        toolCallArgs(0, '{"clip'),
        toolCallArgs(0, 'Id":"clip-outro",'),
        toolCallArgs(0, '"ms":2000}'),
        finish('tool_calls'),
        DONE,
      ],
    });
    const result = await streamPrompt(provider());
    expect(result.toolCalls).toEqual([{ name: 'lengthen', args: { clipId: 'clip-outro', ms: 2000 } }]);
    const plan = planToolCalls(result.toolCalls, CONTRACT_TIMELINE, { messages: [], edits: [] });
    expect(plan.reply).toBe('Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.');
    expect(plan.actions).toHaveLength(1);
  });

  it('collects several tool calls of one turn, with text, in order', async () => {
    fake().script({
      chunks: [
        textChunk('Two changes.'),
        toolCallStart(0, 'call_1', 'mute', '{"clipId":"clip-beach"}'),
        toolCallStart(1, 'call_2', 'move', '{"clipId":"clip-outro",'),
        toolCallArgs(1, '"toPosition":1}'),
        finish('tool_calls'),
        DONE,
      ],
    });
    const result = await streamPrompt(provider());
    expect(result.text).toBe('Two changes.');
    expect(result.toolCalls).toEqual([
      { name: 'mute', args: { clipId: 'clip-beach' } },
      { name: 'move', args: { clipId: 'clip-outro', toPosition: 1 } },
    ]);
    const plan = planToolCalls(result.toolCalls, CONTRACT_TIMELINE, { messages: [], edits: [] });
    expect(plan.problems).toEqual([]);
    expect(plan.actions).toHaveLength(2);
  });

  it('retries a 429 after its Retry-After, then answers', async () => {
    fake().script(
      { status: 429, headers: { 'retry-after': '0' }, body: { error: { message: 'Rate limit reached', type: 'rate_limit' } } },
      { chunks: [textChunk('Done.'), finish(), DONE] },
    );
    const result = await streamPrompt(provider(1));
    expect(result.text).toBe('Done.');
    expect(fake().requests).toHaveLength(2);
  });

  it('turns a 429 that outlasts the retries into a readable rate-limited reply', async () => {
    fake().script({ status: 429, headers: { 'retry-after': '0' } }, { status: 429, headers: { 'retry-after': '0' } });
    const error = await providerFailure(streamPrompt(provider(1)));
    expect(error.kind).toBe('rate_limited');
    expect(error.reply).toMatch(/busy \(rate limited\)\. Nothing was changed/);
  });

  it('turns a 500 into a readable reply naming the status', async () => {
    fake().script({ status: 500 });
    const error = await providerFailure(streamPrompt(provider()));
    expect(error.kind).toBe('unavailable');
    expect(error.reply).toBe('The model service failed (HTTP 500). Nothing was changed. Try again.');
  });

  it('gives up on a stalled stream when its signal times out, keeping the text that arrived', async () => {
    fake().script({ chunks: [textChunk('Thinking')], stall: true });
    const { error, deltas, elapsedMs } = await failedStream(provider(), AbortSignal.timeout(500));
    expect(elapsedMs).toBeLessThan(3000);
    expect(error.kind).toBe('timeout');
    expect(error.reply).toMatch(/took too long/);
    expect(deltas).toEqual(['Thinking']);
  });

  it('reports a connection cut mid-stream as a readable failure after the text so far', async () => {
    fake().script({ chunks: [textChunk('Making the'), textChunk(' outro')], cut: true });
    const { error, deltas } = await failedStream(provider());
    expect(error.kind).toBe('unavailable');
    expect(error.reply).toMatch(/failed mid-answer/);
    expect(deltas.join('')).toBe('Making the outro');
  });

  it('turns malformed tool arguments into a reply that says what went wrong, and no edit', async () => {
    fake().script({
      chunks: [
        toolCallStart(0, 'call_1', 'lengthen', '{"clipId":"clip-outro","ms":"a bit"}'),
        toolCallStart(1, 'call_2', 'fade', '{"clipId":"clip-intro","direction":"sideways","ms":1000}'),
        finish('tool_calls'),
        DONE,
      ],
    });
    const result = await streamPrompt(provider());
    const plan = planToolCalls(result.toolCalls, CONTRACT_TIMELINE, { messages: [], edits: [] });
    expect(plan.actions).toEqual([]);
    expect(plan.reply).toMatch(/lengthen got invalid arguments \(ms: /);
    expect(plan.reply).toMatch(/fade got invalid arguments \(direction: /);
    expect(plan.reply).toMatch(/Nothing was changed\.$/);
  });

  it('turns a tool call whose arguments are not JSON, or an unknown tool, into a reply and no edit', async () => {
    fake().script({
      chunks: [
        toolCallStart(0, 'call_1', 'lengthen', '{"clipId": "clip-outro", "ms": 20'),
        toolCallStart(1, 'call_2', 'teleport', '{}'),
        finish('tool_calls'),
        DONE,
      ],
    });
    const result = await streamPrompt(provider());
    const plan = planToolCalls(result.toolCalls, CONTRACT_TIMELINE, { messages: [], edits: [] });
    expect(plan.actions).toEqual([]);
    expect(plan.reply).toMatch(/teleport/);
    expect(plan.reply).toMatch(/Nothing was changed\.$/);
  });
});

describe('provider configuration', () => {
  it('refuses, in one line, ASSISTANT_PROVIDER=openai without a key', () => {
    expect(() => openAiSettingsFromEnv({ ASSISTANT_PROVIDER: 'openai' })).toThrow(ProviderConfigError);
    expect(() => openAiSettingsFromEnv({ ASSISTANT_PROVIDER: 'openai' })).toThrow(/^ASSISTANT_PROVIDER=openai needs OPENAI_API_KEY/);
  });

  it('refuses a base URL that is not an http(s) one, as a ConfigError naming it (lib/config.ts)', () => {
    expect(() => openAiSettingsFromEnv({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'localhost:1234' })).toThrow(ConfigError);
    expect(() => openAiSettingsFromEnv({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'not a url' })).toThrow(
      'OPENAI_BASE_URL="not a url" is not allowed: an http(s) URL',
    );
  });

  it('reads a usable configuration', () => {
    expect(openAiSettingsFromEnv({ OPENAI_API_KEY: 'k', OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1/', OPENAI_MODEL: 'm' })).toEqual({
      apiKey: 'k',
      baseURL: 'http://127.0.0.1:8080/v1',
      model: 'm',
      maxRetries: 2,
    });
  });
});
