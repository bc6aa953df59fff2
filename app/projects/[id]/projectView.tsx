import type { Metadata } from 'next';
import { cache } from 'react';
import { firstParam, type SearchParams } from '@/app/_lib/searchParams';
import { viewerDateSettings } from '@/app/_lib/viewerDates';
import { AppHeader } from '@/components/app-shell/AppHeader';
import { TimeZoneCookie } from '@/components/app-shell/TimeZoneCookie';
import { CoDirectorPanel } from '@/components/codirector/CoDirectorPanel';
import { ProjectLiveUpdates } from '@/components/project/ProjectLiveUpdates';
import { ProjectWorkspace } from '@/components/project/ProjectWorkspace';
import { SessionAddress } from '@/components/session-history/SessionAddress';
import { SessionHistory } from '@/components/session-history/SessionHistory';
import { UNTITLED_SESSION } from '@/components/session-history/types';
import { pageViewer, readForPage } from '@/server/adapters/page';
import { branchLabel } from '@/server/checkpoints';
import { openProjectPage } from '@/server/projectPage';
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
import { conversationTurns } from './conversation';
import { sessionHistoryPage } from './sessionHistory';

interface ProjectPageAddress {
  id: string;
  /** A session's address opens the project in that session. */
  sessionId?: string;
  /** `history=open` opens the drawer and `historyAfter=<cursor>` pages it, for browsers without JavaScript. */
  query?: SearchParams;
}

/** The page's one read (the title and the page share it): the viewer's project, or the 404 page. */
const loadProjectPage = cache(async (id: string, sessionId: string | undefined, historyCursor: string | undefined) => {
  const viewer = await pageViewer(sessionId ? `/projects/${id}/sessions/${sessionId}` : `/projects/${id}`);
  return { viewer, ...(await readForPage(viewer, (caller) => openProjectPage(caller, { projectId: id, sessionId, historyCursor }))) };
});

const pageOf = ({ id, sessionId, query = {} }: ProjectPageAddress) => loadProjectPage(id, sessionId, firstParam(query.historyAfter));

export async function projectMetadata(address: ProjectPageAddress): Promise<Metadata> {
  return { title: (await pageOf(address)).project.name };
}

/** The project page, at `/projects/<id>` and at `/projects/<id>/sessions/<session id>` (that session made current first). */
export async function ProjectView(address: ProjectPageAddress) {
  const { viewer, project, clips, session, branchOrigin, latestEventId, databaseNow, contextUsage, history } = await pageOf(address);
  const query = address.query ?? {};
  const projectPath = `/projects/${project.id}`;
  const turns = session ? conversationTurns(session, latestEventId, databaseNow) : [];
  const dates = await viewerDateSettings();

  return (
    <>
      <AppHeader email={viewer.user.email} />
      <ProjectLiveUpdates projectId={project.id} renderedUpToEventId={latestEventId} />
      <TimeZoneCookie renderedIn={dates.timeZone} />
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
            branchedFrom={branchOrigin ? branchLabel(branchOrigin, dates) : null}
            context={session && contextUsage ? { ...contextUsage, summary: session.summary } : null}
            compactSession={compactSessionAction.bind(null, project.id)}
            retryReply={retryReplyAction.bind(null, project.id)}
            sessionHistory={
              <SessionHistory
                projectPath={projectPath}
                currentSessionId={session?.id ?? null}
                firstPage={await sessionHistoryPage(history)}
                totalCount={history.totalCount}
                initiallyOpen={firstParam(query.history) === 'open'}
                showingOlder={firstParam(query.historyAfter) !== undefined}
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
