import { randomUUID } from 'node:crypto';
import { createProject, type NewClip } from '@/db/projects';
import { createUser } from '@/db/users';

export async function makeUser(name = 'Test User') {
  return createUser({ email: `${randomUUID()}@example.test`, name, passwordHash: null });
}

export async function makeProject(ownerId: string, name = 'Test project', timeline?: readonly NewClip[]) {
  return createProject(ownerId, name, timeline);
}

export async function makeUserWithProject() {
  const user = await makeUser();
  const project = await makeProject(user.id);
  return { user, project };
}
