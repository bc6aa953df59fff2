/**
 * What every entry point that reads a request body refuses before parsing it: more than
 * MAX_BODY_BYTES (413), and text in a charset other than UTF-8 (415), which would otherwise be
 * read as UTF-8 and mean something else than the client sent.
 */

export const MAX_BODY_BYTES = 1024 * 1024;

export interface BodyRefusal {
  status: 413 | 415;
  code: 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE';
  message: string;
}

/** The media type without parameters, lower-cased: `application/json` of `Application/JSON; charset=utf-8`. */
export function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** A declared charset other than UTF-8; none declared means UTF-8 (JSON's and our forms' default). */
export function unsupportedCharset(contentType: string | null): BodyRefusal | null {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1].toLowerCase();
  if (charset === undefined || charset === 'utf-8' || charset === 'utf8') return null;
  return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `Send the body as UTF-8 (this one says charset=${charset}).` };
}

export function payloadTooLarge(maxBytes = MAX_BODY_BYTES): BodyRefusal {
  return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `The request body is larger than ${maxBytes} bytes.` };
}

/**
 * The body as UTF-8 text, or a refusal: by Content-Length when it is declared, else by counting
 * the stream (chunked bodies declare none), so an oversized body is never held whole.
 */
export async function readBodyText(request: Request, maxBytes = MAX_BODY_BYTES): Promise<string | BodyRefusal> {
  const charset = unsupportedCharset(request.headers.get('content-type'));
  if (charset) return charset;
  if (!request.body) return '';
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return payloadTooLarge(maxBytes);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function isBodyRefusal(value: unknown): value is BodyRefusal {
  return typeof value === 'object' && value !== null && 'code' in value && 'status' in value;
}
