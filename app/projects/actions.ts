'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import type { CreateProjectState } from '@/components/projects/CreateProjectForm';
import type { ActionResult } from '@/lib/actionResult';
import { runAction } from '@/server/adapters/serverAction';
import * as projects from '@/server/projects';

/** Form action: creates the project and opens it. */
export async function createProjectAction(_previous: CreateProjectState, form: FormData): Promise<CreateProjectState> {
  const name = form instanceof FormData ? form.get('name') : undefined;
  const created = await runAction(async (caller) => ({ project: await projects.createProject(caller, { name }) }));
  if (!created.ok) return { error: created.message };
  redirect(`/projects/${created.project.id}`);
}

export async function renameProjectAction(projectId: string, name: string): Promise<ActionResult<{ name: string }>> {
  const renamed = await runAction(async (caller) => ({ name: (await projects.renameProject(caller, { projectId, name })).name }));
  if (renamed.ok) refresh();
  return renamed;
}
