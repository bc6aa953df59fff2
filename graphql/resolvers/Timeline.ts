import { totalDurationMs } from '@/lib/timeline/durations';
import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';

export const Timeline: TypeResolvers<'Timeline'> = {
  id: (timeline) => toGlobalId('Timeline', timeline.previewOf ? `${timeline.projectId}/preview/${timeline.previewOf}` : timeline.projectId),
  clips: (timeline) => timeline.clips.map((clip, position) => ({ ...clip, position })),
  totalDurationMs: (timeline) => totalDurationMs(timeline.clips),
};
