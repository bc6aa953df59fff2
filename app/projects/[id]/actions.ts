'use server';

import { refresh } from 'next/cache';
import { sendInstruction } from '@/db/instructions';
import { SessionNotFoundError } from '@/db/messages';
import { getOwnedProject } from '@/db/projects';
import type { Project, Session } from '@/db/schema';
import {
  deleteSession,
  getOrStartCurrentSession,
  getOwnedSession,
  renameSession,
  restoreSession,
  startSession,
} from '@/db/sessions';
import { actionFailed, checkInput, type ActionResult } from '@/app/_lib/actionResult';
import { decodeCursor } from '@/app/_lib/cursor';
import { isUuid } from '@/lib/ids';
import type { SendInstructionInput } from '@/components/codirector/types';
import type { SessionHistoryPage } from '@/components/session-history/types';
import { requireSignedInUser, type SignedInUser } from '@/lib/auth/session';
import { validateClientMessageId, validateInstruction, validateName } from '@/lib/validation';
import { loadSessionHistoryPage } from './sessionHistory';

const PROJECT_GONE = 'This project no longer exists.';
const SESSION_GONE = 'This session no longer exists. It may have been deleted on another device.';

interface Owner {
  user: SignedInUser;
  project: Project;
}

/**
 * Every action of the project page is bound to the project's id and runs only for the
 * signed-in owner: anyone else's project is treated as missing.
 */
async function authorizeProject(projectId: string): Promise<Owner | null> {
  const user = await requireSignedInUser(`/projects/${projectId}`);
  const project = isUuid(projectId) ? await getOwnedProject(user.id, projectId) : null;
  return project ? { user, project } : null;
}

async function findSession({ user, project }: Owner, sessionId: unknown): Promise<Session | null> {
  const session = isUuid(sessionId) ? await getOwnedSession(user.id, sessionId) : null;
  return session?.projectId === project.id ? session : null;
}

export async function sendInstructionAction(projectId: string, input: SendInstructionInput): Promise<ActionResult> {
  const owner = await authorizeProject(projectId);
  if (!owner) return actionFailed(PROJECT_GONE);
  const content = checkInput(() => validateInstruction(String(input.content)));
  if (!content.ok) return content;
  const clientMessageId = checkInput(() => validateClientMessageId(String(input.clientMessageId)));
  if (!clientMessageId.ok) return clientMessageId;

  const session =
    input.sessionId === null ? await getOrStartCurrentSession(owner.user.id, owner.project.id) : await findSession(owner, input.sessionId);
  if (!session) return actionFailed(SESSION_GONE);
  try {
    await sendInstruction({ session, content: content.value, clientMessageId: clientMessageId.value });
  } catch (error) {
    if (error instanceof SessionNotFoundError) return actionFailed(SESSION_GONE);
    throw error;
  }
  refresh();
  return { ok: true };
}

/** Form action of the New Session button; works without JavaScript too. */
export async function startNewSessionAction(projectId: string): Promise<void> {
  const owner = await authorizeProject(projectId);
  if (!owner) return;
  await startSession(owner.user.id, owner.project.id);
  refresh();
}

export async function restoreSessionAction(projectId: string, sessionId: string): Promise<ActionResult> {
  const owner = await authorizeProject(projectId);
  if (!owner) return actionFailed(PROJECT_GONE);
  const session = await findSession(owner, sessionId);
  if (!session) return actionFailed(SESSION_GONE);
  await restoreSession(owner.user.id, session);
  refresh();
  return { ok: true };
}

export async function renameSessionAction(projectId: string, sessionId: string, title: string): Promise<ActionResult<{ title: string }>> {
  const owner = await authorizeProject(projectId);
  if (!owner) return actionFailed(PROJECT_GONE);
  const checked = checkInput(() => validateName('title', String(title)));
  if (!checked.ok) return checked;
  const session = await findSession(owner, sessionId);
  const renamed = session && (await renameSession(session.id, checked.value));
  if (!renamed) return actionFailed(SESSION_GONE);
  refresh();
  return { ok: true, title: checked.value };
}

export async function deleteSessionAction(projectId: string, sessionId: string): Promise<ActionResult> {
  const owner = await authorizeProject(projectId);
  if (!owner) return actionFailed(PROJECT_GONE);
  const session = await findSession(owner, sessionId);
  if (session) await deleteSession(session.id);
  refresh();
  return { ok: true };
}

/** Show More: the page of sessions after `cursor`. Reads only, so the page is not re-rendered. */
export async function loadMoreSessionsAction(projectId: string, cursor: string): Promise<ActionResult<{ page: SessionHistoryPage }>> {
  const owner = await authorizeProject(projectId);
  if (!owner) return actionFailed(PROJECT_GONE);
  const after = decodeCursor(String(cursor));
  if (!after) return actionFailed('Could not load more sessions. Reload the page and try again.');
  return { ok: true, page: await loadSessionHistoryPage(owner.project.id, after) };
}
