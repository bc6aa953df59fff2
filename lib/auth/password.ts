import bcrypt from 'bcryptjs';

const COST = 10;
export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** bcrypt's comparison runs in constant time over the hash. */
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** Spent on unknown emails too, so response time does not reveal which emails have accounts. */
const DUMMY_HASH = bcrypt.hashSync('not-a-real-password', COST);
export async function verifyAgainstNothing(password: string): Promise<false> {
  await bcrypt.compare(password, DUMMY_HASH);
  return false;
}
