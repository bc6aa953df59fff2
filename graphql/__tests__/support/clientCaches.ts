import { print, type DocumentNode } from 'graphql';
import * as documents from '@/docs/clients/documents';
import { SCREEN } from '@/docs/clients/documents';
import type { User } from '@/db/schema';
import { makeUserWithProject } from '@/testing/factories';
import { toGlobalId } from '../../ids';
import { ApiClient, sessionCookie, setUpApiServer, type ApiServer } from './api';

/*
 * One walk through every list-changing mutation, run by each client of docs/clients.md with
 * its recipe. After each mutation the screen as the client's cache has it (read without the
 * network) must equal the screen as a fresh request reads it from the server.
 */

export type MutationName =
  | 'startSession'
  | 'restoreSession'
  | 'forkSession'
  | 'pinSession'
  | 'unpinSession'
  | 'archiveSession'
  | 'unarchiveSession'
  | 'renameSession'
  | 'deleteSession'
  | 'sendMessage'
  | 'restoreTimeline'
  | 'createProject';

/** A client with its cache, driven by the walk. */
export interface CacheDriver {
  /** Loads the screen over the network and keeps watching it, as an open page does. */
  open(): Promise<void>;
  /** Runs a mutation through the client (its cache takes the payload); resolves to the payload. */
  mutate(name: MutationName, variables: Record<string, unknown>): Promise<Payload>;
  /** The screen from the cache alone; null when the cache cannot answer it. */
  cached(): Promise<unknown>;
  close(): void;
}

export interface Payload {
  session?: { id: string };
  userMessage?: { id: string };
  project?: { id: string };
}

export interface Viewer {
  user: User;
  projectId: string;
  headers: Record<string, string>;
}

/** The recipes' mutation documents by payload field, as both clients send them. */
export const MUTATIONS: Record<MutationName, DocumentNode> = {
  startSession: documents.START_SESSION,
  restoreSession: documents.RESTORE_SESSION,
  forkSession: documents.FORK_SESSION,
  pinSession: documents.PIN_SESSION,
  unpinSession: documents.UNPIN_SESSION,
  archiveSession: documents.ARCHIVE_SESSION,
  unarchiveSession: documents.UNARCHIVE_SESSION,
  renameSession: documents.RENAME_SESSION,
  deleteSession: documents.DELETE_SESSION,
  sendMessage: documents.SEND_MESSAGE,
  restoreTimeline: documents.RESTORE_TIMELINE,
  createProject: documents.CREATE_PROJECT,
};

/**
 * A client suite's live server. Nothing may be logged: a cache that cannot merge a payload (a
 * missing field, an unkeyed type) says so with a warning, which fails the test that caused it.
 */
export function setUpClientSuite(): () => ApiServer {
  const server = setUpApiServer();
  const warnings: unknown[][] = [];
  beforeAll(() => {
    for (const method of ['warn', 'error'] as const) jest.spyOn(console, method).mockImplementation((...args) => void warnings.push(args));
  });
  afterEach(() => {
    expect(warnings).toEqual([]);
    warnings.length = 0;
  });
  return server;
}

/** A new user with a project, signed in by cookie. */
export async function newViewer(): Promise<Viewer> {
  const { user, project } = await makeUserWithProject();
  return { user, projectId: toGlobalId('Project', project.id), headers: await sessionCookie(user) };
}

/** What a person sees on the screen: ids, order, titles, flags, counts, the current conversation, the clips and the projects. */
export function seen(data: unknown) {
  type Rows = { totalCount: number; edges: { node: { id: string; title: string | null; isCurrent: boolean; pinned: boolean; archived: boolean } }[] };
  type Screen = {
    viewer: { projects: { totalCount: number; edges: { node: { id: string; name: string } }[] } };
    project: {
      sessionCounts: { active: number; archived: number; pinned: number };
      currentSession: {
        id: string;
        title: string | null;
        messages: { totalCount: number; edges: { node: { id: string; role: string; content: string } }[] };
      } | null;
      sessions: Rows;
      archivedSessions: Rows;
      timeline: { totalDurationMs: number; clips: { id: string; name: string; durationMs: number; position: number }[] };
    };
  };
  if (!data) return data;
  const { viewer, project } = data as Screen;
  const rows = (list: Rows) => ({
    totalCount: list.totalCount,
    rows: list.edges.map(({ node }) => ({ id: node.id, title: node.title, isCurrent: node.isCurrent, pinned: node.pinned, archived: node.archived })),
  });
  const current = project.currentSession;
  return {
    projects: { totalCount: viewer.projects.totalCount, rows: viewer.projects.edges.map(({ node }) => ({ id: node.id, name: node.name })) },
    counts: { active: project.sessionCounts.active, archived: project.sessionCounts.archived, pinned: project.sessionCounts.pinned },
    currentSession: current && {
      id: current.id,
      title: current.title,
      messageCount: current.messages.totalCount,
      messages: current.messages.edges.map(({ node }) => ({ id: node.id, role: node.role, content: node.content })),
    },
    sessions: rows(project.sessions),
    archived: rows(project.archivedSessions),
    timeline: {
      totalDurationMs: project.timeline.totalDurationMs,
      clips: project.timeline.clips.map((clip) => ({ id: clip.id, name: clip.name, durationMs: clip.durationMs, position: clip.position })),
    },
  };
}

