import fc from 'fast-check';
import { applyOperation, applyOperations, invertOperations } from '@/lib/timeline/operations';
import { CLIP_KINDS, type Clip, type ClipAttributes, type Operation, type Timeline } from '../types';
import { FIXTURE, Project } from './fixtures';

const clipArbitrary = (id: fc.Arbitrary<string>): fc.Arbitrary<Clip> =>
  fc.record({
    id,
    name: fc.string({ maxLength: 12 }),
    kind: fc.constantFrom(...CLIP_KINDS),
    durationMs: fc.integer({ min: 500, max: 120_000 }),
    fadeInMs: fc.integer({ min: 0, max: 500 }),
    fadeOutMs: fc.integer({ min: 0, max: 500 }),
    speed: fc.constantFrom(0.25, 0.5, 1, 1.5, 2, 4),
    volume: fc.integer({ min: 0, max: 100 }),
    muted: fc.boolean(),
    text: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
  });

const timelineArbitrary: fc.Arbitrary<Clip[]> = fc.uniqueArray(clipArbitrary(fc.uuid()), {
  maxLength: 8,
  selector: (entry) => entry.id,
});

/** Numbers that pick, for whatever timeline a step meets, a valid operation of a given kind. */
const stepArbitrary = fc.record({
  kind: fc.constantFrom('update', 'insert', 'remove', 'move'),
  pick: fc.nat(),
  other: fc.nat(),
  value: fc.integer({ min: 0, max: 60_000 }),
});
type Step = typeof stepArbitrary extends fc.Arbitrary<infer T> ? T : never;

const UPDATABLE: readonly (keyof ClipAttributes)[] = ['durationMs', 'fadeInMs', 'speed', 'volume', 'muted', 'name'];

function changedValue(current: Clip, field: keyof ClipAttributes, value: number): Partial<ClipAttributes> {
  switch (field) {
    case 'muted':
      return { muted: !current.muted };
    case 'name':
      return { name: `${current.name}*` };
    case 'speed':
      return { speed: current.speed === 2 ? 0.5 : 2 };
    case 'volume':
      return { volume: value % 101 };
    default:
      return { [field]: 500 + value };
  }
}

function operationFor(step: Step, timeline: Timeline, stepIndex: number): Operation | null {
  const { length } = timeline;
  switch (step.kind) {
    case 'insert':
      return {
        type: 'insert',
        index: step.pick % (length + 1),
        clip: { ...FIXTURE[step.value % FIXTURE.length], id: `inserted-${stepIndex}` },
      };
    case 'remove':
      return length === 0 ? null : { type: 'remove', index: step.pick % length, clip: timeline[step.pick % length] };
    case 'move': {
      if (length === 0) return null;
      const fromIndex = step.pick % length;
      return { type: 'move', clipId: timeline[fromIndex].id, fromIndex, toIndex: step.other % length };
    }
    case 'update': {
      if (length === 0) return null;
      const current = timeline[step.pick % length];
      const field = UPDATABLE[step.other % UPDATABLE.length];
      return { type: 'update', clipId: current.id, before: { [field]: current[field] }, after: changedValue(current, field, step.value) };
    }
  }
}

function validOperations(start: Timeline, steps: readonly Step[]): Operation[] {
  const operations: Operation[] = [];
  let current = start;
  steps.forEach((step, index) => {
    const op = operationFor(step, current, index);
    if (!op) return;
    current = applyOperation(current, op);
    operations.push(op);
  });
  return operations;
}

test('applying valid operations and then their inverses restores the timeline exactly', () => {
  fc.assert(
    fc.property(timelineArbitrary, fc.array(stepArbitrary, { maxLength: 25 }), (start, steps) => {
      const operations = validOperations(start, steps);
      const changed = applyOperations(start, operations);
      expect(applyOperations(changed, invertOperations(operations))).toEqual(start);
    }),
    { numRuns: 300 },
  );
});

const attributesArbitrary: fc.Arbitrary<Partial<ClipAttributes>> = fc.record(
  { durationMs: fc.nat(), name: fc.string(), muted: fc.boolean(), text: fc.option(fc.string(), { nil: null }) },
  { requiredKeys: [] },
);

const operationArbitrary: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ type: fc.constant('update' as const), clipId: fc.string(), before: attributesArbitrary, after: attributesArbitrary }),
  fc.record({ type: fc.constant('insert' as const), index: fc.nat(), clip: clipArbitrary(fc.string()) }),
  fc.record({ type: fc.constant('remove' as const), index: fc.nat(), clip: clipArbitrary(fc.string()) }),
  fc.record({ type: fc.constant('move' as const), clipId: fc.string(), fromIndex: fc.nat(), toIndex: fc.nat() }),
);

test('inverting twice gives back the same operations', () => {
  fc.assert(
    fc.property(fc.array(operationArbitrary, { maxLength: 20 }), (operations) => {
      expect(invertOperations(invertOperations(operations))).toEqual(operations);
    }),
    { numRuns: 300 },
  );
});

const INSTRUCTIONS = [
  'make the outro a bit longer',
  'shorten the first clip by 1 second',
  'make it 3 seconds longer',
  'make the last clip 10 seconds long',
  'move it to the end',
  'move the second clip to the start',
  'move the first clip after the third clip',
  'swap the first two clips',
  'delete the second clip',
  'delete it',
  'duplicate the first clip',
  'duplicate it',
  'split the last clip in half',
  'split it at 1 second',
  'rename it to "Renamed"',
  'fade in all clips',
  'fade it out over 500ms',
  'speed up the first clip',
  'slow it down',
  'mute every clip',
  'unmute it',
  'set the volume of the last clip to 30%',
  'add a title "Chapter" after the second clip',
  'add an intro "Hello"',
  'undo',
  'undo the last 2 changes',
  'redo',
  'do the same thing to the last clip',
  'do that again',
];

test('whatever a session does through the interpreter, “undo everything” restores the original timeline', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...INSTRUCTIONS), { maxLength: 20 }), (instructions) => {
      const project = new Project();
      const session = project.startSession();
      for (const instruction of instructions) session.send(instruction);
      for (const edit of session.edits) expect(edit.inverse).toEqual(invertOperations(edit.operations));
      session.send('undo everything');
      expect(project.timeline).toEqual(FIXTURE);
    }),
    { numRuns: 300 },
  );
});
