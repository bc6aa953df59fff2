import type { TimelineChangeKind } from '../__generated__/resolvers-types';
import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';

/** The types of checkpoints (server/checkpoints.ts): previews of a timeline restore and their clip changes. */

export const TimelineRestorePreview: TypeResolvers<'TimelineRestorePreview'> = {
  timeline: (preview) => ({ projectId: preview.session.projectId, clips: preview.timeline, previewOf: `${preview.message.id}@${preview.basis}` }),
};

export const TimelineChange: TypeResolvers<'TimelineChange'> = {
  clipId: (change) => toGlobalId('Clip', change.clipId),
  kind: (change): TimelineChangeKind => change.kind,
};
