import { pingDatabase } from '@/db/client';
import { isDatabaseUnavailable } from '@/graphql/errors';

export const dynamic = 'force-dynamic';

/** Readiness: the database answers. 503 while it does not, so a load balancer routes around this instance. */
export async function GET(): Promise<Response> {
  const headers = { 'cache-control': 'no-store' };
  try {
    await pingDatabase();
    return Response.json({ status: 'ok', database: 'ok' }, { headers });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return Response.json({ status: 'unavailable', database: 'unreachable' }, { status: 503, headers: { ...headers, 'retry-after': '5' } });
  }
}
