import { eq, inArray, type Placeholder } from 'drizzle-orm';
import type { Executor } from './client';
import { edits, messages, projects, sessions } from './schema';
import { isUuid } from '@/lib/ids';

/*
 * The ownership predicate of each table, written once: a row is the user's when its project
 * is. Every by-id read adds it, so another user's row is simply not found.
 */
export const projectIdsOwnedBy = (ownerId: string | Placeholder, db: Executor) =>
  db.select({ id: projects.id }).from(projects).where(eq(projects.ownerId, ownerId));
export const sessionOwnedBy = (ownerId: string | Placeholder, db: Executor) => inArray(sessions.projectId, projectIdsOwnedBy(ownerId, db));
export const messageOwnedBy = (ownerId: string, db: Executor) =>
  inArray(messages.sessionId, db.select({ id: sessions.id }).from(sessions).where(sessionOwnedBy(ownerId, db)));
export const editOwnedBy = (ownerId: string, db: Executor) => inArray(edits.projectId, projectIdsOwnedBy(ownerId, db));

/** Ids from outside that are not shaped like ours name nothing (Postgres would refuse them). */
export const wellFormed = (ids: readonly string[]) => ids.filter(isUuid);