/** The steps of one walk: each mutation, then the check that the cached screen is the server's. */
type Walk = (step: (label: string, name: MutationName, variables: Record<string, unknown>) => Promise<Payload>, viewer: Viewer) => Promise<void>;

export const WALKS: Record<string, Walk> = {
  'session switches: start, send, restore, leave an empty session, fork': async (step, { projectId }) => {
    const first = (await step('startSession with no current session', 'startSession', { projectId })).session!.id;
    const instruction = (await step('sendMessage', 'sendMessage', { sessionId: first, content: 'make the intro a bit longer' })).userMessage!.id;
    const second = (await step('startSession', 'startSession', { projectId })).session!.id;
    await step('sendMessage in the new session', 'sendMessage', { sessionId: second, content: 'mute the outro' });
    await step('restoreSession', 'restoreSession', { sessionId: first });
    await step('startSession (empty)', 'startSession', { projectId });
    await step('restoreSession leaving the empty session, which is deleted', 'restoreSession', { sessionId: second });
    await step('forkSession', 'forkSession', { messageId: instruction });
    await step('startSession (empty) again', 'startSession', { projectId });
    await step('forkSession leaving the empty session', 'forkSession', { messageId: instruction });
  },

  'pin, unpin, archive, unarchive, restore an archived session, rename': async (step, { projectId }) => {
    const ids: string[] = [];
    for (const content of ['make the intro a bit longer', 'mute the outro', 'shorten the outro by 1 second']) {
      const id = (await step('startSession', 'startSession', { projectId })).session!.id;
      await step('sendMessage', 'sendMessage', { sessionId: id, content });
      ids.push(id);
    }
    const [oldest, middle, newest] = ids;
    await step('pinSession (the oldest moves to the top)', 'pinSession', { sessionId: oldest });
    await step('pinSession (a newer one goes above it)', 'pinSession', { sessionId: middle });
    await step('unpinSession (back to its place)', 'unpinSession', { sessionId: oldest });
    await step('archiveSession of a pinned session', 'archiveSession', { sessionId: middle });
    await step('archiveSession of the current session', 'archiveSession', { sessionId: newest });
    await step('unarchiveSession', 'unarchiveSession', { sessionId: middle });
    await step('archiveSession', 'archiveSession', { sessionId: oldest });
    await step('restoreSession of an archived session unarchives it', 'restoreSession', { sessionId: oldest });
    await step('renameSession', 'renameSession', { sessionId: middle, title: 'Cut for the festival' });
  },

  'messages, timeline restore, deletes, a new project': async (step, { projectId }) => {
    const first = (await step('startSession', 'startSession', { projectId })).session!.id;
    const instruction = (await step('sendMessage', 'sendMessage', { sessionId: first, content: 'make the intro a bit longer' })).userMessage!.id;
    await step('sendMessage again', 'sendMessage', { sessionId: first, content: 'mute the outro' });
    await step('sendMessage a third time', 'sendMessage', { sessionId: first, content: 'shorten the outro by 1 second' });
    await step('restoreTimeline', 'restoreTimeline', { messageId: instruction });
    const second = (await step('startSession', 'startSession', { projectId })).session!.id;
    await step('sendMessage', 'sendMessage', { sessionId: second, content: 'mute the intro' });
    await step('pinSession', 'pinSession', { sessionId: first });
    await step('deleteSession of another session', 'deleteSession', { sessionId: first });
    await step('deleteSession of the current session', 'deleteSession', { sessionId: second });
    await step('createProject', 'createProject', { name: 'Porto' });
  },
};

/** Runs a walk with a client: opens the screen, then after each mutation compares the cached screen with a fresh read. */
export async function runWalk(walk: Walk, viewer: Viewer, driver: CacheDriver, serverUrl: string): Promise<void> {
  const fresh = new ApiClient(serverUrl).as({ cookie: viewer.headers.cookie });
  const server = async () => seen(await fresh.data(print(SCREEN), { projectId: viewer.projectId }));
  await driver.open();
  expect({ step: 'open', screen: seen(await driver.cached()) }).toEqual({ step: 'open', screen: await server() });
  let count = 0;
  await walk(async (label, name, variables) => {
    const payload = await driver.mutate(name, variables);
    const step = `${++count}. ${name}: ${label}`;
    expect({ step, screen: seen(await driver.cached()) }).toEqual({ step, screen: await server() });
    return payload;
  }, viewer);
  driver.close();
}
