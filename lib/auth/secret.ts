import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config, ConfigError } from '@/lib/config';

export const LOCAL_SECRET_FILE = path.join('.data', 'nextauth-secret');

/**
 * The key that signs session cookies. Production requires NEXTAUTH_SECRET; elsewhere a
 * random one is generated once into .data/nextauth-secret so a newcomer configures nothing.
 */
export function getAuthSecret(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const { NEXTAUTH_SECRET, NODE_ENV } = config(env);
  if (NEXTAUTH_SECRET) return NEXTAUTH_SECRET;
  if (NODE_ENV === 'production') {
    throw new ConfigError('NEXTAUTH_SECRET is required in production: any long random string, e.g. `openssl rand -base64 32`.');
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
