import { getGraphQLHandler, methodNotAllowed } from '@/graphql/server';
import { config } from '@/lib/config';
import { answerWithCors, optionsResponse } from '@/lib/http/cors';

export const dynamic = 'force-dynamic';

/**
 * The GraphQL API: POST for queries and mutations, GET for queries (with a CSRF-safe header).
 * Every answer carries CORS headers for the origins in CORS_ORIGINS (lib/http/cors.ts).
 */
export function GET(request: Request): Promise<Response> {
  return answerWithCors(request, getGraphQLHandler(), config().CORS_ORIGINS);
}

export function POST(request: Request): Promise<Response> {
  return answerWithCors(request, getGraphQLHandler(), config().CORS_ORIGINS);
}

/** Preflights from a listed origin; otherwise what Next.js answers by itself (204 with Allow). */
export function OPTIONS(request: Request): Response {
  return optionsResponse(request, config().CORS_ORIGINS);
}

export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
