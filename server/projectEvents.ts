import { credentialChannelKey, latestProjectEventId } from '@/db/events';
import { config } from '@/lib/config';
import type { ProjectEvent } from '@/db/schema';
import { InvalidAccessTokenError, resolveViewer, type Viewer } from '@/server/auth/viewer';
import { projectEventFeed } from '@/server/events/projectEventFeed';
import { getProjectEventHub } from '@/server/events/projectEventHub';
import { createProjectEventStream } from '@/server/events/projectEventStream';
import { ownedProject, ownedSession, requireViewer, type Caller } from './access';
import { badInput, DomainError, ErrorCode } from './errors';
import { inputObject, requiredId } from './inputs';

/** How often an open stream checks that its credential (token or sign-in) still works (EVENT_STREAM_RECHECK_MS). */
const credentialRecheckMs = () => config().EVENT_STREAM_RECHECK_MS;
/** Open streams per user on one instance, the events route and GraphQL subscriptions together (EVENT_STREAMS_PER_USER). */
const maxStreamsPerUser = () => config().EVENT_STREAMS_PER_USER;

// On globalThis: Next.js bundles each route apart, and both stream routes must count into one map.
const shared = globalThis as typeof globalThis & { codirectorOpenStreams?: Map<string, number> };
const openStreamsByUser = (shared.codirectorOpenStreams ??= new Map<string, number>());

/** Refuses, before a stream opens, a viewer who has EVENT_STREAMS_PER_USER streams open already. */
export function ensureStreamCapacity(viewer: Viewer): void {
  if ((openStreamsByUser.get(viewer.user.id) ?? 0) >= maxStreamsPerUser()) throw tooManyStreams();
}

function tooManyStreams(): DomainError {
  return new DomainError(ErrorCode.RATE_LIMITED, `At most ${maxStreamsPerUser()} live event streams can be open at once.`, undefined, {
    'retry-after': '5',
  });
}

/**
 * A live subscription of the viewer's to one project: counted against their open streams, and
 * ended (`signal` aborts) when the request's credential stops working, when the client goes
 * away, or when `close()` is called. A revoked token or a sign-out ends it from the revocation
 * itself, which wakes the event channel (db/events.ts credentialChannelKey): notifications
 * arrive in commit order, so the stream ends before any event committed after the revocation
 * is delivered. Every few seconds it also asks again who `request` authenticates (an expiry, or
 * a wake-up missed while the channel reconnected).
 */
interface LiveSubscription {
  signal: AbortSignal;
  /** A function of its own (it reads no `this`): handed on as a stream's onClose. */
  close: () => void;
}

async function openLiveSubscription(viewer: Viewer, request: Request): Promise<LiveSubscription> {
  ensureStreamCapacity(viewer);
  openStreamsByUser.set(viewer.user.id, (openStreamsByUser.get(viewer.user.id) ?? 0) + 1);
  const ended = new AbortController();
  let stopHearing: () => void;
  try {
    stopHearing = await getProjectEventHub().subscribe(credentialKey(viewer), () => ended.abort());
  } catch (error) {
    releaseStream(viewer);
    throw error;
  }
  const stopRechecking = watchCredential(request, viewer.user.id, () => ended.abort());
  const stopWatching = () => {
    stopHearing();
    stopRechecking();
  };
  request.signal.addEventListener('abort', () => ended.abort(), { once: true });
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    stopWatching();
    ended.abort();
    releaseStream(viewer);
  };
  ended.signal.addEventListener('abort', close, { once: true });
  return { signal: ended.signal, close };
}

function releaseStream(viewer: Viewer): void {
  const left = (openStreamsByUser.get(viewer.user.id) ?? 1) - 1;
  if (left > 0) openStreamsByUser.set(viewer.user.id, left);
  else openStreamsByUser.delete(viewer.user.id);
}

/** What the channel says when this viewer's credential ends: their token's revocation, or the end of their sign-in cookies. */
const credentialKey = (viewer: Viewer) =>
  viewer.via === 'token' ? credentialChannelKey.token(viewer.token.id) : credentialChannelKey.authSessions(viewer.user.id);

/**
 * The live events of one of the viewer's projects as Server-Sent Events, after `afterId` (a
 * reconnect's Last-Event-ID) or from now on.
 */
export async function openProjectEventStream(
  caller: Caller,
  request: Request,
  input: { projectId: unknown; afterId: number | null },
): Promise<ReadableStream<Uint8Array>> {
  const viewer = requireViewer(caller, 'READ');
  const project = await ownedProject(viewer, requiredId(input.projectId, 'projectId', 'project'));
  const afterId = input.afterId ?? (await latestProjectEventId(project.id));
  const live = await openLiveSubscription(viewer, request);
  return createProjectEventStream({ projectId: project.id, afterId, signal: live.signal, onClose: live.close });
}

/**
 * The same events for a GraphQL subscription (`projectEvents`, or `sessionMessages` with a
 * `sessionId`): after the event id `after` (resuming after a reconnect), or from now on.
 * The iterator's `return()` (the client going away) ends it at once.
 */
export async function subscribeToProjectEvents(caller: Caller, request: Request, raw: unknown): Promise<AsyncIterableIterator<ProjectEvent>> {
  const viewer = requireViewer(caller, 'READ');
  const input = inputObject(raw);
  const session = input.sessionId === undefined ? null : await ownedSession(viewer, requiredId(input.sessionId, 'sessionId'));
  const project = await ownedProject(viewer, session?.projectId ?? requiredId(input.projectId, 'projectId', 'project'));
  const afterId = input.after == null ? await latestProjectEventId(project.id) : eventId(input.after);
  const live = await openLiveSubscription(viewer, request);
  const feed = projectEventFeed({ projectId: project.id, afterId, signal: live.signal });
  const events = (async function* () {
    try {
      for await (const event of feed) if (!session || event.sessionId === session.id) yield event;
    } finally {
      live.close();
    }
  })();
  const iterator: AsyncIterableIterator<ProjectEvent> = {
    next: () => events.next(),
    return: async () => {
      live.close();
      return events.return(undefined);
    },
    throw: (error: unknown) => events.throw(error),
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

function eventId(value: unknown): number {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) throw badInput('after', '`after` must be the `id` of an event this subscription delivered.');
  return Number(value);
}

/** Re-checking spends none of the client's rate-limit budget: it is not a request of theirs. */
function watchCredential(request: Request, userId: string, revoked: () => void): () => void {
  const recheck = async () => {
    try {
      const viewer = await resolveViewer(request);
      if (viewer?.user.id !== userId) revoked();
    } catch (error) {
      // A refused token ends the stream; an unreachable database does not (the next recheck tries again).
      if (error instanceof InvalidAccessTokenError) revoked();
    }
  };
  const timer = setInterval(() => {
    // Only ending the stream can still throw here; that is a bug to see, not a reason to stop the server.
    recheck().catch((error: unknown) => console.error('Event stream credential recheck failed:', error));
  }, credentialRecheckMs());
  timer.unref?.();
  return () => clearInterval(timer);
}
