import { ConfigError } from '@/lib/config';
import { getAssistant } from '..';
import { anthropicSettingsFromEnv, createAnthropicProvider } from '../aiSdk';
import { planToolCalls } from '../tools';
import { isStreamingAssistant, type ModelProvider } from '../types';
import {
  blockStop,
  errorBody,
  inputJsonDelta,
  messageDelta,
  messageStart,
  messageStop,
  ping,
  startFakeAnthropicMessages,
  streamError,
  textAnswer,
  textBlockStart,
  textDelta,
  toolUseStart,
} from '@/testing/fakeAnthropicMessages';
import { startedForEachTest } from '@/testing/lifecycle';
import { CONTRACT_TIMELINE, failedStream, providerFailure, streamPrompt } from '@/testing/providerContract';

/**
 * The production Anthropic provider (AI SDK + @ai-sdk/anthropic) talking HTTP to a local server
 * that speaks the Messages streaming wire format with scripted answers (ANTHROPIC_BASE_URL).
 */
const NO_EDITS = { messages: [], edits: [] };
// The fake model's name is unknown to the SDK, which would warn about its output limit on every call.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

const fake = startedForEachTest(startFakeAnthropicMessages);

function provider(maxRetries = 0): ModelProvider {
  return createAnthropicProvider(
    anthropicSettingsFromEnv({
      ANTHROPIC_API_KEY: 'test-key',
      ANTHROPIC_BASE_URL: fake().url,
      ANTHROPIC_MODEL: 'claude-fake',
      ASSISTANT_MAX_RETRIES: String(maxRetries),
    }),
  );
}

