import { applyOperations } from '@/lib/timeline/operations';
import { interpret } from '../interpreter';
import type { AssistantResult, Clip, ClipKind, Operation, SessionEdit, SessionMessage, Timeline } from '../types';

export function clip(id: string, name: string, kind: ClipKind, seconds: number, extra: Partial<Clip> = {}): Clip {
  const isCard = kind === 'intro' || kind === 'outro' || kind === 'title';
  return {
    id,
    name,
    kind,
    durationMs: seconds * 1000,
    fadeInMs: 0,
    fadeOutMs: 0,
    speed: 1,
    volume: 100,
    muted: false,
    text: isCard ? name : null,
    ...extra,
  };
}

export const INTRO = clip('intro', 'Intro', 'intro', 4);
export const BEACH = clip('beach', 'Beach scene', 'scene', 12);
export const CITY = clip('city', 'City scene', 'scene', 9);
export const INTERVIEW = clip('interview', 'Interview', 'scene', 20);
export const TITLE_CARD = clip('title', 'Title card', 'title', 3);
export const OUTRO = clip('outro', 'Outro', 'outro', 5);
export const MUSIC = clip('music', 'Background music', 'audio', 60);

/** The project every instruction test starts from. */
export const FIXTURE: Timeline = [INTRO, BEACH, CITY, INTERVIEW, TITLE_CARD, OUTRO, MUSIC];

export function update(clipId: string, before: Partial<Clip>, after: Partial<Clip>): Operation {
  return { type: 'update', clipId, before, after };
}

export function move(clipId: string, fromIndex: number, toIndex: number): Operation {
  return { type: 'move', clipId, fromIndex, toIndex };
}

export function insert(index: number, inserted: Clip): Operation {
  return { type: 'insert', index, clip: inserted };
}

export function remove(index: number, removed: Clip): Operation {
  return { type: 'remove', index, clip: removed };
}

/** The timeline as [name, seconds] pairs: compact enough to assert a whole timeline per step. */
export function summarize(timeline: Timeline): [string, number][] {
  return timeline.map((entry) => [entry.name, entry.durationMs / 1000]);
}

/** The project's side of persistence: one timeline shared by its sessions, one clock, one id sequence. */
export class Project {
  timeline: Clip[];
  private time = Date.parse('2025-01-01T10:00:00Z');
  private editCount = 0;
  private clipCount = 0;

  constructor(timeline: Timeline = FIXTURE) {
    this.timeline = [...timeline];
  }

  now(): Date {
    this.time += 1000;
    return new Date(this.time);
  }

  nextEditId(): string {
    this.editCount += 1;
    return `edit-${this.editCount}`;
  }

  readonly newClipId = (): string => {
    this.clipCount += 1;
    return `new-${this.clipCount}`;
  };

  startSession(): Session {
    return new Session(this);
  }
}

/**
 * One conversation, persisted exactly as the database layer does it: each action in
 * order, each applied to the timeline the previous one produced.
 */
export class Session {
  edits: SessionEdit[] = [];
  messages: SessionMessage[] = [];

  constructor(private readonly project: Project) {}

  send(instruction: string): AssistantResult {
    const { project } = this;
    const result = interpret(
      { timeline: project.timeline, context: { messages: this.messages, edits: this.edits }, instruction },
      { newClipId: project.newClipId },
    );
    this.messages = [...this.messages, { role: 'user', content: instruction }, { role: 'assistant', content: result.reply }];
    for (const action of result.actions) {
      if (action.type === 'apply') {
        project.timeline = applyOperations(project.timeline, action.edit.operations);
        this.edits = [...this.edits, { ...action.edit, id: project.nextEditId(), createdAt: project.now(), revertedAt: null }];
      } else {
        const stored = this.edits.find((edit) => edit.id === action.editId);
        if (!stored) throw new Error(`No edit ${action.editId} in this session`);
        const reverting = action.type === 'revert';
        project.timeline = applyOperations(project.timeline, reverting ? stored.inverse : stored.operations);
        const revertedAt = reverting ? project.now() : null;
        this.edits = this.edits.map((edit) => (edit.id === stored.id ? { ...edit, revertedAt } : edit));
      }
    }
    return result;
  }
}

/** One readable line per clip: name, seconds, and whatever differs from a fresh clip. */
export function describeTimeline(timeline: Timeline): string[] {
  return timeline.map((entry) => {
    const extras = [
      entry.fadeInMs ? `fade-in ${entry.fadeInMs / 1000}s` : '',
      entry.fadeOutMs ? `fade-out ${entry.fadeOutMs / 1000}s` : '',
      entry.speed !== 1 ? `${entry.speed}x` : '',
      entry.volume !== 100 ? `vol ${entry.volume}%` : '',
      entry.muted ? 'muted' : '',
    ].filter(Boolean);
    return [`${entry.name} ${entry.durationMs / 1000}s`, ...extras].join(' ');
  });
}

/** The demo project's clips ("Summer in Lisbon"): four scenes, only one of them named "… scene". */
export const LISBON: Timeline = [
  clip('intro', 'Intro', 'intro', 4),
  clip('airport', 'Arrival at the airport', 'scene', 9),
  clip('beach', 'Beach scene', 'scene', 12),
  clip('tram', 'Tram ride', 'scene', 10),
  clip('title', 'Title card', 'title', 3),
  clip('sunset', 'Sunset timelapse', 'scene', 14),
  clip('outro', 'Outro', 'outro', 5),
];
