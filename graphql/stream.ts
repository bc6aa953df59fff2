import { specifiedRules, validate, type GraphQLFormattedError } from 'graphql';
import { createHandler } from 'graphql-sse/lib/use/fetch';
import { DomainError, ErrorCode, HTTP_STATUS, INTERNAL_ERROR_MESSAGE, unauthenticated } from '@/server/errors';
import { createContext, type GraphQLContext } from './context';
import { formatError } from './errors';
import { armorProtection } from './limits';
import { introspectionEnabled } from './server';
import { executableSchema } from './schema';

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
function createStreamHandler(): StreamHandler {
  const contexts = new WeakMap<Request, StreamContext>();
  const rules = [...specifiedRules, ...armorProtection({ hideFieldSuggestions: !introspectionEnabled() }).validationRules];
  const handler = createHandler<StreamContext>({
    schema: executableSchema(),
    validate: (schema, document) => validate(schema, document, rules),
    async authenticate(req) {
      try {
        const context = (await createContext(req.raw)) as StreamContext;
        // Live updates are about one's own projects: nobody signed in is refused before a stream opens.
        if (!context.viewer) throw unauthenticated();
        contexts.set(req.raw, context);
        // No token: every operation is a stream of its own (distinct connections mode).
        return null;
      } catch (error) {
        const refusal = error instanceof DomainError ? error : new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, INTERNAL_ERROR_MESSAGE);
        if (!(error instanceof DomainError)) console.error('GraphQL stream failed:', error);
        const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...refusal.headers };
        if (refusal.code === ErrorCode.UNAUTHENTICATED) headers['www-authenticate'] = 'Bearer';
        const body = JSON.stringify({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
        return [body, { status: HTTP_STATUS[refusal.code], statusText: refusal.code, headers }];
      }
    },
    context: (req) => {
      const context = contexts.get(req.raw);
      if (!context) throw new Error('The stream request was not authenticated.');
      return context;
    },
    onNext: (_context, _req, result) =>
      result.errors ? { ...result, errors: result.errors.map((error) => formatError(error as GraphQLFormattedError, error)) as never } : result,
  });
  return handler;
}

let streamHandler: StreamHandler | undefined;

export function getStreamHandler(): StreamHandler {
  streamHandler ??= createStreamHandler();
  return streamHandler;
}
