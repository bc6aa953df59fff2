import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const LOCAL_SECRET_FILE = path.join('.data', 'nextauth-secret');

/**
 * The key that signs session cookies. Production requires NEXTAUTH_SECRET; elsewhere a
 * random one is generated once into .data/nextauth-secret so a newcomer configures nothing.
 */
export function getAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.NEXTAUTH_SECRET?.trim();
  if (configured) return configured;
  if (env.NODE_ENV === 'production') {
    throw new Error('NEXTAUTH_SECRET must be set in production (any long random string, e.g. `openssl rand -base64 32`).');
  }
  return readOrCreateLocalSecret();
}

export function readOrCreateLocalSecret(file = LOCAL_SECRET_FILE): string {
  try {
    return fs.readFileSync(/* turbopackIgnore: true */ file, 'utf8').trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    fs.mkdirSync(/* turbopackIgnore: true */ path.dirname(file), { recursive: true });
    fs.writeFileSync(/* turbopackIgnore: true */ file, secret, { mode: 0o600 });
    return secret;
  }
}
