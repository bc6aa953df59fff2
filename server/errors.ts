import type { TokenScope } from '@/lib/auth/tokenScopes';
import type { RateLimitDecision } from '@/lib/rateLimit';
import { ValidationError } from '@/lib/validation';

/**
 * What a use case can refuse with. Every entry point (GraphQL, server actions, route handlers)
 * maps these to its own envelope with the same codes; anything else is a bug and becomes
 * INTERNAL_SERVER_ERROR with a generic message.
 */
export const ErrorCode = {
  /** No viewer: sign in, or send a valid personal access token. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** The viewer is known but may not do this (a token without the scope, `requiredScope`; a foreign Origin). */
  FORBIDDEN: 'FORBIDDEN',
  /** Missing, or another user's: the two are indistinguishable on purpose. */
  NOT_FOUND: 'NOT_FOUND',
  /** An argument or input field is invalid; `field` names it. */
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** The request conflicts with the current state (another device changed it first). */
  CONFLICT: 'CONFLICT',
  /** A clientMessageId already used for a different instruction in this session; `field` is `clientMessageId`. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** Too many requests in the current window. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The database cannot be reached right now. Retry later. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side. Try again later.';

/** HTTP status each code answers with where a whole request is refused (route handlers, GraphQL). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL_SERVER_ERROR: 500,
};

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field at fault, for BAD_USER_INPUT. */
    readonly field?: string,
    /** Extra response headers (Retry-After, x-ratelimit-*). */
    readonly headers: Record<string, string> = {},
    /** Extra, machine-readable detail for clients (GraphQL `extensions`), e.g. the clips of a CONFLICT. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const unauthenticated = (message = 'Sign in, or send a personal access token as `Authorization: Bearer <token>`.') =>
  new DomainError(ErrorCode.UNAUTHENTICATED, message);

export const invalidAccessToken = () => new DomainError(ErrorCode.UNAUTHENTICATED, 'The access token is malformed, unknown, expired or revoked.');

export const forbidden = (message: string) => new DomainError(ErrorCode.FORBIDDEN, message);

/** A token without the scope an operation needs; `requiredScope` tells the client which (the API's TokenScope). */
export const missingScope = (requiredScope: TokenScope) =>
  new DomainError(ErrorCode.FORBIDDEN, `This access token does not have the ${requiredScope} scope this needs.`, undefined, {}, { requiredScope });

/** `what` names the kind of object ("project", "session"); missing and not-yours read the same. */
export const notFound = (what: string, id?: string) =>
  new DomainError(
    ErrorCode.NOT_FOUND,
    id ? `Could not find a ${what} with the id "${id}".` : `This ${what} does not exist. It may have been deleted on another device.`,
  );

export const badInput = (field: string, message: string) => new DomainError(ErrorCode.BAD_USER_INPUT, message, field);

export const conflict = (message: string, details: Record<string, unknown> = {}) => new DomainError(ErrorCode.CONFLICT, message, undefined, {}, details);

export const rateLimited = (decision: RateLimitDecision, headers: Record<string, string>) =>
  new DomainError(ErrorCode.RATE_LIMITED, `Rate limit exceeded. Try again in ${decision.retryAfterSeconds} s.`, undefined, headers);

export const RETRY_AFTER_UNAVAILABLE_SECONDS = 5;

export const serviceUnavailable = () =>
  new DomainError(
    ErrorCode.SERVICE_UNAVAILABLE,
    'The database is unavailable right now. Try again shortly (a retry with the same clientMessageId is safe).',
    undefined,
    { 'retry-after': String(RETRY_AFTER_UNAVAILABLE_SECONDS) },
  );

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
  // Ours: a query that got no answer within DATABASE_QUERY_TIMEOUT_MS (db/queryTimeout.ts).
  'QUERY_TIMEOUT',
  // Postgres cancelled a statement (statement_timeout) or gave up waiting for a lock.
  '57014',
  '55P03',
]);

/**
 * Network failures, our query timeout, Postgres' connection-exception / shutdown classes (08,
 * 57P) and its statement timeout, found anywhere in the cause chain (Drizzle wraps driver
 * errors in a DrizzleQueryError).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return someCause(error, (code) => UNREACHABLE_CODES.has(code) || code.startsWith('08') || code.startsWith('57P'));
}

/** A foreign key that no longer holds: what was referenced was deleted by a concurrent request. */
export function isForeignKeyViolation(error: unknown): boolean {
  return someCause(error, (code) => code === '23503');
}

function someCause(error: unknown, matches: (code: string) => boolean): boolean {
  for (let current = error, depth = 0; current && depth < 6; current = (current as { cause?: unknown }).cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && matches(code)) return true;
  }
  return false;
}

/**
 * Any error as a DomainError: ours as they are, input rules from lib/validation as
 * BAD_USER_INPUT, an unreachable database as SERVICE_UNAVAILABLE; null for anything else.
 */
export function asDomainError(error: unknown): DomainError | null {
  if (error instanceof DomainError) return error;
  if (error instanceof ValidationError) return badInput(error.field, error.message);
  if (isDatabaseUnavailable(error)) return serviceUnavailable();
  return null;
}
