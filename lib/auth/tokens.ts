import { createHash, randomBytes } from 'node:crypto';

/**
 * Personal access tokens: `cds_` and 40 random base62 characters (about 238 bits). The prefix
 * lets secret scanners and people recognise one; only its SHA-256 hash is stored, so a copy
 * of the database cannot be replayed as credentials.
 */
export const ACCESS_TOKEN_PREFIX = 'cds_';
const SECRET_LENGTH = 40;
/** How much of a token lists show, so a user can tell their tokens apart. */
const DISPLAY_LENGTH = ACCESS_TOKEN_PREFIX.length + 6;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const TOKEN_FORMAT = new RegExp(`^${ACCESS_TOKEN_PREFIX}[0-9A-Za-z]{${SECRET_LENGTH}}$`);
// Bytes at or above the largest multiple of 62 are dropped so every character is equally likely.
const UNBIASED_BYTE_LIMIT = 256 - (256 % BASE62.length);

export interface GeneratedAccessToken {
  /** The secret; shown to the user once and never stored. */
  token: string;
  hash: string;
  displayPrefix: string;
}

export function generateAccessToken(): GeneratedAccessToken {
  let secret = '';
  while (secret.length < SECRET_LENGTH) {
    for (const byte of randomBytes(SECRET_LENGTH)) {
      if (byte < UNBIASED_BYTE_LIMIT && secret.length < SECRET_LENGTH) secret += BASE62[byte % BASE62.length];
    }
  }
  const token = `${ACCESS_TOKEN_PREFIX}${secret}`;
  return { token, hash: hashAccessToken(token), displayPrefix: token.slice(0, DISPLAY_LENGTH) };
}

export function hashAccessToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether a string could be one of our tokens at all; anything else needs no database lookup. */
export function isWellFormedAccessToken(token: string): boolean {
  return TOKEN_FORMAT.test(token);
}
