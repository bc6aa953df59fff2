import 'server-only';
import { headers } from 'next/headers';
import type { ActionResult } from '@/lib/actionResult';
import type { Caller } from '../access';
import { callerFromRequest } from '../callers';
import { asDomainError, ErrorCode, INTERNAL_ERROR_MESSAGE } from '../errors';

/**
 * The one way a server action runs a use case: the caller from this request's cookie (with
 * one request counted in the same budget as the API), the use case, and its outcome as an
 * ActionResult. Refusals keep their code; anything unexpected is logged and answered with a
 * generic INTERNAL_SERVER_ERROR, never a bare 500.
 */
export async function runAction<Data extends object>(runUseCase: (caller: Caller) => Promise<Data>): Promise<ActionResult<Data>> {
  try {
    const caller = await callerFromRequest(await incomingRequest());
    return { ok: true, ...(await runUseCase(caller)) };
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    const domain = asDomainError(error);
    if (domain) return { ok: false, code: domain.code, message: domain.message, ...(domain.field && { field: domain.field }) };
    console.error('Server action failed:', error);
    return { ok: false, code: ErrorCode.INTERNAL_SERVER_ERROR, message: INTERNAL_ERROR_MESSAGE };
  }
}

/** The action's request as the viewer resolver reads it: only its headers matter. */
async function incomingRequest(): Promise<Request> {
  const incoming = await headers();
  const host = incoming.get('x-forwarded-host') ?? incoming.get('host') ?? 'localhost';
  return new Request(`http://${host}/`, { headers: new Headers(incoming) });
}

/** redirect() and notFound() throw errors Next.js must see. */
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' && (digest.startsWith('NEXT_REDIRECT') || digest.startsWith('NEXT_HTTP_ERROR_FALLBACK') || digest === 'NEXT_NOT_FOUND');
}
