import { FIXTURE } from '@/lib/assistant/__tests__/fixtures';
import type { AssistantInput } from '@/lib/assistant/types';
import { createInterpreterThreads, TOOK_TOO_LONG } from '../threads';

const SPINNING = new URL('./spinningWorker.ts', import.meta.url);

function input(instruction: string): AssistantInput {
  return { timeline: FIXTURE, context: { messages: [{ role: 'user', content: 'shorten the intro' }], edits: [] }, instruction };
}

describe('the interpreter on worker threads', () => {
  it('answers as the interpreter does', async () => {
    const threads = createInterpreterThreads({ deadlineMs: 30_000, threads: 1 });
    try {
      const result = await threads.respond(input('make the outro 2 seconds longer'));
      expect(result.reply).toBe('Made “Outro” 2.0 s longer: 5.0 s → 7.0 s.');
      expect(result.actions).toHaveLength(1);
    } finally {
      await threads.close();
    }
  });

  it('answers a run past its deadline with a reply and no edits, replaces the thread, and keeps answering', async () => {
    const threads = createInterpreterThreads({ deadlineMs: 1_500, threads: 1, entry: SPINNING });
    try {
      const order: string[] = [];
      const spinning = threads.respond(input('spin')).then((result) => {
        order.push('deadline');
        return result;
      });
      const queued = threads.respond(input('after it'));
      // The server's own event loop stays free while the thread spins.
      await new Promise((resolve) => setTimeout(resolve, 50));
      order.push('event loop');
      expect(await spinning).toEqual({ reply: TOOK_TOO_LONG, actions: [] });
      expect(await queued).toEqual({ reply: 'heard: after it', actions: [] });
      expect(order).toEqual(['event loop', 'deadline']);
    } finally {
      await threads.close();
    }
  });

  it('runs as many instructions at once as it has threads', async () => {
    const threads = createInterpreterThreads({ deadlineMs: 30_000, threads: 2, entry: SPINNING });
    try {
      const answers = await Promise.all(['one', 'two', 'three'].map((text) => threads.respond(input(text))));
      expect(answers.map((answer) => answer.reply)).toEqual(['heard: one', 'heard: two', 'heard: three']);
    } finally {
      await threads.close();
    }
  });
});
