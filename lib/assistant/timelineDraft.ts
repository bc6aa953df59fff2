import { applyOperationInPlace, invertOperations } from '@/lib/timeline/operations';
import type { Clip, ClipAttributes, EditIntent, NewEdit, Operation, Timeline } from './types';

/**
 * A working copy of the timeline that records each change as an operation. Builders
 * compute indexes against the draft, so multi-clip edits (deleting two clips, duplicating
 * several) get operations that apply cleanly in sequence.
 */
export class TimelineDraft {
  private readonly clips: Clip[];
  private readonly recorded: Operation[] = [];

  constructor(timeline: Timeline) {
    this.clips = [...timeline];
  }

  get timeline(): Timeline {
    return this.clips;
  }

  get operations(): readonly Operation[] {
    return this.recorded;
  }

  indexOf(clipId: string): number {
    return this.clips.findIndex((clip) => clip.id === clipId);
  }

  clip(clipId: string): Clip | undefined {
    return this.clips.find((clip) => clip.id === clipId);
  }

  /** Records only the fields that actually change; a change to nothing records nothing. */
  update(clipId: string, changes: Partial<ClipAttributes>): void {
    const current = this.clip(clipId);
    if (!current) throw new Error(`Clip ${clipId} is not in the draft.`);
    const before: Partial<ClipAttributes> = {};
    const after: Partial<ClipAttributes> = {};
    for (const field of Object.keys(changes) as (keyof ClipAttributes)[]) {
      if (changes[field] !== current[field]) {
        Object.assign(before, { [field]: current[field] });
        Object.assign(after, { [field]: changes[field] });
      }
    }
    if (Object.keys(after).length > 0) this.record({ type: 'update', clipId, before, after });
  }

  insert(index: number, clip: Clip): void {
    this.record({ type: 'insert', index, clip });
  }

  remove(clipId: string): void {
    const index = this.indexOf(clipId);
    this.record({ type: 'remove', index, clip: { ...this.clips[index] } });
  }

  move(clipId: string, toIndex: number): void {
    const fromIndex = this.indexOf(clipId);
    if (fromIndex !== toIndex) this.record({ type: 'move', clipId, fromIndex, toIndex });
  }

  toEdit(description: string, intent: EditIntent): NewEdit {
    const operations = [...this.recorded];
    return { description, intent, operations, inverse: invertOperations(operations) };
  }

  /** The draft owns its copy of the clips, so each operation changes it in place (no copy per clip of a group). */
  private record(op: Operation): void {
    applyOperationInPlace(this.clips, op);
    this.recorded.push(op);
  }
}
