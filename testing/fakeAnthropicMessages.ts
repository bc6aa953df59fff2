import { startScriptedSseServer, type FakeChatCompletions, type RecordedRequest } from './fakeChatCompletions';

/**
 * A local HTTP server speaking Anthropic's Messages streaming wire format (SSE events
 * `message_start`, `content_block_start`/`_delta`/`_stop`, `message_delta`, `message_stop`, with
 * `event:` lines), answering each request with the next scripted response. Tests of the real
 * provider point ANTHROPIC_BASE_URL at `url`.
 */
export type FakeAnthropicMessages = Omit<FakeChatCompletions, 'requests'> & { requests: AnthropicRequest[] };

export interface AnthropicRequest extends Omit<RecordedRequest, 'body'> {
  body: {
    model: string;
    system?: string | { type: string; text: string }[];
    messages: { role: string; content: unknown }[];
    tools?: { name: string; input_schema: unknown }[];
    stream?: boolean;
  };
}

export const messageStart = (id = 'msg_1') => ({
  type: 'message_start',
  message: {
    id,
    type: 'message',
    role: 'assistant',
    content: [],
    model: 'claude-fake',
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: 25, output_tokens: 1 },
  },
});
export const textBlockStart = (index: number) => ({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } });
export const textDelta = (index: number, text: string) => ({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } });
export const toolUseStart = (index: number, id: string, name: string) => ({
  type: 'content_block_start',
  index,
  content_block: { type: 'tool_use', id, name, input: {} },
});
export const inputJsonDelta = (index: number, partialJson: string) => ({
  type: 'content_block_delta',
  index,
  delta: { type: 'input_json_delta', partial_json: partialJson },
});
export const blockStop = (index: number) => ({ type: 'content_block_stop', index });
export const messageDelta = (stopReason: 'end_turn' | 'tool_use' = 'end_turn') => ({
  type: 'message_delta',
  delta: { stop_reason: stopReason, stop_sequence: null },
  usage: { output_tokens: 12 },
});
export const messageStop = () => ({ type: 'message_stop' });
export const ping = () => ({ type: 'ping' });
/** An error event inside an open stream (Anthropic sends these when it is overloaded mid-answer). */
export const streamError = (type = 'overloaded_error', message = 'Overloaded') => ({ type: 'error', error: { type, message } });

/** The usual frame of a text answer around `texts`. */
export const textAnswer = (...texts: string[]) => [
  messageStart(),
  textBlockStart(0),
  ...texts.map((text) => textDelta(0, text)),
  blockStop(0),
  messageDelta(),
  messageStop(),
];

/** An error body as the Messages API sends it with a non-200 status. */
export const errorBody = (type: string, message: string) => ({ type: 'error', error: { type, message } });

export async function startFakeAnthropicMessages(): Promise<FakeAnthropicMessages> {
  const server = await startScriptedSseServer((chunk) =>
    typeof chunk === 'string' ? chunk : `event: ${(chunk as { type: string }).type}\ndata: ${JSON.stringify(chunk)}\n\n`,
  );
  return server as unknown as FakeAnthropicMessages;
}
