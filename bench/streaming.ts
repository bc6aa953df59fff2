import { performance } from 'node:perf_hooks';
import { fromGlobalId } from '@/graphql/ids';
import { DONE, finish, startFakeChatCompletions, textChunk, type FakeChatCompletions } from '../testing/fakeChatCompletions';
import type { BenchData } from './generate-data';
import { startOurs, type OursSettings } from './ours';
import { percentile } from './percentile';
import { send, type HttpRequestSpec } from './requests';

/**
 * The streaming path, as a second device sees it: our server with a model provider (the
 * production provider code, over HTTP, against a local server speaking OpenAI's chat-completions
 * wire format), one device sending instructions one after another, and another device's live
 * event stream (`/api/projects/:id/events`) timing, from each send, the first `reply.delta` of
 * that session and the instruction's end (`reply.finished`).
 *
 * The model answers at once and then streams: its first chunk leaves immediately, so the time
 * to the first chunk is ours (the instruction's first transaction, the provider call, the reply
 * writer's batching of DELTA_FLUSH_MS, the event's write and its delivery).
 */
export interface StreamingFigures {
  instructions: number;
  failures: number;
  firstChunk: { p50Ms: number; p99Ms: number };
  finished: { p50Ms: number; p99Ms: number };
}

/** What the scripted model says to every instruction: four chunks, CHUNK_DELAY_MS apart. */
const CHUNKS = ['Sure: ', 'making the outro ', 'a little longer ', 'is a good idea.'];
const CHUNK_DELAY_MS = 20;

export async function measureStreaming(settings: OursSettings, data: BenchData, instructions: number): Promise<StreamingFigures> {
  const model = await startFakeChatCompletions();
  try {
    scriptReplies(model, instructions);
    const ours = await startOurs({ ...settings, logSuffix: '-streaming' }, data, 1, {
      ASSISTANT_PROVIDER: 'openai',
      OPENAI_API_KEY: 'bench',
      OPENAI_BASE_URL: `${model.url}/v1`,
      OPENAI_MODEL: 'fake-model',
    });
    try {
      const otherDevice = await openEventStream(ours.contender.baseUrl, data.otherProjectIds[0], ours.apiHeaders);
      try {
        return await timeInstructions(ours.contender.baseUrl, () => ours.nextSendMessage(), otherDevice, instructions);
      } finally {
        otherDevice.close();
      }
    } finally {
      await ours.process.stop();
    }
  } finally {
    await model.close();
  }
}

function scriptReplies(model: FakeChatCompletions, count: number): void {
  const reply = { chunks: [...CHUNKS.map((text) => textChunk(text)), finish('stop'), DONE], chunkDelayMs: CHUNK_DELAY_MS };
  model.script(...Array.from({ length: count }, () => reply));
}

async function timeInstructions(baseUrl: string, nextRequest: () => HttpRequestSpec, otherDevice: EventStream, count: number): Promise<StreamingFigures> {
  const firstChunk: number[] = [];
  const finished: number[] = [];
  let failures = 0;
  for (let index = 0; index < count; index += 1) {
    const request = nextRequest();
    const sessionId = sessionOf(request);
    const sentAt = performance.now();
    const firstDelta = otherDevice.next('reply.delta', sessionId);
    const end = otherDevice.next('reply.finished', sessionId);
    const response = await send(baseUrl, request);
    if (response.status !== 200 || response.text.includes('"errors"')) {
      failures += 1;
      otherDevice.forget();
      continue;
    }
    firstChunk.push((await firstDelta) - sentAt);
    finished.push((await end) - sentAt);
  }
  const figures = (times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    return { p50Ms: percentile(sorted, 0.5), p99Ms: percentile(sorted, 0.99) };
  };
  return { instructions: count, failures, firstChunk: figures(firstChunk), finished: figures(finished) };
}

function sessionOf(request: HttpRequestSpec): string {
  const globalId = (JSON.parse(request.body ?? '{}') as { variables?: { input?: { sessionId?: string } } }).variables?.input?.sessionId;
  const id = globalId ? fromGlobalId(globalId)?.id : undefined;
  if (!id) throw new Error('streaming: a sendMessage request without a session id.');
  return id;
}

/** A device's live event stream: `next(type, sessionId)` resolves with the arrival time of the next such event. */
interface EventStream {
  next(type: string, sessionId: string): Promise<number>;
  /** Drops the waits of an instruction that failed. */
  forget(): void;
  close(): void;
}

const EVENT_TIMEOUT_MS = 30_000;

async function openEventStream(baseUrl: string, projectId: string, headers: Record<string, string>): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(new URL(`/api/projects/${projectId}/events`, baseUrl), { headers, signal: abort.signal });
  if (response.status !== 200 || !response.body) throw new Error(`streaming: the event stream answered ${response.status}.`);
  const waiting: { type: string; sessionId: string; resolve: (at: number) => void }[] = [];
  void readEvents(response.body, (type, data) => {
    const at = performance.now();
    const sessionId = (JSON.parse(data) as { sessionId?: string }).sessionId;
    const index = waiting.findIndex((wait) => wait.type === type && wait.sessionId === sessionId);
    if (index >= 0) waiting.splice(index, 1)[0].resolve(at);
  }).catch(() => undefined);
  return {
    next: (type, sessionId) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`streaming: no ${type} within ${EVENT_TIMEOUT_MS} ms.`)), EVENT_TIMEOUT_MS);
        waiting.push({ type, sessionId, resolve: (at) => (clearTimeout(timer), resolve(at)) });
      }),
    forget: () => {
      waiting.splice(0, waiting.length);
    },
    close: () => abort.abort(),
  };
}

/** Server-Sent Events from a response body: each event's type and data. */
async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (type: string, data: string) => void): Promise<void> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffered = '';
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    buffered += decoder.decode(read.value, { stream: true });
    let boundary: number;
    while ((boundary = buffered.indexOf('\n\n')) >= 0) {
      const block = buffered.slice(0, boundary);
      buffered = buffered.slice(boundary + 2);
      const type = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (type && data) onEvent(type, data);
    }
  }
}
