import { newClip, type NewClip } from './model';

/** A new project starts with a small timeline so the assistant has something to edit. */
export const STARTER_TIMELINE: readonly NewClip[] = [
  newClip('Intro', 'intro', 4000, 'My video'),
  newClip('Opening shot', 'scene', 8000),
  newClip('Main scene', 'scene', 15000),
  newClip('Outro', 'outro', 5000, 'Thanks for watching'),
];
