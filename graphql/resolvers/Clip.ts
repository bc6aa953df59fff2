import type { ClipKind as ClipKindValue } from '@/lib/timeline/model';
import type { ClipKind } from '../__generated__/resolvers-types';
import { toGlobalId } from '../ids';
import type { TypeResolvers } from './types';

const KINDS: Record<ClipKindValue, ClipKind> = { intro: 'INTRO', scene: 'SCENE', title: 'TITLE', outro: 'OUTRO', audio: 'AUDIO' };

export const Clip: TypeResolvers<'Clip'> = {
  id: (clip) => toGlobalId('Clip', clip.id),
  kind: (clip) => KINDS[clip.kind],
};
