import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { config } from '@/lib/config';
import { asDomainError, ErrorCode, INTERNAL_ERROR_MESSAGE } from '@/server/errors';

export { ErrorCode, INTERNAL_ERROR_MESSAGE, isDatabaseUnavailable } from '@/server/errors';

/** GraphQL-only refusals; everything a use case refuses arrives as a DomainError (server/errors.ts). */

export function unauthenticated(): GraphQLError {
  return new GraphQLError('Sign in, or send a personal access token as `Authorization: Bearer <token>`.', {
    extensions: { code: ErrorCode.UNAUTHENTICATED },
  });
}

export function notFound(typeName: string, id: string): GraphQLError {
  return new GraphQLError(`Could not find a ${typeName} with the id "${id}".`, {
    extensions: { code: ErrorCode.NOT_FOUND },
  });
}

/** `field` names the argument or input field at fault, e.g. "first", "after" or "content". */
export function badUserInput(field: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, field } });
}

export function queryTooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', http: { status: 400 } } });
}

const OUR_CODES = new Set<string>([...Object.values(ErrorCode), 'QUERY_TOO_COMPLEX', 'BAD_REQUEST']);

/** Codes Apollo gives to requests that are wrong (malformed, invalid); safe to show as they are. */
const REQUEST_ERROR_CODES = new Set<string>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
]);

/**
 * Apollo's formatError: errors we raised keep their code and message; a use case's
 * DomainError (and input rules from lib/validation) keep theirs with `field` where one is at
 * fault; anything unexpected (a bug) becomes INTERNAL_SERVER_ERROR with a generic message, so
 * no SQL, stack or internal detail reaches a client. Outside development it is logged here.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  env: Readonly<Record<string, string | undefined>> = process.env,
): GraphQLFormattedError {
  const where = { locations: formatted.locations, path: formatted.path };
  const cause = rootCause(error);
  const domain = asDomainError(cause);
  if (domain) {
    return { message: domain.message, ...where, extensions: { code: domain.code, ...(domain.field && { field: domain.field }), ...domain.details } };
  }
  if (cause instanceof GraphQLError && typeof cause.extensions.code === 'string' && OUR_CODES.has(cause.extensions.code)) {
    const { http: _http, ...extensions } = cause.extensions;
    return { message: cause.message, ...where, extensions };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) return formatted;

  if (config(env).NODE_ENV === 'development') return formatted;
  console.error('GraphQL request failed:', cause);
  return { message: INTERNAL_ERROR_MESSAGE, ...where, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/**
 * Resolver and validation errors wrap what was thrown; the innermost error says what happened.
 * graphql-js wraps a thrown value that is not an Error of its own realm in NonErrorThrown (a
 * socket error raised by Node's `net` seen from a Jest sandbox, say): that value is the cause.
 */
function rootCause(error: unknown): unknown {
  let current = error;
  for (;;) {
    if (current instanceof GraphQLError && current.originalError) current = current.originalError;
    else if (current instanceof Error && current.name === 'NonErrorThrown' && 'thrownValue' in current) current = current.thrownValue;
    else return current;
  }
}
