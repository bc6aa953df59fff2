import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { createContext, type GraphQLContext } from './context';
import { rateLimitHeaders } from '@/lib/rateLimit';
import { DomainError, ErrorCode, HTTP_STATUS, INTERNAL_ERROR_MESSAGE } from '@/server/errors';
import { formatError } from './errors';
import { executableSchema } from './schema';
import { introspectionEnabled, operationGuards, type OperationGuards } from './operationGuards';
import { httpResponsePlugin } from './httpResponse';
import { resolvers } from './resolvers';
import { applyTrustedDocuments, type TrustedDocumentsMode } from './trustedDocuments';

export type GraphQLHandler = (request: Request) => Promise<Response>;

export { introspectionEnabled };

export function createApolloServer(env: Readonly<Record<string, string | undefined>> = process.env, guards: OperationGuards = operationGuards(env)): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema: executableSchema(),
    // Refused, when off, by the guards' own rule (graphql/operationGuards.ts), as on the stream route.
    introspection: true,
    // Persisted ids name only the documents codegen generated (graphql/trustedDocuments.ts): nobody registers new ones at run time.
    persistedQueries: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: env.NODE_ENV === 'development',
    formatError,
    parseOptions: guards.parseOptions,
    validationRules: guards.validationRules,
    // The app has its own explorer at /graphql; Apollo's landing page would load Apollo's CDN.
    // The schema sets no cache hints, so Apollo's per-field cache-control bookkeeping is pure cost.
    plugins: [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ...guards.apolloPlugins, httpResponsePlugin()],
  });
}

/**
 * The route handler, built once per process: Next.js may evaluate the route module more than
 * once, and an Apollo server may be started only once. A new resolver map (a dev reload)
 * builds a new server.
 */
const HANDLER_KEY = Symbol.for('codirector.graphqlHandler');
type GlobalWithHandler = typeof globalThis & { [HANDLER_KEY]?: { resolvers: object; handler: GraphQLHandler } };

export function getGraphQLHandler(): GraphQLHandler {
  const holder = globalThis as GlobalWithHandler;
  if (holder[HANDLER_KEY]?.resolvers !== resolvers) holder[HANDLER_KEY] = { resolvers, handler: createGraphQLHandler() };
  return holder[HANDLER_KEY].handler;
}

/** A handler with its own Apollo server, configured by `env` (tests run servers with other settings side by side). */
export function createGraphQLHandler(env: Readonly<Record<string, string | undefined>> = process.env): GraphQLHandler {
  const guards = operationGuards(env);
  const server = createApolloServer(env, guards);
  server.startInBackgroundHandlingStartupErrorsByLoggingAndFailingAllRequests();
  return (request) => handleGraphQLRequest(server, request, guards.trustedDocuments);
}

/**
 * Hands a web Request to Apollo and Apollo's answer back as a web Response. The body is read
 * and parsed once here, within the size limit; Apollo does the rest (methods, CSRF
 * prevention, content negotiation).
 */
async function handleGraphQLRequest(server: ApolloServer<GraphQLContext>, request: Request, trustedDocuments: TrustedDocumentsMode): Promise<Response> {
  // Who is asking comes first, so every answer (a 400, 401, 406 or 413 too) carries the caller's rate-limit headers.
  let context: GraphQLContext;
  try {
    context = await createContext(request);
  } catch (error) {
    const refusal = error instanceof DomainError ? error : unexpected(error);
    return finished(Response.json({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] }, { status: HTTP_STATUS[refusal.code] }), refusal.headers);
  }
  const limits = context.rateLimit ? rateLimitHeaders(context.rateLimit) : {};
  const body = await readBody(request);
  if (body instanceof Response) return finished(body, limits);
  const method = request.method.toUpperCase();
  const operation = applyTrustedDocuments({ method, body, search: searchOf(request.url) }, context.viewer?.via ?? null, trustedDocuments);
  if ('code' in operation) return finished(refusal(operation.code, operation.message, operation.status), limits);
  const headers = new HeaderMap();
  for (const [name, value] of request.headers) headers.set(name, value);
  const answer = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers, search: operation.search, body: operation.body },
    context: async () => context,
  });
  const responseHeaders = new Headers();
  for (const [name, value] of answer.headers) responseHeaders.set(name, value);
  const response = new Response(answer.body.kind === 'complete' ? answer.body.string : streamOf(answer.body.asyncIterator), {
    status: answer.status ?? 200,
    headers: responseHeaders,
  });
  return finished(response, limits);
}

/** A failure nobody planned for (a bug): logged here, answered with the generic message only. */
function unexpected(error: unknown): DomainError {
  console.error('GraphQL request failed:', error);
  return new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, INTERNAL_ERROR_MESSAGE);
}

/** The headers every answer of the endpoint carries: rate limits, and what a 401 or 405 must say. */
function finished(response: Response, extraHeaders: Record<string, string>): Response {
  for (const [name, value] of Object.entries(extraHeaders)) if (!response.headers.has(name)) response.headers.set(name, value);
  if (response.status === 401) response.headers.set('www-authenticate', 'Bearer');
  if (response.status === 405) response.headers.set('allow', ALLOWED_METHODS);
  return response;
}

function searchOf(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return '';
  const end = url.indexOf('#', start);
  return end < 0 ? url.slice(start) : url.slice(start, end);
}

function streamOf(chunks: AsyncIterator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
  });
}

/** The methods the endpoint answers: POST for everything, GET for queries. */
export const ALLOWED_METHODS = 'GET, POST';

/** Any other method: 405 with Allow, in the API's error envelope. */
export function methodNotAllowed(): Response {
  return Response.json(
    { errors: [{ message: `This endpoint answers ${ALLOWED_METHODS} only.`, extensions: { code: 'METHOD_NOT_ALLOWED' } }] },
    { status: 405, headers: { allow: ALLOWED_METHODS } },
  );
}

/** Requests larger than this are refused with 413 before anything parses them. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The body as Apollo takes it: parsed JSON for a JSON content type, else the text (which
 * Apollo refuses with a clear message). More than MAX_BODY_BYTES is refused with 413 (by
 * Content-Length when sent, else by counting the stream) and JSON that does not parse with
 * 400, before anything else runs.
 */
async function readBody(request: Request): Promise<unknown> {
  if (!request.body) return undefined;
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) return payloadTooLarge();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return payloadTooLarge();
    }
    chunks.push(value);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!isJson(request.headers.get('content-type'))) return text;
  try {
    return JSON.parse(text);
  } catch {
    return badRequest('The request body is not valid JSON.');
  }
}

function isJson(contentType: string | null): boolean {
  return contentType?.split(';')[0].trim().toLowerCase() === 'application/json';
}

function badRequest(message: string): Response {
  return refusal('BAD_REQUEST', message, 400);
}

/** A request refused before Apollo sees it, in the API's error envelope. */
function refusal(code: string, message: string, status: number): Response {
  return Response.json({ errors: [{ message, extensions: { code } }] }, { status });
}

function payloadTooLarge(): Response {
  return Response.json(
    { errors: [{ message: `The request body is larger than ${MAX_BODY_BYTES} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
    { status: 413 },
  );
}
