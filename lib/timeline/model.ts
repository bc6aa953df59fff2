/**
 * The timeline's domain model, shared by the data layer, the UI and the assistant: a project's
 * clips, the invertible operations that change them, and the stored edits made of them.
 * Everything here is plain JSON so edits can be stored (edits.operations / edits.inverse) and
 * replayed.
 */

export const CLIP_KINDS = ['intro', 'scene', 'title', 'outro', 'audio'] as const;
export type ClipKind = (typeof CLIP_KINDS)[number];

/** The attributes of a clip the assistant may change. */
export interface ClipAttributes {
  name: string;
  kind: ClipKind;
  durationMs: number;
  fadeInMs: number;
  fadeOutMs: number;
  /** Playback rate; 1 is normal speed. */
  speed: number;
  /** 0..100 percent. */
  volume: number;
  muted: boolean;
  /** On-screen text of title/intro/outro cards; null for footage. */
  text: string | null;
}

export interface Clip extends ClipAttributes {
  id: string;
}

/** The project's clips in playback order. */
export type Timeline = readonly Clip[];

/**
 * Low-level, invertible changes to a timeline. Each carries what it expects to find, so
 * applying it to a timeline that has changed since is detected rather than corrupting it.
 */
export type Operation =
  | { type: 'update'; clipId: string; before: Partial<ClipAttributes>; after: Partial<ClipAttributes> }
  | { type: 'insert'; index: number; clip: Clip }
  | { type: 'remove'; index: number; clip: Clip }
  | { type: 'move'; clipId: string; fromIndex: number; toIndex: number };

/**
 * What the user asked for, kept with the edit so "do the same thing to the second clip"
 * can replay it on another target with the same amount.
 */
export interface EditIntent {
  action: string;
  /** Amount in the action's unit (ms for durations and fades, factor for speed, percent for volume). */
  amount?: number;
  /** Free text argument (new name, title text). */
  text?: string;
  /** Clips the edit acted on; the last one is what "it" / "that clip" refers to afterwards. */
  targetClipIds: string[];
  /** Any further parameter needed to replay the intent (e.g. move destination). */
  params?: Record<string, unknown>;
}

/** An edit to be stored: one user-visible change made of operations, and how to revert it. */
export interface NewEdit {
  description: string;
  intent: EditIntent;
  operations: Operation[];
  inverse: Operation[];
}

/** An edit already stored in this session. */
export interface SessionEdit extends NewEdit {
  id: string;
  createdAt: Date;
  revertedAt: Date | null;
}

/** A clip as a timeline is seeded with it, before it has an id. */
export type NewClip = Omit<Clip, 'id'>;

/** A clip with default attributes: no fades, normal speed, full volume. */
export const newClip = (name: string, kind: Clip['kind'], durationMs: number, text: string | null = null): NewClip => ({
  name,
  kind,
  durationMs,
  fadeInMs: 0,
  fadeOutMs: 0,
  speed: 1,
  volume: 100,
  muted: false,
  text,
});
