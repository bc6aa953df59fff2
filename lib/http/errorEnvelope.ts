/**
 * The API's error envelope, the same on every route (GraphQL, streams, route handlers, refused
 * server actions): `{ "errors": [{ "message": "…", "extensions": { "code": "…" } }] }`. Never
 * cached: it describes one request.
 */
export function errorEnvelopeResponse(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ errors: [{ message, extensions: { code } }] }, { status, headers: { 'cache-control': 'no-store', ...headers } });
}
