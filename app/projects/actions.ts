'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { createProject, getOwnedProject, renameProject } from '@/db/projects';
import { actionFailed, checkInput, type ActionResult } from '@/app/_lib/actionResult';
import { isUuid } from '@/lib/ids';
import { requireSignedInUser } from '@/lib/auth/session';
import { validateName } from '@/lib/validation';

export interface CreateProjectState {
  error: string | null;
}

/** Form action: creates the project and opens it. */
export async function createProjectAction(_previous: CreateProjectState, form: FormData): Promise<CreateProjectState> {
  const user = await requireSignedInUser('/');
  const name = checkInput(() => validateName('name', String(form.get('name') ?? '')));
  if (!name.ok) return { error: name.error };
  const project = await createProject(user.id, name.value);
  redirect(`/projects/${project.id}`);
}

export async function renameProjectAction(projectId: string, name: string): Promise<ActionResult<{ name: string }>> {
  const user = await requireSignedInUser('/');
  const project = isUuid(projectId) ? await getOwnedProject(user.id, projectId) : null;
  if (!project) return actionFailed('This project no longer exists.');
  const checked = checkInput(() => validateName('name', String(name)));
  if (!checked.ok) return checked;
  const renamed = await renameProject(project.id, checked.value);
  refresh();
  return { ok: true, name: renamed.name };
}
