import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from '@/lib/security/csp';
import { isForeignOrigin } from '@/lib/security/requestOrigin';

/** Every page view gets its own CSP nonce (see lib/security/csp.ts). */
export function proxy(request: NextRequest) {
  if (isForeignServerAction(request)) return foreignOriginRefused();
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return response;
}

/**
 * A server action posted from another site. Next.js refuses it too, but with a bare 500; this
 * answers what it is. Browsers always send Origin on a cross-site POST.
 */
function isForeignServerAction(request: NextRequest): boolean {
  return request.method === 'POST' && request.headers.has('next-action') && isForeignOrigin(request.headers);
}

function foreignOriginRefused(): Response {
  return Response.json(
    { errors: [{ message: 'This request came from another site and was refused.', extensions: { code: 'FORBIDDEN' } }] },
    { status: 403 },
  );
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
