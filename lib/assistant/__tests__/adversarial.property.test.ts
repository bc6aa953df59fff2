import fc from 'fast-check';
import { MAX_CHANGES_PER_INSTRUCTION, TOO_MANY_CHANGES } from '../compound';
import { interpret, INTERPRETER_MAX_LENGTH, TOO_LONG } from '../interpreter';
import type { AssistantInput, AssistantResult } from '../types';
import { FIXTURE, Project } from './fixtures';

/** What one instruction may cost the interpreter at most, in CPU time (its own, so other processes' load does not count). */
const BUDGET_MS = 100;

const CLAUSES = [
  'make the outro a bit longer',
  'shorten the intro',
  'fade out the "Beach scene"',
  'move it to the end',
  'swap the intro and the outro',
  'mute the music',
  'set the interview to 12.5 seconds',
  'duplicate the second clip',
  'rename the city scene to “Night ‘city’ lights”',
  'split the interview at 3 s',
  'do the same to both scenes',
  'undo that',
  'not the intro, the outro',
  'make it 2x faster',
  'delete',
  'the one before the outro after the interview',
];
const SEPARATORS = [' and ', ' then ', ', ', '; ', ' and then ', ' also ', ' plus ', ' and and ', ',,, ', ' after that ', ' '];
const NOISE = [
  '"',
  '“',
  '”',
  "'",
  '1',
  '99999999999',
  '0.000001',
  '-3',
  'é',
  '👩‍👩‍👧',
  '\u200b',
  'ß',
  'ǅ',
  '½',
  '\n',
  '…',
  'too',
  'again',
  'more',
  'less',
  'before',
  'after',
];

const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...CLAUSES) },
  { weight: 3, arbitrary: fc.constantFrom(...SEPARATORS) },
  { weight: 2, arbitrary: fc.constantFrom(...NOISE) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
);

/** Clause chains, separators, nested quotes, numbers and unicode, up to the length the interpreter reads (and some past it). */
const instruction = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 300 }), fc.integer({ min: 1, max: INTERPRETER_MAX_LENGTH }))
  .map(([pieces, length]) => pieces.join('').slice(0, length));

function cpuMsOnce(run: () => AssistantResult): { result: AssistantResult; ms: number } {
  const before = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000 };
}

/**
 * The CPU an instruction costs, as the least of up to three runs when the first is over budget:
 * a garbage collection or the test workers beside this one (process CPU counts every thread) only
 * add time, so the least run is the interpreter's own cost, while a slow path stays slow every run.
 */
function cpuMsOf(run: () => AssistantResult): { result: AssistantResult; ms: number } {
  let measured = cpuMsOnce(run);
  for (let retry = 0; retry < 2 && measured.ms >= BUDGET_MS; retry++) {
    const again = cpuMsOnce(run);
    if (again.ms < measured.ms) measured = again;
  }
  return measured;
}

function respond(text: string, given: readonly string[] = []): AssistantResult {
  const session = new Project(FIXTURE).startSession();
  for (const earlier of given) session.send(earlier);
  return session.send(text);
}

describe('the interpreter under adversarial instructions', () => {
  it('answers every instruction up to its length limit within its CPU budget', () => {
    fc.assert(
      fc.property(instruction, (text) => {
        const input: AssistantInput = { timeline: FIXTURE, context: { messages: [], edits: [] }, instruction: text };
        const { result, ms } = cpuMsOf(() => interpret(input, { newClipId: () => 'new-clip' }));
        expect(typeof result.reply).toBe('string');
        expect(ms).toBeLessThan(BUDGET_MS);
      }),
      { numRuns: 300 },
    );
  });

  it('answers the clause chain that froze the server (and 32 times over) at once', () => {
    for (const repeats of [12, 18, 32]) {
      const text = 'make the outro a bit longer and '.repeat(repeats);
      const { result, ms } = cpuMsOf(() => respond(text));
      expect(result.actions).toEqual([]);
      expect(ms).toBeLessThan(BUDGET_MS);
    }
  });

  it(`applies up to ${MAX_CHANGES_PER_INSTRUCTION} changes in one instruction and refuses more, changing nothing`, () => {
    const parts = (count: number) => Array.from({ length: count }, () => 'make the outro a bit longer').join(' and ');
    const most = respond(parts(MAX_CHANGES_PER_INSTRUCTION));
    expect(most.actions).toHaveLength(1);
    expect(most.reply.match(/Made “Outro” 2\.0 s longer/g)).toHaveLength(MAX_CHANGES_PER_INSTRUCTION);

    const tooMany = respond(parts(MAX_CHANGES_PER_INSTRUCTION + 1));
    expect(tooMany).toEqual({ reply: TOO_MANY_CHANGES, actions: [] });
  });

  it('refuses an instruction longer than it reads, changing nothing', () => {
    const text = `make the outro longer ${'very '.repeat(INTERPRETER_MAX_LENGTH / 5)}`;
    expect(respond(text)).toEqual({ reply: TOO_LONG, actions: [] });
  });
});
