/** The instructions this tab sent: their own live events need no refresh here (the send already brought the page up to date). */
const sentHere = new Set<string>();

/**
 * A random id for one outgoing message, reused by its retries so the server stores it once.
 * Built from getRandomValues, which (unlike randomUUID) also exists on plain-http origins.
 */
export function newClientMessageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  sentHere.add(id);
  return id;
}

export function wasSentHere(clientMessageId: unknown): boolean {
  return typeof clientMessageId === 'string' && sentHere.has(clientMessageId);
}
