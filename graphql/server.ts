import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { createContext, type GraphQLContext } from './context';
import { config } from '@/lib/config';
import { errorEnvelopeResponse } from '@/lib/http/errorEnvelope';
import { isBodyRefusal, mediaTypeOf, readBodyText } from '@/lib/http/requestBody';
import { rateLimitHeaders } from '@/lib/rateLimit';
import { asDomainError, DomainError, ErrorCode, HTTP_STATUS, INTERNAL_ERROR_MESSAGE } from '@/server/errors';
import { persistedQueryText, registerPersistedQueryFor } from '@/server/persistedQueries';
import { formatError } from './errors';
import { executableSchema } from './schema';
import { introspectionEnabled, operationGuards, type OperationGuards } from './operationGuards';
import { httpResponsePlugin } from './httpResponse';
import { resolvers } from './resolvers';
import { applyPersistedQueries, type Registrable, type TrustedDocumentsMode } from './trustedDocuments';

export type GraphQLHandler = (request: Request) => Promise<Response>;

export { introspectionEnabled };

export function createApolloServer(
  env: Readonly<Record<string, string | undefined>> = process.env,
  guards: OperationGuards = operationGuards(env),
): ApolloServer<GraphQLContext> {
  return new ApolloServer<GraphQLContext>({
    schema: executableSchema(),
    // Refused, when off, by the guards' own rule (graphql/operationGuards.ts), as on the stream route.
    introspection: true,
    // Persisted ids, the app's own and automatic ones, are resolved before Apollo reads the request (graphql/trustedDocuments.ts).
    persistedQueries: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: config(env).NODE_ENV === 'development',
    formatError,
    parseOptions: guards.parseOptions,
    validationRules: guards.validationRules,
    // The app has its own explorer at /graphql; Apollo's landing page would load Apollo's CDN.
    // The schema sets no cache hints, so Apollo's per-field cache-control bookkeeping is pure cost.
    plugins: [
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      ...guards.apolloPlugins,
      httpResponsePlugin(),
      persistedQueryRegistrationPlugin(),
    ],
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
    return finished(errorEnvelopeResponse(HTTP_STATUS[refusal.code], refusal.code, refusal.message), refusal.headers);
  }
  const limits = context.rateLimit ? rateLimitHeaders(context.rateLimit) : {};
  const body = await readBody(request);
  if (body instanceof Response) return finished(body, limits);
  const method = request.method.toUpperCase();
  let resolved;
  try {
    resolved = await applyPersistedQueries({ method, body, search: searchOf(request.url) }, context.viewer?.via ?? null, trustedDocuments, persistedQueryText);
  } catch (error) {
    // The store's lookup: an unreachable database is SERVICE_UNAVAILABLE (503, Retry-After), as anywhere.
    const refusal = asDomainError(error) ?? unexpected(error);
    return finished(errorEnvelopeResponse(HTTP_STATUS[refusal.code], refusal.code, refusal.message), { ...limits, ...refusal.headers });
  }
  if ('code' in resolved) return finished(errorEnvelopeResponse(resolved.status, resolved.code, resolved.message), limits);
  const { request: operation, register } = resolved;
  if (register) pendingRegistrations.set(request, register);
  const headers = new HeaderMap();
  for (const [name, value] of request.headers) headers.set(name, value);
  const answer = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method, headers, search: operation.search, body: operation.body },
    context: () => Promise.resolve(context),
  });
  const responseHeaders = new Headers();
  for (const [name, value] of answer.headers) responseHeaders.set(name, value);
  const response = new Response(answer.body.kind === 'complete' ? answer.body.string : streamOf(answer.body.asyncIterator), {
    status: answer.status ?? 200,
    headers: responseHeaders,
  });
  return finished(response, limits);
}

/**
 * The automatic persisted query a request's text is to be registered as, by the request (Apollo
 * hands each plugin a shallow copy of the context, whose `request` is still this one).
 */
const pendingRegistrations = new WeakMap<Request, Registrable>();

/**
 * Registers an APQ client's document when its execution starts: Apollo gets there only after the
 * document parsed and validated (depth, aliases, directives, introspection) and every plugin's
 * check passed (the node limit, the refusal of subscriptions and of mutations over GET), so a
 * document that fails any of them is never kept. A failed registration does not fail the request:
 * the client sends the text again next time.
 */
function persistedQueryRegistrationPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart({ contextValue }) {
      const pending = pendingRegistrations.get(contextValue.request);
      if (!pending) return Promise.resolve();
      pendingRegistrations.delete(contextValue.request);
      return Promise.resolve({
        async executionDidStart() {
          try {
            await registerPersistedQueryFor(contextValue, pending.hash, pending.text);
          } catch (error) {
            console.warn('Could not register a persisted query:', error);
          }
        },
      });
    },
  };
}

/** A failure nobody planned for (a bug): logged here, answered with the generic message only. */
function unexpected(error: unknown): DomainError {
  console.error('GraphQL request failed:', error);
  return new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, INTERNAL_ERROR_MESSAGE);
}

/**
 * The headers every answer of the endpoint carries: rate limits, what a 401 or 405 must say,
 * and no caching (an answer is one viewer's, and a GET's URL is the same for every viewer).
 */
function finished(response: Response, extraHeaders: Record<string, string>): Response {
  response.headers.set('cache-control', 'private, no-store');
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

function streamOf(chunks: AsyncIterator<string, unknown>): ReadableStream<Uint8Array> {
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
  return errorEnvelopeResponse(405, 'METHOD_NOT_ALLOWED', `This endpoint answers ${ALLOWED_METHODS} only.`, { allow: ALLOWED_METHODS });
}

/**
 * The body as Apollo takes it: parsed JSON for a JSON content type, else the text (which
 * Apollo refuses with a clear message). Too large (413), not UTF-8 (415) or JSON that does not
 * parse (400) is refused before anything else runs.
 */
async function readBody(request: Request): Promise<unknown> {
  if (!request.body) return undefined;
  const text = await readBodyText(request);
  if (isBodyRefusal(text)) return errorEnvelopeResponse(text.status, text.code, text.message);
  if (mediaTypeOf(request.headers.get('content-type')) !== 'application/json') return text;
  try {
    return JSON.parse(text);
  } catch {
    return errorEnvelopeResponse(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  }
}
