import { getGraphQLHandler, methodNotAllowed } from '@/graphql/server';

export const dynamic = 'force-dynamic';

/** The GraphQL API: POST for queries and mutations, GET for queries (with a CSRF-safe header). */
export function GET(request: Request): Promise<Response> {
  return getGraphQLHandler()(request);
}

export function POST(request: Request): Promise<Response> {
  return getGraphQLHandler()(request);
}

export { methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
