'use server';

import { refresh } from 'next/cache';
import type { ActionResult } from '@/lib/actionResult';
import type { SendInstructionInput } from '@/components/codirector/types';
import type { SessionHistoryPage } from '@/components/session-history/types';
import { runAction } from '@/server/adapters/serverAction';
import { inputObject } from '@/server/inputs';
import * as instructions from '@/server/instructions';
import * as sessions from '@/server/sessions';
import { searchResultsPage, sessionHistoryPage } from './sessionHistory';

/*
 * The project page's actions, bound to the page's project id: each maps its arguments to a
 * use case (server/), scoped to that project, and refreshes the page after a change.
 */

function refreshedOnSuccess<Result extends ActionResult>(result: Result): Result {
  if (result.ok) refresh();
  return result;
}

export async function sendInstructionAction(projectId: string, input: SendInstructionInput): Promise<ActionResult> {
  return refreshedOnSuccess(
    await runAction(async (caller) => {
      await instructions.sendInstruction(caller, { ...inputObject(input), projectId }, { clientMessageIdRequired: true });
      return {};
    }),
  );
}

/** Form action of the New Session button; works without JavaScript too. */
export async function startNewSessionAction(projectId: string): Promise<void> {
  refreshedOnSuccess(await runAction(async (caller) => (await sessions.startSession(caller, { projectId }), {})));
}

export async function restoreSessionAction(projectId: string, sessionId: string): Promise<ActionResult> {
  return refreshedOnSuccess(await runAction(async (caller) => (await sessions.restoreSession(caller, { projectId, sessionId }), {})));
}

export async function renameSessionAction(projectId: string, sessionId: string, title: string): Promise<ActionResult<{ title: string }>> {
  return refreshedOnSuccess(
    await runAction(async (caller) => {
      const renamed = await sessions.renameSession(caller, { projectId, sessionId, title });
      return { title: renamed.title ?? '' };
    }),
  );
}

export async function deleteSessionAction(projectId: string, sessionId: string): Promise<ActionResult> {
  return refreshedOnSuccess(await runAction(async (caller) => (await sessions.deleteSession(caller, { projectId, sessionId }), {})));
}

export async function pinSessionAction(projectId: string, sessionId: string): Promise<ActionResult> {
  return refreshedOnSuccess(await runAction(async (caller) => (await sessions.pinSession(caller, { projectId, sessionId }), {})));
}

export async function unpinSessionAction(projectId: string, sessionId: string): Promise<ActionResult> {
  return refreshedOnSuccess(await runAction(async (caller) => (await sessions.unpinSession(caller, { projectId, sessionId }), {})));
}

export async function archiveSessionAction(projectId: string, sessionId: string): Promise<ActionResult> {
  return refreshedOnSuccess(await runAction(async (caller) => (await sessions.archiveSession(caller, { projectId, sessionId }), {})));
}

export async function unarchiveSessionAction(projectId: string, sessionId: string): Promise<ActionResult> {
  return refreshedOnSuccess(await runAction(async (caller) => (await sessions.unarchiveSession(caller, { projectId, sessionId }), {})));
}

/** The drawer's Archived filter: the first page of archived sessions, or the page after `cursor`. Reads only. */
export async function loadArchivedSessionsAction(projectId: string, cursor?: string | null): Promise<ActionResult<{ page: SessionHistoryPage }>> {
  return runAction(async (caller) => ({ page: await sessionHistoryPage(await sessions.listSessionHistory(caller, { projectId, cursor, archived: true })) }));
}

/** The drawer's search box: the first page of results for `query`, or the page after `cursor`. Reads only. */
export async function searchSessionsAction(
  projectId: string,
  query: string,
  cursor?: string | null,
  archived?: boolean,
): Promise<ActionResult<{ page: SessionHistoryPage }>> {
  return runAction(async (caller) => ({
    page: await searchResultsPage(await sessions.searchSessions(caller, { projectId, query, cursor, archived: archived === true })),
  }));
}

/** Show More: the page of sessions after `cursor`. Reads only, so the page is not re-rendered. */
export async function loadMoreSessionsAction(projectId: string, cursor: string): Promise<ActionResult<{ page: SessionHistoryPage }>> {
  return runAction(async (caller) => ({ page: await sessionHistoryPage(await sessions.listSessionHistory(caller, { projectId, cursor })) }));
}
