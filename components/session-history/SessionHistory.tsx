'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { ClockIcon } from '@/components/ui/icons';
import { ProgressiveButton } from '@/components/ui/ProgressiveButton';
import { takeHistoryButtonFocus } from './SessionAddress';
import { SessionHistoryDrawer } from './SessionHistoryDrawer';
import type { SessionHistoryActions, SessionHistoryPage } from './types';

interface SessionHistoryProps {
  /** The project page's path; without JavaScript the drawer opens and pages through links to it. */
  projectPath: string;
  currentSessionId: string | null;
  firstPage: SessionHistoryPage;
  totalCount: number;
  initiallyOpen: boolean;
  /** The server rendered a later page (a Show More link followed without JavaScript). */
  showingOlder: boolean;
  actions: SessionHistoryActions;
}

const DRAWER_ID = 'session-history';

/** The toolbar's Session History button and the drawer it opens over the panel. */
export function SessionHistory({ initiallyOpen, ...drawerProps }: SessionHistoryProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const toggle = useRef<HTMLButtonElement>(null);

  // Closing from inside (Escape, Close, a restore) gives focus back to the button; a click elsewhere keeps it there.
  useEffect(() => {
    if (takeHistoryButtonFocus()) toggle.current?.focus();
  }, []);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) toggle.current?.focus();
  }, []);

  return (
    <>
      <ProgressiveButton
        ref={toggle}
        href={`${drawerProps.projectPath}?history=open`}
        className="icon-button"
        aria-label="Session history"
        data-tooltip="Session history"
        aria-expanded={open}
        aria-controls={open ? DRAWER_ID : undefined}
        onClick={() => (open ? close(true) : setOpen(true))}
      >
        <ClockIcon />
      </ProgressiveButton>
      {open && <SessionHistoryDrawer id={DRAWER_ID} onClose={close} toggle={toggle} {...drawerProps} />}
    </>
  );
}
