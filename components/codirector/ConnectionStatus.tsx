'use client';

import { useLiveConnectionState, type LiveConnectionState } from '@/components/project/liveConnection';
import { useHydrated } from '@/components/ui/useHydrated';
import styles from './CoDirectorPanel.module.css';

const LABELS: Record<LiveConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** The live stream's state beside the panel's name: a dot (colour and shape) and a word. */
export function ConnectionStatus() {
  const state = useLiveConnectionState();
  // Without JavaScript there is no live stream to report on.
  if (!useHydrated()) return null;
  return (
    <span className={styles.connection} data-state={state} data-testid="connection-state">
      <span className={styles.connectionDot} aria-hidden="true" />
      {LABELS[state]}
    </span>
  );
}

/** Under the toolbar while offline; a live region, so the change is announced. */
export function OfflineBanner() {
  const state = useLiveConnectionState();
  return (
    <div role="status" className={styles.bannerSlot}>
      {state === 'offline' && (
        <p className={styles.banner}>You’re offline. CoDirector reconnects by itself; your draft stays here, and a message that fails can be retried.</p>
      )}
    </div>
  );
}
