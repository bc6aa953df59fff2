import { DEFAULT_PAGE_SIZE, type Page } from '@/db/pagination';
import {
  createProject as createProjectRow,
  listProjects as listProjectRows,
  projectKey,
  renameProject as renameProjectRow,
  type ProjectKey,
} from '@/db/projects';
import { createdAtIdCursorKey, decodeCursor, encodeCursor } from '@/lib/cursors';
import type { Project } from '@/db/schema';
import { grantOf } from '@/server/auth/viewer';
import { validateName } from '@/lib/validation';
import { ownedProject, requireEveryProject, requireViewer, type Caller } from './access';
import { badInput } from './errors';
import { inputObject, requiredId, requiredString } from './inputs';
import { whileItExists } from './writes';

export async function createProject(caller: Caller, raw: unknown): Promise<Project> {
  const viewer = requireViewer(caller, 'WRITE');
  requireEveryProject(viewer, 'Creating a project');
  const name = validateName('name', requiredString(inputObject(raw).name, 'name'));
  return createProjectRow(viewer.user.id, name);
}

export async function renameProject(caller: Caller, raw: unknown): Promise<Project> {
  const viewer = requireViewer(caller, 'WRITE');
  const input = inputObject(raw);
  const name = validateName('name', requiredString(input.name, 'name'));
  const project = await ownedProject(viewer, requiredId(input.projectId, 'projectId'));
  return whileItExists('project', () => renameProjectRow(project.id, name));
}

/** A page of the viewer's projects, newest first; `cursor` continues after a page (the API's `User.projects` cursors). */
export async function listProjects(caller: Caller, raw: unknown): Promise<{ page: Page<Project>; nextCursor: string | null }> {
  const viewer = requireViewer(caller, 'READ');
  const input = inputObject(raw);
  const list = projectsOf(viewer.user.id);
  let after: ProjectKey | undefined;
  if (input.cursor !== undefined && input.cursor !== null) {
    const decoded = decodeCursor(requiredString(input.cursor, 'cursor'), list, createdAtIdCursorKey);
    if (!('key' in decoded)) throw badInput('cursor', 'That page of projects no longer exists. Start from the newest.');
    after = decoded.key;
  }
  const page = await listProjectRows(viewer.user.id, { first: DEFAULT_PAGE_SIZE, after }, grantOf(viewer).projectIds);
  const last = page.rows.at(-1);
  return { page, nextCursor: page.hasNextPage && last ? encodeCursor(list, createdAtIdCursorKey, projectKey(last)) : null };
}

/** The API's list of a user's projects: a cursor from one works in the other. */
const projectsOf = (userId: string) => ({ name: 'User.projects', parentId: userId });
