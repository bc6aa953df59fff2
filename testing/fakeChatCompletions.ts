import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server speaking OpenAI's chat-completions streaming wire format (SSE `data:`
 * chunks, then `data: [DONE]`), answering each request with the next scripted response. Tests of
 * the real provider point OPENAI_BASE_URL at it: no model service is needed.
 */
export interface ScriptedResponse {
  status?: number;
  headers?: Record<string, string>;
  /** Error body for a non-200 status. */
  body?: unknown;
  /** SSE chunks: objects are sent as `data: <json>`, strings as they are. */
  chunks?: (object | string)[];
  /** Milliseconds between chunks. */
  chunkDelayMs?: number;
  /** After the chunks: keep the connection open and send nothing more. */
  stall?: boolean;
  /** After the chunks: destroy the connection (no [DONE]). */
  cut?: boolean;
}

export interface RecordedRequest {
  /** The request's path, e.g. `/v1/chat/completions`. */
  url: string;
  headers: IncomingMessage['headers'];
  body: { model: string; messages: { role: string; content: unknown }[]; tools?: { function: { name: string } }[]; stream?: boolean };
}

export interface FakeChatCompletions {
  url: string;
  requests: RecordedRequest[];
  script(...responses: ScriptedResponse[]): void;
  close(): Promise<void>;
}

let chunkId = 0;
const base = () => ({ id: `chatcmpl-${++chunkId}`, object: 'chat.completion.chunk', created: 1_700_000_000, model: 'fake-model' });

export const textChunk = (content: string) => ({ ...base(), choices: [{ index: 0, delta: { role: 'assistant', content }, finish_reason: null }] });
export const toolCallStart = (index: number, id: string, name: string, args = '') => ({
  ...base(),
  choices: [{ index: 0, delta: { tool_calls: [{ index, id, type: 'function', function: { name, arguments: args } }] }, finish_reason: null }],
});
export const toolCallArgs = (index: number, args: string) => ({
  ...base(),
  choices: [{ index: 0, delta: { tool_calls: [{ index, function: { arguments: args } }] }, finish_reason: null }],
});
export const finish = (reason: 'stop' | 'tool_calls' = 'stop') => ({
  ...base(),
  choices: [{ index: 0, delta: {}, finish_reason: reason }],
  usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
});
export const DONE = '[DONE]';

export async function startFakeChatCompletions(): Promise<FakeChatCompletions> {
  return startScriptedSseServer((chunk) => `data: ${typeof chunk === 'string' ? chunk : JSON.stringify(chunk)}\n\n`);
}

/**
 * The scripted server itself, for any streaming wire format: `frame` turns one scripted chunk into
 * what is written for it (OpenAI: `data: …`; Anthropic: `event: …` and `data: …`).
 */
export async function startScriptedSseServer(frame: (chunk: object | string) => string): Promise<FakeChatCompletions> {
  const queue: ScriptedResponse[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<import('node:net').Socket>();
  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    let raw = '';
    for await (const chunk of request) raw += chunk;
    requests.push({ url: request.url ?? '', headers: request.headers, body: (raw ? JSON.parse(raw) : {}) as RecordedRequest['body'] });
    const next = queue.shift() ?? { status: 500, body: { error: { message: 'no scripted response left' } } };
    if (next.status && next.status !== 200) {
      response.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      response.end(JSON.stringify(next.body ?? { error: { message: `HTTP ${next.status}`, type: 'server_error' } }));
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', ...next.headers });
    for (const chunk of next.chunks ?? []) {
      if (next.chunkDelayMs) await new Promise((resolve) => setTimeout(resolve, next.chunkDelayMs));
      if (response.destroyed || request.socket.destroyed) return;
      response.write(frame(chunk));
    }
    if (next.stall) return;
    if (next.cut) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      request.socket.destroy();
      return;
    }
    response.end();
  };
  const server: Server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      // A broken script or request: say so, and cut the connection so the client fails rather than waits.
      console.error('The scripted SSE server failed to answer:', error);
      response.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...responses) => queue.push(...responses),
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolve());
      }),
  };
}
