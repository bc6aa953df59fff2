import { latestProjectEventId } from '@/db/events';
import { InvalidAccessTokenError, resolveViewer } from '@/lib/auth/viewer';
import { createProjectEventStream } from '@/lib/events/projectEventStream';
import { ownedProject, requireViewer, type Caller } from './access';
import { DomainError, ErrorCode } from './errors';
import { requiredId } from './inputs';

/** How often an open stream checks that its credential (token or sign-in) still works. */
export const CREDENTIAL_RECHECK_MS = Number(process.env.EVENT_STREAM_RECHECK_MS) || 5_000;
/** Open streams per user on one instance; one per open tab or device is plenty. */
export const MAX_STREAMS_PER_USER = Number(process.env.EVENT_STREAMS_PER_USER) || 20;

const openStreamsByUser = new Map<string, number>();

/**
 * The live events of one of the viewer's projects, after `afterId` (a reconnect's
 * Last-Event-ID) or from now on. The stream ends when its credential stops working: a revoked
 * token, or a sign-out; every few seconds it asks again who `request` authenticates.
 */
export async function openProjectEventStream(
  caller: Caller,
  request: Request,
  input: { projectId: unknown; afterId: number | null },
): Promise<ReadableStream<Uint8Array>> {
  const viewer = requireViewer(caller);
  const project = await ownedProject(viewer, requiredId(input.projectId, 'projectId', 'project'));
  const open = openStreamsByUser.get(viewer.user.id) ?? 0;
  if (open >= MAX_STREAMS_PER_USER) {
    throw new DomainError(ErrorCode.RATE_LIMITED, `At most ${MAX_STREAMS_PER_USER} live event streams can be open at once.`, undefined, {
      'retry-after': '5',
    });
  }
  const afterId = input.afterId ?? (await latestProjectEventId(project.id));
  openStreamsByUser.set(viewer.user.id, (openStreamsByUser.get(viewer.user.id) ?? 0) + 1);

  const ended = new AbortController();
  const stopWatching = watchCredential(request, viewer.user.id, () => ended.abort());
  request.signal.addEventListener('abort', () => ended.abort(), { once: true });
  const closed = () => {
    stopWatching();
    const left = (openStreamsByUser.get(viewer.user.id) ?? 1) - 1;
    if (left > 0) openStreamsByUser.set(viewer.user.id, left);
    else openStreamsByUser.delete(viewer.user.id);
  };
  return createProjectEventStream({ projectId: project.id, afterId, signal: ended.signal, onClose: closed });
}

/** Re-checking spends none of the client's rate-limit budget: it is not a request of theirs. */
function watchCredential(request: Request, userId: string, revoked: () => void): () => void {
  const timer = setInterval(async () => {
    try {
      const viewer = await resolveViewer(request);
      if (viewer?.user.id !== userId) revoked();
    } catch (error) {
      // A refused token ends the stream; an unreachable database does not.
      if (error instanceof InvalidAccessTokenError) revoked();
    }
  }, CREDENTIAL_RECHECK_MS);
  timer.unref?.();
  return () => clearInterval(timer);
}
