import { createProject as createProjectRow, renameProject as renameProjectRow } from '@/db/projects';
import type { Project } from '@/db/schema';
import { validateName } from '@/lib/validation';
import { ownedProject, requireViewer, type Caller } from './access';
import { inputObject, requiredId, requiredString } from './inputs';
import { whileItExists } from './writes';

export async function createProject(caller: Caller, raw: unknown): Promise<Project> {
  const viewer = requireViewer(caller);
  const name = validateName('name', requiredString(inputObject(raw).name, 'name'));
  return createProjectRow(viewer.user.id, name);
}

export async function renameProject(caller: Caller, raw: unknown): Promise<Project> {
  const viewer = requireViewer(caller);
  const input = inputObject(raw);
  const name = validateName('name', requiredString(input.name, 'name'));
  const project = await ownedProject(viewer, requiredId(input.projectId, 'projectId'));
  return whileItExists('project', () => renameProjectRow(project.id, name));
}
