import type { ActionResult } from '@/lib/actionResult';

/** A timeline restore's preview as the dialog shows it. */
export interface RestorePreviewView {
  /** The history version it was computed at; applying refuses if the timeline changed since. */
  basis: string;
  /** One line per clip change, e.g. “Outro” 9.0 s → 7.0 s. */
  changes: string[];
  revertedStepCount: number;
  /** The sessions whose later edits the restore reverts. */
  sessionTitles: string[];
}

/** The checkpoint actions of the project page, already bound to the project. */
export interface CheckpointActions {
  previewTimelineRestore: (messageId: string) => Promise<ActionResult<{ preview: RestorePreviewView }>>;
  restoreTimeline: (messageId: string, basis: string | null) => Promise<ActionResult>;
  forkSession: (messageId: string, restoreTimeline: boolean) => Promise<ActionResult>;
}
