'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { ActionResult } from '@/lib/actionResult';

/** `/projects/<id>/sessions/<session id>`: the address of a session of a project. */
export const sessionPath = (projectPath: string, sessionId: string) => `${projectPath}/sessions/${sessionId}`;

/**
 * Set before the drawer navigates to a restored session's address: the page there mounts a new
 * toolbar, and focus goes back to its Session History button as it would have without the move.
 */
let historyButtonFocusPending = false;
export function focusHistoryButtonAfterNavigation(): void {
  historyButtonFocusPending = true;
}
export function takeHistoryButtonFocus(): boolean {
  const pending = historyButtonFocusPending;
  historyButtonFocusPending = false;
  return pending;
}

function addressedSession(projectPath: string): string | null {
  const prefix = `${projectPath}/sessions/`;
  return window.location.pathname.startsWith(prefix) ? decodeURIComponent(window.location.pathname.slice(prefix.length)) : null;
}

/**
 * Keeps the address and the current session together. On a session's address, a switch made
 * here or elsewhere (New Session, another device) replaces the address with the new current
 * session's; Back and Forward to a session's address make that session current again.
 */
export function SessionAddress({
  projectPath,
  currentSessionId,
  restoreSession,
}: {
  projectPath: string;
  currentSessionId: string | null;
  restoreSession: (sessionId: string) => Promise<ActionResult>;
}) {
  const router = useRouter();

  useEffect(() => {
    const addressed = addressedSession(projectPath);
    if (addressed === null || addressed === currentSessionId) return;
    window.history.replaceState(window.history.state, '', currentSessionId ? sessionPath(projectPath, currentSessionId) : projectPath);
  }, [projectPath, currentSessionId]);

  useEffect(() => {
    async function restoreAddressed() {
      const addressed = addressedSession(projectPath);
      if (addressed === null) return;
      const result = await restoreSession(addressed).catch(() => null);
      if (result?.ok) router.refresh();
    }
    // restoreAddressed cannot reject: a failed restore leaves the page as it is.
    const onPopState = () => void restoreAddressed();
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, [projectPath, restoreSession, router]);

  return null;
}
