import { getStreamHandler } from '@/graphql/stream';

export const dynamic = 'force-dynamic';

/** GraphQL subscriptions over Server-Sent Events (graphql-sse protocol): see graphql/stream.ts. */
export function GET(request: Request): Promise<Response> {
  return getStreamHandler()(request);
}

export function POST(request: Request): Promise<Response> {
  return getStreamHandler()(request);
}
