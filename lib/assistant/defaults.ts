/** How much "a bit", "slightly", "a touch" or no stated amount lengthens or shortens a clip. */
export const A_BIT_MS = 2000;

/** How much "a lot", "much" or "way" (longer, shorter) changes a clip; docs/assistant.md lists the words. */
export const A_LOT_MS = 5000;

/** Shorter clips flash by unseen, so no edit may go below this. */
export const MIN_CLIP_DURATION_MS = 500;

export const DEFAULT_FADE_MS = 1000;

/** "Speed up" with no factor doubles the playback rate; "slow down" halves it. */
export const DEFAULT_SPEED_UP_FACTOR = 2;
export const DEFAULT_SLOW_DOWN_FACTOR = 0.5;

/** "Much faster" or "a lot slower" triples or thirds the playback rate. */
export const A_LOT_SPEED_FACTOR = 3;

/** Beyond these rates footage stops being watchable, so edits stay inside them. */
export const MIN_SPEED = 0.25;
export const MAX_SPEED = 4;

/** Length of a newly added title, intro or outro card. */
export const DEFAULT_CARD_DURATION_MS = 3000;
