import { endAuthSessions } from '@/db/users';
import { requireViewer, type Caller } from './access';

/** Refuses every sign-in cookie of the viewer, on every device, this one included. With a token, only an ADMIN one. */
export async function signOutEverywhere(caller: Caller): Promise<void> {
  const viewer = requireViewer(caller, 'ADMIN');
  await endAuthSessions(viewer.user.id);
}
