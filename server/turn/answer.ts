import type { Executor } from '@/db/client';
import type { Assistant, AssistantInput } from '@/lib/assistant/types';
import { isStreamingAssistant, ProviderError, type StreamingAssistant } from '@/lib/providers/types';
import { registerGeneration, ReplyWriter, STOPPED_REPLY, stoppedError } from '../generations';
import type { Answer, Answered, Turn } from './types';

const TIMED_OUT = 'The model took too long to answer, so I stopped waiting. Nothing was changed. Try again.';
const FAILED = 'The assistant failed while answering. Nothing was changed. Try again.';

/**
 * The `answer` stage, the only one where the assistants differ. A synchronous assistant (the
 * interpreter) answers at once from the turn's context; it may run inside `begin`'s transaction.
 */
export async function answerAtOnce(turn: Turn, assistant: Assistant): Promise<Answered> {
  return {
    kind: 'answered',
    result: await assistant.respond(assistantInput(turn)),
    replan: (timeline, context) => assistant.respond({ timeline, context, instruction: turn.userMessage.content }),
    said: '',
    fold: null,
  };
}

/** The controls of a turn answered outside any transaction: its stop and timeout signal, its streamed text, its registration for stopGeneration. */
export interface LiveGeneration {
  signal: AbortSignal;
  writer: ReplyWriter;
  /** The answer is in: the timeout no longer applies. */
  stopTimer(): void;
  /** The turn is over (its end written): stopGeneration's wait ends. */
  release(): void;
}

/** Starts watching the turn's pending reply: stoppable from any instance (ReplyWriter reads the flag), ended by the timeout. */
export function openGeneration(turn: Turn, db: Executor, timeoutMs: number): LiveGeneration {
  if (turn.reply.kind !== 'stored') throw new Error('A turn answered outside a transaction streams into the reply that begin stored.');
  const replyId = turn.reply.message.id;
  const controller = new AbortController();
  const writer = new ReplyWriter(turn.session, replyId, () => controller.abort(stoppedError()), db);
  const timer = setTimeout(() => controller.abort(new ProviderError('timeout', TIMED_OUT)), timeoutMs);
  let settle: () => void = () => undefined;
  const unregister = registerGeneration(replyId, controller, new Promise<void>((resolve) => (settle = resolve)));
  return {
    signal: controller.signal,
    writer,
    stopTimer: () => clearTimeout(timer),
    release() {
      clearTimeout(timer);
      unregister();
      settle();
    },
  };
}

/**
 * The `answer` stage outside any transaction: a model streams its reply (ReplyWriter writes it as
 * `reply.delta` events); the interpreter's reply is one chunk. A failure, a stop or the timeout ends
 * the turn with the text so far and why.
 */
export async function answerStreamed(turn: Turn, assistant: Assistant, generation: LiveGeneration): Promise<Answer> {
  try {
    return await raceAbort(streamedAnswer(turn, assistant, generation), generation.signal);
  } catch (error) {
    return ended(generation.writer.textSoFar, asProviderError(error, generation.signal));
  } finally {
    generation.stopTimer();
    await generation.writer.close();
  }
}

async function streamedAnswer(turn: Turn, assistant: Assistant, generation: LiveGeneration): Promise<Answer> {
  if (!isStreamingAssistant(assistant)) {
    const answer = await answerAtOnce(turn, assistant);
    generation.writer.append(answer.result.reply);
    return answer;
  }
  return modelAnswer(turn, assistant, generation);
}

async function modelAnswer(turn: Turn, model: StreamingAssistant, generation: LiveGeneration): Promise<Answer> {
  const { context } = turn;
  const generated = await model.generate(
    { ...assistantInput(turn), editLog: context.editLog, messages: context.messages, summary: context.summary },
    { signal: generation.signal, onText: (delta) => generation.writer.append(delta) },
  );
  return {
    kind: 'answered',
    result: model.plan(generated, context.timeline, context.context),
    replan: (timeline, current) => Promise.resolve(model.plan(generated, timeline, current)),
    said: generated.reply.trim(),
    fold: generated.folded ? generated.summary : null,
  };
}

function assistantInput(turn: Turn): AssistantInput {
  return { timeline: turn.context.timeline, context: turn.context.context, instruction: turn.userMessage.content };
}

/** A turn that ended without an answer: a stop keeps what was said; a failure adds why to it. */
function ended(textSoFar: string, error: ProviderError): Answer {
  const text = textSoFar.trim();
  if (error.kind === 'stopped') return { kind: 'ended', status: 'stopped', content: text || STOPPED_REPLY };
  return { kind: 'ended', status: 'failed', content: text ? `${text}\n\n${error.reply}` : error.reply };
}

/** Settles as soon as the signal aborts, even if the provider ignores it. */
function raceAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Why the signal aborted: the Error it was aborted with (a stop or a timeout), or one wrapping anything else. */
function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error('The generation was aborted.', { cause: reason });
}

function asProviderError(error: unknown, signal: AbortSignal): ProviderError {
  if (signal.aborted && signal.reason instanceof ProviderError) return signal.reason;
  if (error instanceof ProviderError) return error;
  return new ProviderError('unavailable', FAILED, { cause: error });
}
