'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { ProjectEventType } from '@/db/events';

const EVENT_TYPES = [
  'instruction.answered',
  'session.started',
  'session.restored',
  'session.renamed',
  'session.deleted',
  'project.renamed',
  // A reply a model writes: shown once it starts (its text then streams in StreamingReply), and when it ends.
  'reply.started',
  'reply.finished',
] as const satisfies readonly ProjectEventType[];

/** Bursts of events (an instruction and its reply) cause one re-render, not several. */
const REFRESH_DELAY_MS = 150;

/**
 * Keeps the page in step with the owner's other devices: whatever changes in the project
 * there re-renders this page from the server. EventSource reconnects and resumes by itself.
 */
export function ProjectLiveUpdates({ projectId }: { projectId: string }) {
  const router = useRouter();

  useEffect(() => {
    const events = new EventSource(`/api/projects/${projectId}/events`);
    let pending: ReturnType<typeof setTimeout> | undefined;
    const refreshSoon = () => {
      clearTimeout(pending);
      pending = setTimeout(() => router.refresh(), REFRESH_DELAY_MS);
    };
    for (const type of EVENT_TYPES) events.addEventListener(type, refreshSoon);
    return () => {
      clearTimeout(pending);
      events.close();
    };
  }, [projectId, router]);

  return null;
}
