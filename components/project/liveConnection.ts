'use client';

import { useSyncExternalStore } from 'react';

/**
 * The state of the page's live-updates stream, shared between the component that owns the
 * EventSource (ProjectLiveUpdates) and those that show it (the panel's status, the banner).
 * - connecting: the page has not heard from the server yet
 * - connected: the stream is open
 * - reconnecting: it dropped and is being retried; short blips stay here
 * - offline: still down after OFFLINE_AFTER_MS, or the browser itself is offline
 */
export type LiveConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

let state: LiveConnectionState = 'connecting';
const listeners = new Set<() => void>();

export function setLiveConnectionState(next: LiveConnectionState): void {
  if (next === state) return;
  state = next;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLiveConnectionState(): LiveConnectionState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => 'connecting',
  );
}
