import { latestProjectEventId } from '@/db/events';
import { getOwnedProject } from '@/db/projects';
import { InvalidAccessTokenError, resolveViewer } from '@/lib/auth/viewer';
import { isUuid } from '@/lib/ids';
import { createProjectEventStream } from '@/lib/events/projectEventStream';

export const dynamic = 'force-dynamic';

function problem(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status });
}

/**
 * Live updates of one project as Server-Sent Events, for every open device of its owner.
 * Resumes after `Last-Event-ID` (sent by EventSource when it reconnects) or `?after=`.
 */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  const { projectId } = await params;
  let viewer;
  try {
    viewer = await resolveViewer(request);
  } catch (error) {
    if (error instanceof InvalidAccessTokenError) return problem(401, 'UNAUTHENTICATED', error.message);
    throw error;
  }
  if (!viewer) return problem(401, 'UNAUTHENTICATED', 'Sign in or send a personal access token.');
  const project = isUuid(projectId) ? await getOwnedProject(viewer.user.id, projectId) : null;
  if (!project) return problem(404, 'NOT_FOUND', 'No such project.');

  const resumeFrom = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('after');
  const afterId = resumeFrom !== null && /^\d+$/.test(resumeFrom) ? Number(resumeFrom) : await latestProjectEventId(project.id);

  return new Response(createProjectEventStream({ projectId: project.id, afterId, signal: request.signal }), {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
