import { startSession } from '@/db/sessions';
import { makeSessionPairs, makeUserWithProject } from '@/testing/factories';
import { toGlobalId } from '../../ids';
import { ApiClient, sessionCookie, type ApiServer } from './api';

/** A new user with a project and a session started in it, and a client of `server` signed in as them (cookie). */
export async function ownerWithSession(server: ApiServer) {
  const { user, project } = await makeUserWithProject();
  const session = await startSession(user.id, project.id);
  const api = new ApiClient(server.url).as(await sessionCookie(user));
  return { user, project, session, api, projectId: toGlobalId('Project', project.id), sessionId: toGlobalId('Session', session.id) };
}

/**
 * A new user with a project of `count` listed sessions (makeSessionPairs: pairs share a timestamp,
 * `newestFirst` in the history list's order), and a client of `server` signed in as them (cookie).
 */
export async function ownerOfListedSessions(server: ApiServer, count: number) {
  const { user, project } = await makeUserWithProject();
  const api = new ApiClient(server.url, await sessionCookie(user));
  const newestFirst = await makeSessionPairs(count, { projectId: project.id, createdById: user.id });
  return { user, project, api, newestFirst };
}
