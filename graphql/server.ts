import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { startServerAndCreateNextHandler } from '@as-integrations/next';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { typeDefs } from './__generated__/typeDefs';
import { createContext, type GraphQLContext } from './context';
import { formatError } from './errors';
import { armorProtection, nodeLimitPlugin, QUERY_LIMITS } from './limits';
import { rateLimitHeadersPlugin } from './rateLimit';
import { resolvers } from './resolvers';

export type GraphQLHandler = (request: Request) => Promise<Response>;

/** Introspection is on outside production; in production only with GRAPHQL_INTROSPECTION=true. */
export function introspectionEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== 'production' || env.GRAPHQL_INTROSPECTION === 'true';
}

export function createApolloServer(env: NodeJS.ProcessEnv = process.env): ApolloServer<GraphQLContext> {
  const introspection = introspectionEnabled(env);
  const armor = armorProtection({ hideFieldSuggestions: !introspection });
  return new ApolloServer<GraphQLContext>({
    schema: makeExecutableSchema({ typeDefs, resolvers }),
    introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: env.NODE_ENV === 'development',
    formatError,
    parseOptions: { maxTokens: QUERY_LIMITS.tokens },
    validationRules: armor.validationRules,
    // The app has its own explorer at /graphql; Apollo's landing page would load Apollo's CDN.
    // The schema sets no cache hints, so Apollo's per-field cache-control bookkeeping is pure cost.
    plugins: [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ...armor.plugins, nodeLimitPlugin(), rateLimitHeadersPlugin()],
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
  if (holder[HANDLER_KEY]?.resolvers !== resolvers) {
    const handle = startServerAndCreateNextHandler<Request, GraphQLContext>(createApolloServer(), {
      context: (request) => createContext(request),
    });
    holder[HANDLER_KEY] = {
      resolvers,
      handler: async (request) => {
        const bounded = await withBoundedBody(request);
        return bounded instanceof Response ? bounded : handle(withPlainJsonContentType(bounded));
      },
    };
  }
  return holder[HANDLER_KEY].handler;
}

/**
 * @as-integrations/next parses the body as JSON only when Content-Type is exactly
 * `application/json`; `application/json; charset=utf-8`, which many clients send, would
 * otherwise be refused as a missing body.
 */
function withPlainJsonContentType(request: Request): Request {
  const contentType = request.headers.get('content-type');
  if (!contentType || contentType === 'application/json') return request;
  if (contentType.split(';')[0].trim().toLowerCase() !== 'application/json') return request;
  const headers = new Headers(request.headers);
  headers.set('content-type', 'application/json');
  return new Request(request, { headers });
}

/** Requests larger than this are refused with 413 before anything parses them. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads the body once, refusing more than MAX_BODY_BYTES with 413 (by Content-Length when sent,
 * else by counting the stream) and a JSON body that does not parse with 400, before Apollo sees
 * it. The request passed on carries the bytes read.
 */
async function withBoundedBody(request: Request): Promise<Request | Response> {
  if (!request.body) return request;
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
  const body = Buffer.concat(chunks);
  if (isJson(request.headers.get('content-type')) && !parses(body)) return badRequest('The request body is not valid JSON.');
  return new Request(request.url, { method: request.method, headers: request.headers, body });
}

function isJson(contentType: string | null): boolean {
  return contentType?.split(';')[0].trim().toLowerCase() === 'application/json';
}

function parses(body: Buffer): boolean {
  try {
    JSON.parse(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

function badRequest(message: string): Response {
  return Response.json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] }, { status: 400 });
}

function payloadTooLarge(): Response {
  return Response.json(
    { errors: [{ message: `The request body is larger than ${MAX_BODY_BYTES} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
    { status: 413 },
  );
}
