import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import { ErrorCode, RETRY_AFTER_UNAVAILABLE_SECONDS } from '@/server/errors';

/**
 * What a GraphQL response's errors say at the HTTP level (graphql/server.ts adds the
 * x-ratelimit-* headers to every answer): HTTP 503 with Retry-After whenever an error is
 * SERVICE_UNAVAILABLE, so clients and proxies retry instead of caching a 200; HTTP 401 with
 * `WWW-Authenticate: Bearer` when the request needed a viewer and had none.
 */
export function httpResponsePlugin(): ApolloServerPlugin<object> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation }) {
          if (operation?.operation === OperationTypeNode.SUBSCRIPTION) {
            return Promise.reject(
              new GraphQLError('Subscriptions are served over Server-Sent Events (the graphql-sse protocol) at /api/graphql/stream.', {
                extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
              }),
            );
          }
          return Promise.resolve();
        },
        willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (errors?.some((error) => error.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(RETRY_AFTER_UNAVAILABLE_SECONDS));
          } else if (errors?.some((error) => error.extensions?.code === ErrorCode.UNAUTHENTICATED)) {
            response.http.status = 401;
          }
          return Promise.resolve();
        },
      });
    },
  };
}