describe('the Anthropic provider over HTTP', () => {
  it('streams text deltas in order and sends the prompt, the tools, the model and the key to <base>/messages', async () => {
    fake().script({
      chunks: [
        messageStart(),
        textBlockStart(0),
        ping(),
        textDelta(0, 'Making '),
        textDelta(0, 'the outro '),
        textDelta(0, 'longer.'),
        blockStop(0),
        messageDelta(),
        messageStop(),
      ],
    });
    const result = await streamPrompt(provider());
    expect(result.deltas).toEqual(['Making ', 'the outro ', 'longer.']);
    expect(result.text).toBe('Making the outro longer.');
    expect(result.toolCalls).toEqual([]);
    const [request] = fake().requests;
    expect(request.url).toBe('/v1/messages');
    expect(request.headers['x-api-key']).toBe('test-key');
    expect(request.headers['anthropic-version']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(request.body).toMatchObject({ model: 'claude-fake', stream: true });
    expect(JSON.stringify(request.body.system)).toContain('[clip-outro] \\"Outro\\": outro, 5.0 s');
    expect(JSON.stringify(request.body.messages.at(-1))).toContain('make the outro a bit longer');
    expect(request.body.tools?.map((tool) => tool.name)).toEqual(expect.arrayContaining(['lengthen', 'move', 'delete', 'fade', 'mute', 'undo']));
  });

  it('assembles a tool_use whose input arrives as input_json_delta split across chunks', async () => {
    fake().script({
      chunks: [
        messageStart(),
        toolUseStart(0, 'toolu_1', 'lengthen'),
        inputJsonDelta(0, ''),
        inputJsonDelta(0, '{"clip'),
        inputJsonDelta(0, 'Id": "clip-outro",'),
        inputJsonDelta(0, ' "ms": 2000}'),
        blockStop(0),
        messageDelta('tool_use'),
        messageStop(),
      ],
    });
    const result = await streamPrompt(provider());
    expect(result.toolCalls).toEqual([{ name: 'lengthen', args: { clipId: 'clip-outro', ms: 2000 } }]);
    const plan = planToolCalls(result.toolCalls, CONTRACT_TIMELINE, NO_EDITS);
    expect(plan.reply).toBe('Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.');
    expect(plan.actions).toHaveLength(1);
  });

  it('collects text and several tool_use blocks of one turn, in order', async () => {
    fake().script({
      chunks: [
        messageStart(),
        textBlockStart(0),
        textDelta(0, 'Two changes.'),
        blockStop(0),
        toolUseStart(1, 'toolu_1', 'mute'),
        inputJsonDelta(1, '{"clipId":"clip-beach"}'),
        blockStop(1),
        toolUseStart(2, 'toolu_2', 'move'),
        inputJsonDelta(2, '{"clipId":"clip-outro",'),
        inputJsonDelta(2, '"toPosition":1}'),
        blockStop(2),
        messageDelta('tool_use'),
        messageStop(),
      ],
    });
    const result = await streamPrompt(provider());
    expect(result.text).toBe('Two changes.');
    expect(result.toolCalls).toEqual([
      { name: 'mute', args: { clipId: 'clip-beach' } },
      { name: 'move', args: { clipId: 'clip-outro', toPosition: 1 } },
    ]);
    const plan = planToolCalls(result.toolCalls, CONTRACT_TIMELINE, NO_EDITS);
    expect(plan.problems).toEqual([]);
    expect(plan.actions).toHaveLength(2);
  });

  it('retries a 429 after its retry-after, then answers', async () => {
    fake().script(
      { status: 429, headers: { 'retry-after': '0' }, body: errorBody('rate_limit_error', 'Number of requests has exceeded your rate limit') },
      { chunks: textAnswer('Done.') },
    );
    const result = await streamPrompt(provider(1));
    expect(result.text).toBe('Done.');
    expect(fake().requests).toHaveLength(2);
  });

  it('turns a 429 that outlasts the retries into a readable rate-limited reply', async () => {
    fake().script(
      { status: 429, headers: { 'retry-after': '0' }, body: errorBody('rate_limit_error', 'slow down') },
      { status: 429, headers: { 'retry-after': '0' }, body: errorBody('rate_limit_error', 'slow down') },
    );
    const error = await providerFailure(streamPrompt(provider(1)));
    expect(error.kind).toBe('rate_limited');
    expect(error.reply).toMatch(/busy \(rate limited\)\. Nothing was changed/);
    expect(fake().requests).toHaveLength(2);
  });

  it('turns a 500 into a readable reply naming the status', async () => {
    fake().script({ status: 500, body: errorBody('api_error', 'Internal server error') });
    const error = await providerFailure(streamPrompt(provider()));
    expect(error.kind).toBe('unavailable');
    expect(error.reply).toBe('The model service failed (HTTP 500). Nothing was changed. Try again.');
  });

  it('turns an error event inside the stream into a readable failure after the text so far, naming an overload', async () => {
    fake().script({ chunks: [messageStart(), textBlockStart(0), textDelta(0, 'Let me'), streamError()] });
    const { error, deltas } = await failedStream(provider());
    expect(error.kind).toBe('rate_limited');
    expect(error.reply).toBe('The model service is overloaded. Nothing was changed. Try again in a moment.');
    expect(deltas).toEqual(['Let me']);

    fake().script({ chunks: [messageStart(), textBlockStart(0), streamError('api_error', 'Internal server error')] });
    const other = await providerFailure(streamPrompt(provider()));
    expect(other.kind).toBe('unavailable');
    expect(other.reply).toBe('The model service reported an error mid-answer (api_error). Nothing was changed. Try again.');
  });

  it('gives up on a stalled stream when its signal times out, keeping the text that arrived', async () => {
    fake().script({ chunks: [messageStart(), textBlockStart(0), textDelta(0, 'Thinking')], stall: true });
    const { error, deltas, elapsedMs } = await failedStream(provider(), AbortSignal.timeout(500));
    expect(elapsedMs).toBeLessThan(3000);
    expect(error.kind).toBe('timeout');
    expect(error.reply).toMatch(/took too long/);
    expect(deltas).toEqual(['Thinking']);
  });

  it('reports a connection cut mid-stream as a readable failure after the text so far', async () => {
    fake().script({ chunks: [messageStart(), textBlockStart(0), textDelta(0, 'Making the'), textDelta(0, ' outro')], cut: true });
    const { error, deltas } = await failedStream(provider());
    expect(error.kind).toBe('unavailable');
    expect(error.reply).toMatch(/failed mid-answer/);
    expect(deltas.join('')).toBe('Making the outro');
  });

  it('turns malformed tool input (not JSON, or the wrong shape) into a reply that says what went wrong, and no edit', async () => {
    fake().script({
      chunks: [
        messageStart(),
        toolUseStart(0, 'toolu_1', 'lengthen'),
        inputJsonDelta(0, '{"clipId": "clip-outro", "ms": 20'),
        blockStop(0),
        toolUseStart(1, 'toolu_2', 'fade'),
        inputJsonDelta(1, '{"clipId":"clip-intro","direction":"sideways","ms":1000}'),
        blockStop(1),
        messageDelta('tool_use'),
        messageStop(),
      ],
    });
    const result = await streamPrompt(provider());
    const plan = planToolCalls(result.toolCalls, CONTRACT_TIMELINE, NO_EDITS);
    expect(plan.actions).toEqual([]);
    expect(plan.reply).toMatch(/the arguments of lengthen were not valid JSON/);
    expect(plan.reply).toMatch(/fade got invalid arguments \(direction: /);
    expect(plan.reply).toMatch(/Nothing was changed\.$/);
  });
});

describe('ASSISTANT_PROVIDER=anthropic end to end', () => {
  it('reads ANTHROPIC_BASE_URL: the model assistant streams from the server it names', async () => {
    fake().script({ chunks: textAnswer('Hello ', 'there.') });
    const assistant = getAssistant({ ASSISTANT_PROVIDER: 'anthropic', ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: fake().url, ANTHROPIC_MODEL: 'claude-fake' });
    expect(isStreamingAssistant(assistant)).toBe(true);
    if (!isStreamingAssistant(assistant)) return;
    const deltas: string[] = [];
    const generation = await assistant.generate(
      { timeline: CONTRACT_TIMELINE, context: NO_EDITS, editLog: [], messages: [], summary: null, instruction: 'hi' },
      { signal: new AbortController().signal, onText: (delta) => deltas.push(delta) },
    );
    expect(generation.reply).toBe('Hello there.');
    expect(deltas).toEqual(['Hello ', 'there.']);
    expect(fake().requests[0].body.model).toBe('claude-fake');
  });

  it('refuses a base URL that is not an http(s) URL, in one line: a ConfigError naming it (lib/config.ts)', () => {
    expect(() => anthropicSettingsFromEnv({ ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: 'api.anthropic.com' })).toThrow(ConfigError);
    expect(() => anthropicSettingsFromEnv({ ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: 'api.anthropic.com' })).toThrow(
      /^ANTHROPIC_BASE_URL="api.anthropic.com" is not allowed: an http\(s\) URL$/,
    );
    expect(anthropicSettingsFromEnv({ ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9/v1' })).toMatchObject({
      baseURL: 'http://127.0.0.1:9/v1',
      model: 'claude-3-5-haiku-latest',
    });
  });
});
