import { newClip } from '@/lib/timeline/model';
import { assemblePrompt } from '@/lib/providers/context';
import { ProviderError, type ModelProvider } from '@/lib/providers/types';

/**
 * What the provider contract tests share (lib/providers/__tests__): a timeline with stable clip
 * ids, the prompt of a fresh session, a run that records the streamed deltas, and the
 * ProviderError a failing run ends with (with the deltas before it: failedStream).
 */
export const CONTRACT_TIMELINE = [
  { ...newClip('Intro', 'intro', 4000), id: 'clip-intro' },
  { ...newClip('Beach scene', 'scene', 12000), id: 'clip-beach' },
  { ...newClip('Outro', 'outro', 5000), id: 'clip-outro' },
];

export const CONTRACT_PROMPT = assemblePrompt({
  timeline: CONTRACT_TIMELINE,
  editLog: [],
  messages: [],
  summary: null,
  instruction: 'make the outro a bit longer',
  budgetTokens: 8000,
});

export async function streamPrompt(model: ModelProvider, signal = new AbortController().signal) {
  const deltas: string[] = [];
  const result = await model.stream(CONTRACT_PROMPT, { signal, onText: (delta) => deltas.push(delta) });
  return { ...result, deltas };
}

/** A run that is to fail: its ProviderError, the text deltas streamed before it, and how long it took. */
export async function failedStream(model: ModelProvider, signal = new AbortController().signal) {
  const deltas: string[] = [];
  const started = Date.now();
  const error = await providerFailure(model.stream(CONTRACT_PROMPT, { signal, onText: (delta) => deltas.push(delta) }));
  return { error, deltas, elapsedMs: Date.now() - started };
}

export async function providerFailure(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}
