import type { Clip, Timeline } from '../../types';
import { Project } from '../fixtures';
import { replyMismatch } from '../replyClips';
import { TIMELINES, type TimelineName } from './timelines';

/**
 * One phrasing: on which timeline, what this session said before, what is said now, and either
 * the clips that change (every field listed is the clip's new value; every other clip and field
 * must stay exactly as it was) or the question / refusal that comes back with no edit.
 */
export type CorpusCase = {
  on: TimelineName;
  given?: string[];
  say: string;
  reply: string;
} & ({ changes: Record<string, Partial<Clip>>; removed?: string[]; order?: string[] } | { changes?: undefined; removed?: undefined; order?: undefined });

/** The timeline a case expects after it, from the one before it: its changes applied, removed clips gone, in its order. */
export function expectedTimeline(before: Timeline, row: CorpusCase & { changes: Record<string, Partial<Clip>> }): Clip[] {
  const kept = before.filter((clip) => !row.removed?.includes(clip.id)).map((clip) => ({ ...clip, ...row.changes[clip.id] }));
  const { order } = row;
  return order ? order.map((id) => kept.find((clip) => clip.id === id) as Clip) : kept;
}

/** A family of phrasings and its cases. */
export interface CorpusFamily {
  family: string;
  cases: readonly CorpusCase[];
}

/** Runs a family's table: one test per phrasing, named by it. */
export function runCorpus(family: string, cases: readonly CorpusCase[]): void {
  describe(family, () => {
    it.each(cases.map((row) => [row.say, row] as const))('%s', (_, row) => {
      const project = new Project(TIMELINES[row.on]);
      const session = project.startSession();
      for (const earlier of row.given ?? []) session.send(earlier);
      const before = project.timeline;
      const edits = session.edits;
      const result = session.send(row.say);
      expect(result.reply).toBe(row.reply);
      if (row.changes === undefined) {
        expect(result.actions).toEqual([]);
        expect(project.timeline).toEqual(before);
        return;
      }
      expect(result.actions.length).toBeGreaterThan(0);
      expect(project.timeline).toEqual(expectedTimeline(before, row));
      expect(replyMismatch(result, edits, before, project.timeline)).toEqual({
        namedButUnchanged: [],
        changedButUnnamed: [],
      });
    });
  });
}
