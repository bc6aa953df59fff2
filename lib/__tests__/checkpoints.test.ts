import { newClip, type Clip } from '@/lib/timeline/model';
import { applyRestore, describeTimelineChanges, restoreOperations } from '@/lib/checkpoints';

const clip = (id: string, name: string, durationMs: number, kind: Clip['kind'] = 'scene'): Clip => ({ id, ...newClip(name, kind, durationMs) });

const intro = clip('i', 'Intro', 4000, 'intro');
const beach = clip('b', 'Beach scene', 12000);
const tram = clip('t', 'Tram ride', 10000);
const day2 = clip('d', 'Day 2', 3000, 'title');
const outro = clip('o', 'Outro', 9000, 'outro');

describe('describeTimelineChanges', () => {
  it('names durations, moves (not mere shifts), additions and removals', () => {
    const before = [intro, tram, day2, outro, beach];
    const after = [intro, beach, tram, { ...outro, durationMs: 7000 }];
    expect(describeTimelineChanges(before, after).map((change) => change.description)).toEqual([
      '“Day 2” removed',
      '“Beach scene” moves back to 2nd',
      '“Outro” 9.0 s → 7.0 s',
    ]);
  });

  it('describes a rename and several attributes of one clip in one line', () => {
    const after = [{ ...intro, name: 'Opening', fadeInMs: 1000, muted: true }];
    expect(describeTimelineChanges([intro], after)).toEqual([
      expect.objectContaining({ kind: 'CHANGED', clipName: 'Intro', description: '“Intro” renamed “Opening”, fade-in 0.0 s → 1.0 s, muted no → yes' }),
    ]);
  });

  it('finds nothing between equal timelines', () => {
    expect(describeTimelineChanges([intro, beach], [intro, beach])).toEqual([]);
  });
});

describe('restoreOperations and applyRestore', () => {
  it('reverts later steps newest first: an apply by its inverse, an undo by the operations again', () => {
    const lengthen = {
      operations: [{ type: 'update' as const, clipId: 'o', before: { durationMs: 9000 }, after: { durationMs: 11000 } }],
      inverse: [{ type: 'update' as const, clipId: 'o', before: { durationMs: 11000 }, after: { durationMs: 9000 } }],
    };
    const remove = {
      operations: [{ type: 'remove' as const, index: 0, clip: intro }],
      inverse: [{ type: 'insert' as const, index: 0, clip: intro }],
    };
    // After the checkpoint: the outro was lengthened, the intro removed, then the lengthening undone.
    const ops = restoreOperations([
      { applied: true, edit: lengthen },
      { applied: true, edit: remove },
      { applied: false, edit: lengthen },
    ]);
    const outcome = applyRestore([outro], ops);
    expect(outcome).toEqual({ ok: true, timeline: [intro, outro] });
  });

  it('names every clip that no longer matches and returns no timeline', () => {
    const ops = [
      { type: 'update' as const, clipId: 'o', before: { durationMs: 11000 }, after: { durationMs: 9000 } },
      { type: 'update' as const, clipId: 'i', before: { durationMs: 4000 }, after: { durationMs: 2000 } },
      { type: 'update' as const, clipId: 'b', before: { durationMs: 1000 }, after: { durationMs: 2000 } },
    ];
    const outcome = applyRestore([intro, beach, outro], ops);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.clips).toEqual([
        { id: 'o', name: 'Outro' },
        { id: 'b', name: 'Beach scene' },
      ]);
  });
});
