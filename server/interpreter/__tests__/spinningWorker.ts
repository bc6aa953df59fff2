/** A stand-in interpreter thread for the deadline tests: "spin" never returns; anything else answers with its text. */
import { parentPort } from 'node:worker_threads';
import type { InterpreterJob } from '../protocol';

parentPort?.on('message', ({ id, input }: InterpreterJob) => {
  if (input.instruction === 'spin') for (;;);
  parentPort?.postMessage({ id, result: { reply: `heard: ${input.instruction}`, actions: [] } });
});
