import { ApolloServerErrorCode } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { SessionNotFoundError } from '@/db/messages';
import { ValidationError } from '@/lib/validation';

/** The codes this API answers with in `errors[].extensions.code`. */
export const ErrorCode = {
  /** No viewer: sign in, or send a valid personal access token. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The viewer is known but may not do this (e.g. mint a token with a token). */
  FORBIDDEN: 'FORBIDDEN',
  /** Missing, or another user's: the two are indistinguishable on purpose. */
  NOT_FOUND: 'NOT_FOUND',
  /** An argument or input field is invalid; `extensions.field` names it. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** Too deep, too many aliases or directives, or too many nodes: refused before running. */
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  /** Too many requests in the current window; see the x-ratelimit-* and Retry-After headers. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The database cannot be reached right now; nothing was changed. Retry later. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Try again later.';

export function unauthenticated(): GraphQLError {
  return new GraphQLError('Sign in, or send a personal access token as `Authorization: Bearer <token>`.', {
    extensions: { code: ErrorCode.UNAUTHENTICATED },
  });
}

/** The whole request is refused with 401: it carried credentials that do not work. */
export function invalidAccessToken(): GraphQLError {
  return new GraphQLError('The access token is malformed, unknown or revoked.', {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
  });
}

export function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN } });
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
  return new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } } });
}

/** Refuses the whole request with 429 and the given headers (Retry-After, x-ratelimit-*). */
export function rateLimited(retryAfterSeconds: number, headers: Record<string, string>): GraphQLError {
  return new GraphQLError(`API rate limit exceeded. Try again in ${retryAfterSeconds} s.`, {
    extensions: { code: ErrorCode.RATE_LIMITED, http: { status: 429, headers: new Map(Object.entries(headers)) } },
  });
}

const OUR_CODES = new Set<string>(Object.values(ErrorCode));

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
 * Apollo's formatError: errors we raised keep their code and message; input rules from
 * lib/validation become BAD_USER_INPUT naming the field; anything unexpected (a bug, a
 * database failure) becomes INTERNAL_SERVER_ERROR with a generic message, so no SQL, stack
 * or internal detail reaches a client. Outside development it is logged here instead.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const where = { locations: formatted.locations, path: formatted.path };
  const cause = rootCause(error);
  if (cause instanceof ValidationError) {
    return { message: cause.message, ...where, extensions: { code: ErrorCode.BAD_USER_INPUT, field: cause.field } };
  }
  if (cause instanceof SessionNotFoundError) {
    return { message: 'The session no longer exists.', ...where, extensions: { code: ErrorCode.NOT_FOUND } };
  }
  if (cause instanceof GraphQLError && typeof cause.extensions.code === 'string' && OUR_CODES.has(cause.extensions.code)) {
    const { http: _http, ...extensions } = cause.extensions;
    return { message: cause.message, ...where, extensions };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) return formatted;
  if (isDatabaseUnavailable(cause)) {
    return { message: serviceUnavailable().message, ...where, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }

  if (process.env.NODE_ENV === 'development') return formatted;
  console.error('GraphQL request failed:', cause);
  return { message: INTERNAL_ERROR_MESSAGE, ...where, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/** Resolver and validation errors wrap what was thrown; the innermost error says what happened. */
function rootCause(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
]);

/**
 * Network failures and Postgres' connection-exception / shutdown classes (08, 57P), found
 * anywhere in the cause chain (Drizzle wraps driver errors in a DrizzleQueryError).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; current = (current as { cause?: unknown }).cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && (UNREACHABLE_CODES.has(code) || code.startsWith('08') || code.startsWith('57P'))) return true;
  }
  return false;
}

export function serviceUnavailable(): GraphQLError {
  return new GraphQLError('The database is unavailable right now; nothing was changed. Try again shortly.', {
    extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503, headers: new Map([['retry-after', '5']]) } },
  });
}
