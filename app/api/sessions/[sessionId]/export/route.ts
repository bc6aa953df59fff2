import { fromGlobalId } from '@/graphql/ids';
import { localeFromAcceptLanguage, TIME_ZONE_COOKIE, validTimeZone, type DateSettings } from '@/lib/dates';
import { handleRoute } from '@/server/adapters/routeHandler';
import { callerFromRequest } from '@/server/callers';
import { exportSession } from '@/server/sessions';

export const dynamic = 'force-dynamic';

/**
 * A session's transcript as a download: `?format=md` (default) or `json`. The session is named
 * by its API global id (or its raw uuid); the sign-in cookie or a bearer token says who asks.
 * Markdown's dates are in the browser's zone when its cookie comes along (a download from the
 * app), else UTC (an API client), and its header line says which.
 */
export async function GET(request: Request, { params }: { params: Promise<{ sessionId: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { sessionId } = await params;
    const caller = await callerFromRequest(request);
    const global = fromGlobalId(sessionId);
    const format = new URL(request.url).searchParams.get('format') ?? 'md';
    const file = await exportSession(caller, { sessionId: global?.type === 'Session' ? global.id : sessionId, format }, readerDates(request));
    return new Response(file.body, {
      headers: {
        'content-type': file.contentType,
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'no-store',
      },
    });
  });
}

function readerDates(request: Request): DateSettings {
  const zone = (request.headers.get('cookie') ?? '')
    .split(/;\s*/)
    .find((cookie) => cookie.startsWith(`${TIME_ZONE_COOKIE}=`))
    ?.slice(TIME_ZONE_COOKIE.length + 1);
  let timeZone = null;
  try {
    timeZone = zone === undefined ? null : decodeURIComponent(zone);
  } catch {
    // A malformed cookie is no zone.
  }
  return { locale: localeFromAcceptLanguage(request.headers.get('accept-language')), timeZone: validTimeZone(timeZone) };
}
