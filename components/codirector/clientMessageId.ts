/**
 * A random id for one outgoing message, reused by its retries so the server stores it once.
 * Built from getRandomValues, which (unlike randomUUID) also exists on plain-http origins.
 */
export function newClientMessageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
