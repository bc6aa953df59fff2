import { endAuthSessions } from '@/db/users';
import { requireWebSession, type Caller } from './access';

/** Refuses every sign-in cookie of the viewer, on every device, this one included. Not with a token. */
export async function signOutEverywhere(caller: Caller): Promise<void> {
  const viewer = requireWebSession(caller, 'Signing out everywhere');
  await endAuthSessions(viewer.user.id);
}
