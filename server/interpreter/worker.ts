/**
 * A worker thread that runs the built-in interpreter (see ./threads.ts): one message in, one
 * answer out, so a slow instruction never holds the server's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { interpret } from '@/lib/assistant/interpreter';
import type { InterpreterJob, InterpreterReply } from './protocol';

const port = parentPort;
if (!port) throw new Error('The interpreter worker runs only as a worker thread.');

port.on('message', ({ id, input }: InterpreterJob) => {
  let reply: InterpreterReply;
  try {
    reply = { id, result: interpret(input) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
