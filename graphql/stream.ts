import type { GraphQLFormattedError } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/fetch';
import { DomainError, ErrorCode, HTTP_STATUS, INTERNAL_ERROR_MESSAGE, unauthenticated } from '@/server/errors';
import { createContext, type GraphQLContext } from './context';
import { formatError } from './errors';
import { MAX_BODY_BYTES, payloadTooLarge, unsupportedCharset } from '@/lib/http/requestBody';
import { config } from '@/lib/config';
import { listedOrigin } from '@/lib/http/cors';
import { isForeignOrigin } from '@/lib/security/requestOrigin';
import { ensureStreamCapacity } from '@/server/projectEvents';
import { checkStreamOperation, operationGuards } from './operationGuards';
import { executableSchema } from './schema';
import type { Refusal } from './trustedDocuments';

type StreamHandler = (request: Request) => Promise<Response>;
/** graphql-sse wants a context it can index; ours is the endpoint's. */
type StreamContext = GraphQLContext & Record<PropertyKey, unknown>;

/**
 * GraphQL over Server-Sent Events (the graphql-sse protocol, distinct connections mode) on the
 * API's schema: live subscriptions for third-party clients. The caller is established as for
 * the HTTP endpoint (bearer token or sign-in cookie, one request counted); a refusal answers
 * before the stream opens, in the API's error envelope. Errors inside the stream are formatted
 * by the endpoint's formatError: coded, never a stack or SQL.
 */
export function createStreamHandler(env: Readonly<Record<string, string | undefined>> = process.env): StreamHandler {
  const contexts = new WeakMap<Request, StreamContext>();
  const schema = executableSchema();
  const guards = operationGuards(env);
  const handler = createHandler<StreamContext>({
    schema,
    // Validation is one of the guards onSubscribe runs (graphql/operationGuards.ts), with the HTTP route's rules.
    validate: () => [],
    async authenticate(req) {
      const bodyRefusal = unreadableBody(req.raw);
      if (bodyRefusal) return refusalResponse(bodyRefusal);
      try {
        const context = (await createContext(req.raw)) as StreamContext;
        // Live updates are about one's own projects: nobody signed in is refused before a stream opens.
        if (!context.viewer) throw unauthenticated();
        // As for server actions: a sign-in cookie sent by another site's page is not its owner asking,
        // unless the operator listed that site in CORS_ORIGINS (lib/http/cors.ts).
        if (context.viewer.via === 'session' && isForeignOrigin(req.raw.headers, env) && !listedOrigin(req.raw.headers, config(env).CORS_ORIGINS)) {
          throw new DomainError(ErrorCode.FORBIDDEN, 'This request came from another site and was refused.');
        }
        ensureStreamCapacity(context.viewer);
        contexts.set(req.raw, context);
        // No token: every operation is a stream of its own (distinct connections mode).
        return null;
      } catch (error) {
        const refusal = error instanceof DomainError ? error : new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, INTERNAL_ERROR_MESSAGE);
        if (!(error instanceof DomainError)) console.error('GraphQL stream failed:', error);
        return refusalResponse({ status: HTTP_STATUS[refusal.code], code: refusal.code, message: refusal.message }, refusal.headers);
      }
    },
    onSubscribe(req, params) {
      const context = contextOf(req.raw);
      const checked = checkStreamOperation(params, { via: context.viewer?.via ?? null }, schema, guards);
      if ('code' in checked) return refusalResponse(checked);
      return { ...checked, schema, contextValue: context };
    },
    context: (req) => contextOf(req.raw),
    onNext: (_context, _req, result) =>
      result.errors ? { ...result, errors: result.errors.map((error) => formatError(error as GraphQLFormattedError, error)) as never } : result,
  });

  function contextOf(request: Request): StreamContext {
    const context = contexts.get(request);
    if (!context) throw new Error('The stream request was not authenticated.');
    return context;
  }
  return handler;
}

/** What the HTTP route refuses of a body, refused here before graphql-sse reads it (it reads it whole). */
function unreadableBody(request: Request): Refusal | null {
  const charset = unsupportedCharset(request.headers.get('content-type'));
  if (charset) return charset;
  return Number(request.headers.get('content-length')) > MAX_BODY_BYTES ? payloadTooLarge() : null;
}

/** A refusal before the stream opens, in the API's error envelope. */
function refusalResponse(
  refusal: Refusal,
  extraHeaders: Record<string, string> = {},
): [string, { status: number; statusText: string; headers: Record<string, string> }] {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...extraHeaders };
  if (refusal.code === ErrorCode.UNAUTHENTICATED) headers['www-authenticate'] = 'Bearer';
  if (refusal.status === 405) headers.allow = 'GET, POST';
  const body = JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
  return [body, { status: refusal.status, statusText: refusal.code, headers }];
}

let streamHandler: StreamHandler | undefined;

export function getStreamHandler(): StreamHandler {
  streamHandler ??= createStreamHandler();
  return streamHandler;
}
