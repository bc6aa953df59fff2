import { totalDurationMs } from '@/lib/assistant/operations';
import type { TypeResolvers } from './types';

export const Timeline: TypeResolvers<'Timeline'> = {
  clips: (timeline) => timeline.clips.map((clip, position) => ({ ...clip, position })),
  totalDurationMs: (timeline) => totalDurationMs(timeline.clips),
};
