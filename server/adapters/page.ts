import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { getSignedInUserRow, signInPath } from '@/server/auth/session';
import type { Viewer } from '@/server/auth/viewer';
import type { Caller } from '../access';
import { asDomainError, ErrorCode } from '../errors';

/*
 * The one way a page reads through a use case. A page render is not counted against the API's
 * hourly budget; the actions it offers are.
 */

/** The signed-in viewer of this request's cookie (read once per request); anyone else is sent to sign in, then back to `path`. */
export async function pageViewer(path: string): Promise<Viewer> {
  const user = await getSignedInUserRow();
  if (!user) redirect(signInPath(path));
  return { user, via: 'session' };
}

/**
 * The use case's result for the page. NOT_FOUND is the page's 404, whatever was not found:
 * another user's row reads as a missing one; so is BAD_USER_INPUT, an address with a part that
 * names nothing (a tampered cursor).
 */
export async function readForPage<Data>(viewer: Viewer, readUseCase: (caller: Caller) => Promise<Data>): Promise<Data> {
  try {
    return await readUseCase({ viewer });
  } catch (error) {
    const code = asDomainError(error)?.code;
    if (code === ErrorCode.NOT_FOUND || code === ErrorCode.BAD_USER_INPUT) notFound();
    throw error;
  }
}
