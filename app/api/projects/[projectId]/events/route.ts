import { fromGlobalId } from '@/graphql/ids';
import { handleRoute } from '@/server/adapters/routeHandler';
import { callerFromRequest } from '@/server/callers';
import { openProjectEventStream } from '@/server/projectEvents';

export const dynamic = 'force-dynamic';

/**
 * Live updates of one project as Server-Sent Events, for every open device of its owner. The
 * project is named by its API global id (or its raw uuid). Resumes after `Last-Event-ID`
 * (sent by EventSource when it reconnects) or `?after=`.
 */
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { projectId } = await params;
    const caller = await callerFromRequest(request);
    const resumeFrom = request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('after');
    const stream = await openProjectEventStream(caller, request, {
      projectId: fromGlobalId(projectId)?.type === 'Project' ? fromGlobalId(projectId)?.id : projectId,
      afterId: resumeFrom !== null && /^\d+$/.test(resumeFrom) ? Number(resumeFrom) : null,
    });
    return new Response(stream, {
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      },
    });
  });
}
