import { fromGlobalId } from '@/graphql/ids';
import { handleRoute } from '@/server/adapters/routeHandler';
import { callerFromRequest } from '@/server/callers';
import { exportSession } from '@/server/sessions';

export const dynamic = 'force-dynamic';

/**
 * A session's transcript as a download: `?format=md` (default) or `json`. The session is named
 * by its API global id (or its raw uuid); the sign-in cookie or a bearer token says who asks.
 */
export async function GET(request: Request, { params }: { params: Promise<{ sessionId: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { sessionId } = await params;
    const caller = await callerFromRequest(request);
    const global = fromGlobalId(sessionId);
    const format = new URL(request.url).searchParams.get('format') ?? 'md';
    const file = await exportSession(caller, { sessionId: global?.type === 'Session' ? global.id : sessionId, format });
    return new Response(file.body, {
      headers: {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'no-store',
      },
    });
  });
}
