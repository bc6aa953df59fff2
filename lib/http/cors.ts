import { RATE_LIMIT_HEADER_NAMES } from '@/lib/rateLimit';

/**
 * Cross-origin requests to the GraphQL routes (`/api/graphql`, `/api/graphql/stream`), for pages
 * served from the origins an operator lists in CORS_ORIGINS (lib/config.ts), and only those.
 *
 * A listed origin is answered as a trusted first party: its page may send the user's cookie
 * (`Access-Control-Allow-Credentials`), which is why there is no wildcard: with credentials the
 * browser needs the exact origin echoed back. Any other origin gets no CORS header at all, so the
 * browser keeps the answer from its page, and its preflight is answered like any other OPTIONS
 * (204 with `Allow`), which the browser takes as a refusal. The headers never change what the
 * server does: Apollo's CSRF prevention still refuses a simple request (no preflight-forcing
 * header or content type) from anywhere, and the stream route still refuses a cookie sent by an
 * unlisted origin (graphql/stream.ts).
 */

/** The methods the GraphQL routes answer. */
const ALLOWED_METHODS = 'GET, POST';

/**
 * What a client may send: JSON bodies, a bearer token, Apollo's CSRF-prevention headers, content
 * negotiation, and graphql-sse's (a stream's token, the id to resume after). Named one by one:
 * with credentials the browser does not take `*` here.
 */
const ALLOWED_HEADERS = [
  'accept',
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'last-event-id',
  'x-graphql-event-stream-token',
].join(', ');

/** What a page may read of an answer beyond the safelisted headers: its budget, and why it was refused. */
const EXPOSED_HEADERS = [...RATE_LIMIT_HEADER_NAMES, 'www-authenticate'].join(', ');

/** How long a browser may reuse a preflight (seconds): Chromium's cap (Firefox allows a day). */
export const PREFLIGHT_MAX_AGE_SECONDS = 7200;

interface CorsRequest {
  method: string;
  headers: Headers;
}

/** The request's Origin when it is one of `allowedOrigins` (compared exactly, as browsers spell it), else null. */
export function listedOrigin(headers: Headers, allowedOrigins: readonly string[]): string | null {
  const origin = headers.get('origin');
  return origin !== null && allowedOrigins.includes(origin) ? origin : null;
}

/** A CORS preflight: OPTIONS naming the method the browser is about to send. */
export function isPreflight(request: CorsRequest): boolean {
  return request.method.toUpperCase() === 'OPTIONS' && request.headers.has('access-control-request-method');
}

/**
 * The CORS headers a request's answer carries: none when CORS is off; only `Vary: Origin` for
 * a request without a listed Origin (same-origin, a script, an unlisted site); for a listed
 * origin, that origin with credentials, plus the exposed headers on an actual request or what
 * may be sent, and for how long, on a preflight.
 */
export function corsHeaders(request: CorsRequest, allowedOrigins: readonly string[]): Record<string, string> {
  if (allowedOrigins.length === 0) return {};
  // The answer depends on Origin, so a cache keeps one per origin.
  const headers: Record<string, string> = { vary: 'Origin' };
  const origin = listedOrigin(request.headers, allowedOrigins);
  if (!origin) return headers;
  headers['access-control-allow-origin'] = origin;
  headers['access-control-allow-credentials'] = 'true';
  if (isPreflight(request)) {
    headers['access-control-allow-methods'] = ALLOWED_METHODS;
    headers['access-control-allow-headers'] = ALLOWED_HEADERS;
    headers['access-control-max-age'] = String(PREFLIGHT_MAX_AGE_SECONDS);
  } else {
    headers['access-control-expose-headers'] = EXPOSED_HEADERS;
  }
  return headers;
}

/**
 * The answer to OPTIONS: 204 with `Allow`, as Next.js answers it by itself, plus the preflight's
 * CORS headers for a listed origin. It establishes no caller and counts nothing.
 */
export function optionsResponse(request: CorsRequest, allowedOrigins: readonly string[]): Response {
  return new Response(null, { status: 204, headers: { allow: `${ALLOWED_METHODS}, OPTIONS`, ...corsHeaders(request, allowedOrigins) } });
}

/** `response` (any: data, an error envelope, a 401 or 429, a live stream) with the request's CORS headers. */
export function withCorsHeaders(response: Response, request: CorsRequest, allowedOrigins: readonly string[]): Response {
  const headers = corsHeaders(request, allowedOrigins);
  if (Object.keys(headers).length === 0) return response;
  const { vary, ...rest } = headers;
  const merged = new Headers(response.headers);
  const varies = merged.get('vary');
  if (!varies) merged.set('vary', vary);
  else if (!varies.split(',').some((name) => name.trim().toLowerCase() === 'origin' || name.trim() === '*')) merged.set('vary', `${varies}, ${vary}`);
  for (const [name, value] of Object.entries(rest)) merged.set(name, value);
  // A new Response around the same body (a stream stays a stream): a handler's headers may be immutable.
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}

/** A route handler whose every answer carries the request's CORS headers. */
export async function answerWithCors(request: Request, handler: (request: Request) => Promise<Response>, allowedOrigins: readonly string[]): Promise<Response> {
  return withCorsHeaders(await handler(request), request, allowedOrigins);
}
