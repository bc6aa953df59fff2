import { hash, verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';

// argon2id at OWASP's recommended minimum (19 MiB, 2 passes, 1 lane); written out so a library
// upgrade cannot change what new hashes cost without this file saying so.
const ARGON2ID = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
const CURRENT_HASH_PREFIX = `$argon2id$v=19$m=${ARGON2ID.memoryCost},t=${ARGON2ID.timeCost},p=${ARGON2ID.parallelism}$`;

/** bcrypt reads only the first 72 bytes of a password. */
const BCRYPT_MAX_BYTES = 72;

export function hashPassword(password: string): Promise<string> {
  // The library's default algorithm is argon2id; `needsRehash` notices if that ever changes.
  return hash(password, ARGON2ID);
}

/**
 * Checks a password against an argon2id hash, or a bcrypt hash from before argon2id. bcrypt
 * would accept anything that starts with the right 72 bytes; no bcrypt-era password was longer
 * (sign-up refused them), so a longer one is wrong.
 */
export async function verifyPassword(password: string, storedHash: string): Promise<boolean> {
  if (storedHash.startsWith('$argon2')) return verify(storedHash, password).catch(() => false);
  if (Buffer.byteLength(password, 'utf8') > BCRYPT_MAX_BYTES) return false;
  return bcrypt.compare(password, storedHash);
}

/** Hashes made with other parameters or by bcrypt are replaced on the next successful sign-in. */
export function needsRehash(storedHash: string): boolean {
  return !storedHash.startsWith(CURRENT_HASH_PREFIX);
}

let dummyHash: Promise<string> | undefined;

/** Spent on unknown emails, so response time does not reveal which emails have accounts. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password');
  await verify(await dummyHash, password).catch(() => false);
  return false;
}
