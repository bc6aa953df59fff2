import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from '@/lib/security/csp';
import { errorEnvelopeResponse } from '@/lib/http/errorEnvelope';
import { isBodyRefusal, mediaTypeOf, readBodyText } from '@/lib/http/requestBody';
import { isForeignOrigin } from '@/lib/security/requestOrigin';

/** Every page view gets its own CSP nonce (see lib/security/csp.ts). */
export async function proxy(request: NextRequest) {
  if (isServerAction(request)) {
    const refused = await refusedServerAction(request);
    if (refused) return refused;
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

function isServerAction(request: NextRequest): boolean {
  return request.method === 'POST' && request.headers.has('next-action');
}

/**
 * A server action Next.js would refuse with a bare 500, answered here with what it is: posted
 * from another site (browsers always send Origin on a cross-site POST), a body over 1 MB or not
 * in UTF-8, or arguments that are not JSON. Next.js keeps its own copy of the body for the action.
 */
async function refusedServerAction(request: NextRequest): Promise<Response | null> {
  if (isForeignOrigin(request.headers)) return errorEnvelopeResponse(403, 'FORBIDDEN', 'This request came from another site and was refused.');
  const body = await readBodyText(request.clone());
  if (isBodyRefusal(body)) return errorEnvelopeResponse(body.status, body.code, body.message);
  // The client sends an action's arguments as JSON text, or as multipart form data when a form posts them.
  if (mediaTypeOf(request.headers.get('content-type')) === 'text/plain' && !isJson(body)) {
    return errorEnvelopeResponse(400, 'BAD_REQUEST', "The action's arguments are not valid JSON.");
  }
  return null;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export const config = {
  // Pages only: not API routes, build assets or the icon.
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
