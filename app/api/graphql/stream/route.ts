import { getStreamHandler } from '@/graphql/stream';
import { config } from '@/lib/config';
import { answerWithCors, optionsResponse } from '@/lib/http/cors';

export const dynamic = 'force-dynamic';

/**
 * GraphQL subscriptions over Server-Sent Events (graphql-sse protocol): see graphql/stream.ts.
 * Refusals and streams alike carry CORS headers for the origins in CORS_ORIGINS (lib/http/cors.ts).
 */
export function GET(request: Request): Promise<Response> {
  return answerWithCors(request, getStreamHandler(), config().CORS_ORIGINS);
}

export function POST(request: Request): Promise<Response> {
  return answerWithCors(request, getStreamHandler(), config().CORS_ORIGINS);
}

/** Preflights from a listed origin; otherwise what Next.js answers by itself (204 with Allow). */
export function OPTIONS(request: Request): Response {
  return optionsResponse(request, config().CORS_ORIGINS);
}
