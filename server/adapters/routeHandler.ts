import { asDomainError, DomainError, ErrorCode, HTTP_STATUS, INTERNAL_ERROR_MESSAGE } from '../errors';

/**
 * The error envelope of every route handler outside GraphQL (live events, exports, health):
 * the same shape and codes as a GraphQL error, with the code's HTTP status and headers.
 *
 *   { "errors": [{ "message": "…", "extensions": { "code": "NOT_FOUND" } }] }
 */
export function errorResponse(error: DomainError): Response {
  const extensions = { code: error.code, ...(error.field && { field: error.field }), ...error.details };
  const headers: Record<string, string> = { 'cache-control': 'no-store', ...error.headers };
  if (error.code === ErrorCode.UNAUTHENTICATED) headers['www-authenticate'] = 'Bearer';
  return Response.json({ errors: [{ message: error.message, extensions }] }, { status: HTTP_STATUS[error.code], headers });
}

/** Runs a route handler's work; refusals become errorResponse, anything unexpected a logged, generic 500. */
export async function handleRoute(work: () => Promise<Response>): Promise<Response> {
  try {
    return await work();
  } catch (error) {
    const domain = asDomainError(error);
    if (domain) return errorResponse(domain);
    console.error('Route handler failed:', error);
    return errorResponse(new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, INTERNAL_ERROR_MESSAGE));
  }
}
