import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getOwnedProject } from '@/db/projects';
import { countSessions, getCurrentSession } from '@/db/sessions';
import { getTimeline } from '@/db/timeline';
import { isUuid } from '@/lib/ids';
import { firstParam, type SearchParams } from '@/app/_lib/searchParams';
import { AppHeader } from '@/components/app-shell/AppHeader';
import { TimeZoneCookie } from '@/components/app-shell/TimeZoneCookie';
import { CoDirectorPanel } from '@/components/codirector/CoDirectorPanel';
import { ProjectLiveUpdates } from '@/components/project/ProjectLiveUpdates';
import { ProjectWorkspace } from '@/components/project/ProjectWorkspace';
import { SessionAddress } from '@/components/session-history/SessionAddress';
import { SessionHistory } from '@/components/session-history/SessionHistory';
import { UNTITLED_SESSION } from '@/components/session-history/types';
import { requireSignedInUser } from '@/lib/auth/session';
import { runAction } from '@/server/adapters/serverAction';
import * as sessions from '@/server/sessions';
import { measureSessionContext } from '@/server/sessionContext';
import {
  archiveSessionAction,
  compactSessionAction,
  deleteSessionAction,
  loadArchivedSessionsAction,
  loadMoreSessionsAction,
  pinSessionAction,
  searchSessionsAction,
  unarchiveSessionAction,
  unpinSessionAction,
  renameSessionAction,
  restoreSessionAction,
  retryReplyAction,
  sendInstructionAction,
  startNewSessionAction,
} from './actions';
import { forkSessionAction, previewTimelineRestoreAction, restoreTimelineAction } from './checkpointActions';
import { loadConversation } from './conversation';
import { getBranchOrigins } from '@/db/checkpoints';
import { branchLabel } from '@/server/checkpoints';
import { loadSessionHistoryPage, sessionHistoryPosition } from './sessionHistory';

/** The signed-in owner and their project, read once per request for the title and the page. */
export const loadOwnedProject = cache(async (id: string, path = `/projects/${id}`) => {
  const user = await requireSignedInUser(path);
  const project = isUuid(id) ? await getOwnedProject(user.id, id) : null;
  if (!project) notFound();
  return { user, project };
});

export async function projectMetadata(id: string): Promise<Metadata> {
  const { project } = await loadOwnedProject(id);
  return { title: project.name };
}

/**
 * The project page, at `/projects/<id>` and at `/projects/<id>/sessions/<session id>` (that
 * session made current first). `query`: `history=open` opens the drawer and
 * `historyAfter=<cursor>` pages it, for browsers without JavaScript.
 */
export async function ProjectView({ id, query, sessionId }: { id: string; query: SearchParams; sessionId?: string }) {
  const path = sessionId ? `/projects/${id}/sessions/${sessionId}` : `/projects/${id}`;
  const { user, project } = await loadOwnedProject(id, path);
  const projectPath = `/projects/${project.id}`;

  // A session's address opens the project in that session: not the owner's, or gone, is the project's 404.
  const addressed = sessionId ? await openSessionAt(user.id, project.id, sessionId) : null;
  const historyAfter = sessionHistoryPosition(project.id, firstParam(query.historyAfter));
  // The page reads the current session but never creates one: that waits for the first instruction or New Session.
  const [clips, session, historyPage, sessionCount] = await Promise.all([
    getTimeline(project.id),
    addressed ?? getCurrentSession(user.id, project.id),
    loadSessionHistoryPage(project.id, historyAfter ?? undefined),
    countSessions(project.id),
  ]);
  const [turns, origins, usage] = session
    ? await Promise.all([loadConversation(session.id, project.id), getBranchOrigins([session.id]), measureSessionContext(session)])
    : [[], new Map(), null];
  const origin = session ? origins.get(session.id) : undefined;

  return (
    <>
      <AppHeader email={user.email} />
      <ProjectLiveUpdates projectId={project.id} />
      <TimeZoneCookie />
      <SessionAddress projectPath={projectPath} currentSessionId={session?.id ?? null} restoreSession={restoreSessionAction.bind(null, project.id)} />
      <ProjectWorkspace
        projectName={project.name}
        clips={clips}
        panel={
          <CoDirectorPanel
            sessionId={session?.id ?? null}
            sessionTitle={session?.title ?? UNTITLED_SESSION}
            turns={turns}
            clips={clips}
            sendInstruction={sendInstructionAction.bind(null, project.id)}
            startNewSession={startNewSessionAction.bind(null, project.id)}
            checkpoints={{
              previewTimelineRestore: previewTimelineRestoreAction.bind(null, project.id),
              restoreTimeline: restoreTimelineAction.bind(null, project.id),
              forkSession: forkSessionAction.bind(null, project.id),
            }}
            branchedFrom={origin ? branchLabel(origin) : null}
            context={session && usage ? { ...usage, summary: session.summary } : null}
            compactSession={compactSessionAction.bind(null, project.id)}
            retryReply={retryReplyAction.bind(null, project.id)}
            sessionHistory={
              <SessionHistory
                projectPath={projectPath}
                currentSessionId={session?.id ?? null}
                firstPage={historyPage}
                totalCount={sessionCount}
                initiallyOpen={firstParam(query.history) === 'open'}
                showingOlder={historyAfter !== null}
                actions={{
                  restoreSession: restoreSessionAction.bind(null, project.id),
                  renameSession: renameSessionAction.bind(null, project.id),
                  deleteSession: deleteSessionAction.bind(null, project.id),
                  loadMoreSessions: loadMoreSessionsAction.bind(null, project.id),
                  pinSession: pinSessionAction.bind(null, project.id),
                  unpinSession: unpinSessionAction.bind(null, project.id),
                  archiveSession: archiveSessionAction.bind(null, project.id),
                  unarchiveSession: unarchiveSessionAction.bind(null, project.id),
                  loadArchivedSessions: loadArchivedSessionsAction.bind(null, project.id),
                  searchSessions: searchSessionsAction.bind(null, project.id),
                }}
              />
            }
          />
        }
      />
    </>
  );
}

/** Makes the addressed session current (as the drawer's restore does); notFound() when it is not the viewer's session of this project. */
async function openSessionAt(userId: string, projectId: string, sessionId: string) {
  if (!isUuid(sessionId)) notFound();
  const current = await getCurrentSession(userId, projectId);
  if (current?.id === sessionId.toLowerCase()) return current;
  // Rendering this address is what opens the session: a reload or a shared link lands in it.
  const result = await runAction(async (caller) => ({ session: (await sessions.restoreSession(caller, { projectId, sessionId })).session }));
  if (!result.ok) {
    if (result.code === 'NOT_FOUND') notFound();
    throw new Error(result.message);
  }
  return result.session;
}
