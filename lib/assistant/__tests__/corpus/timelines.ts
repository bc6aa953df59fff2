import { STARTER_TIMELINE } from '@/lib/timeline/starter';
import type { Timeline } from '../../types';
import { clip, FIXTURE, LISBON } from '../fixtures';

/** The timeline a new project gets, as db/projects/rows.ts seeds it, with readable ids. */
const STARTER: Timeline = STARTER_TIMELINE.map((seeded, index) => ({
  ...seeded,
  id: ['intro', 'opening', 'main', 'outro'][index] ?? `clip-${index}`,
}));

/** Names one typo apart from each other, so a misspelling can be equally close to two clips. */
const LOOKALIKES: Timeline = [
  clip('intro', 'Intro', 'intro', 4),
  clip('tram', 'Tram ride', 'scene', 10),
  clip('train', 'Train ride', 'scene', 8),
  clip('harbour', 'Harbour', 'scene', 6),
  clip('harbor', 'Harbor', 'scene', 7),
  clip('outro', 'Outro', 'outro', 5),
];

export const TIMELINES = { starter: STARTER, fixture: FIXTURE, travel: LISBON, lookalikes: LOOKALIKES } as const;
export type TimelineName = keyof typeof TIMELINES;
