import { DEFAULT_PAGE_SIZE } from '@/db/pagination';
import { clipFromRow, readProjectPage, type ProjectPageRead } from '@/db/projects';
import { listSessions } from '@/db/sessions';
import { reachesProject } from '@/lib/auth/tokenScopes';
import { grantOf } from '@/server/auth/viewer';
import type { Clip } from '@/lib/timeline/model';
import { requireViewer, type Caller } from './access';
import { notFound } from './errors';
import { inputObject, requiredId } from './inputs';
import { sessionListPosition, withBranchOrigins, type BranchOrigin, type SessionHistoryPage } from './sessionHistory';
import { measureReadSession, type ContextUsage } from './sessionContext';
import { restoreSession } from './sessions';

/** What the project page shows: the project, its timeline, the viewer's current conversation and the first page of its history. */
export interface ProjectPage {
  project: ProjectPageRead['project'];
  clips: Clip[];
  /** The viewer's current session with its messages and edits; null until they start one. */
  session: NonNullable<ProjectPageRead['current']> | null;
  /** For a current session made by branching: where it came from. */
  branchOrigin: BranchOrigin | null;
  /** The last project event before the conversation was read: a live stream resumes after it. */
  latestEventId: number;
  /** The database's clock when it was read, to tell a reply still generating from an abandoned one. */
  databaseNow: Date;
  /** How full the current session's context is; null without a session. */
  contextUsage: ContextUsage | null;
  history: SessionHistoryPage & { totalCount: number };
}

/**
 * The project page of the viewer's project. `sessionId` (a session's address) makes that session
 * current first, as restoring it from the drawer does; `historyCursor` pages the history list
 * (browsers without JavaScript page it by links). Two statements in one round: the page's read,
 * and the history page beside it, which is dropped unless the project proves to be the viewer's.
 */
export async function openProjectPage(caller: Caller, raw: unknown): Promise<ProjectPage> {
  const viewer = requireViewer(caller, 'READ');
  const input = inputObject(raw);
  const projectId = requiredId(input.projectId, 'projectId');
  const historyAfter = input.historyCursor === undefined ? undefined : sessionListPosition(projectId, input.historyCursor);
  const read = async () => {
    const [page, history] = await Promise.all([
      readProjectPage(viewer.user.id, projectId),
      listSessions(projectId, { first: DEFAULT_PAGE_SIZE, after: historyAfter }),
    ]);
    // A token limited to other projects reads this one as another user's (server/access.ts).
    return [page && reachesProject(grantOf(viewer), page.project.id) ? page : null, history] as const;
  };

  let [page, history] = await read();
  if (!page) throw notFound('project');
  if (input.sessionId !== undefined) {
    const sessionId = requiredId(input.sessionId, 'sessionId');
    if (page.current?.id !== sessionId.toLowerCase()) {
      await restoreSession(caller, { projectId, sessionId });
      [page, history] = await read();
      if (!page) throw notFound('project');
    }
  }
  const { current } = page;
  const clips = page.clips.map(clipFromRow);
  return {
    project: page.project,
    clips,
    session: current,
    branchOrigin: current?.forkedFromSession ? { title: current.forkedFromSession.title, at: current.forkedFromMessage?.createdAt ?? null } : null,
    latestEventId: page.latestEventId,
    databaseNow: page.databaseNow,
    contextUsage: current ? measureReadSession({ timeline: clips, session: current }) : null,
    history: { ...(await withBranchOrigins(projectId, history)), totalCount: page.sessionCount },
  };
}
