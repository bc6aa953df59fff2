'use server';

import { refresh } from 'next/cache';
import type { ActionResult } from '@/lib/actionResult';
import type { RestorePreviewView } from '@/components/checkpoints/types';
import { runAction } from '@/server/adapters/serverAction';
import * as checkpoints from '@/server/checkpoints';
import { requiredId } from '@/server/inputs';

/*
 * Checkpoints and forks on the project page (issue #17), bound to the page's project id: the
 * same use cases as the API's previewTimelineRestore, restoreTimeline and forkSession.
 */

/** What restoring to an instruction would change, for the preview dialog. Reads only. */
export async function previewTimelineRestoreAction(projectId: string, messageId: string): Promise<ActionResult<{ preview: RestorePreviewView }>> {
  return runAction(async (caller) => {
    const preview = await checkpoints.previewTimelineRestore(caller, { projectId: requiredId(projectId, 'projectId'), messageId });
    return {
      preview: {
        basis: preview.basis,
        changes: preview.changes.map((change) => change.description),
        revertedStepCount: preview.revertedStepCount,
        sessionTitles: preview.sessions.map((session) => session.title ?? 'New session'),
      },
    };
  });
}

export async function restoreTimelineAction(projectId: string, messageId: string, basis: string | null): Promise<ActionResult> {
  const result = await runAction(async (caller) => {
    await checkpoints.restoreTimeline(caller, { projectId: requiredId(projectId, 'projectId'), messageId, basis });
    return {};
  });
  if (result.ok) refresh();
  return result;
}

export async function forkSessionAction(projectId: string, messageId: string, restoreTimeline: boolean): Promise<ActionResult> {
  const result = await runAction(async (caller) => {
    await checkpoints.forkSession(caller, { projectId: requiredId(projectId, 'projectId'), messageId, restoreTimeline });
    return {};
  });
  if (result.ok) refresh();
  return result;
}
