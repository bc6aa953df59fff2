import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { TimeZoneCookie } from '@/components/app-shell/TimeZoneCookie';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'CoDirector', template: '%s · CoDirector' },
  description: 'Edit your video by talking to CoDirector.',
};

export const viewport: Viewport = {
  themeColor: '#0b0d12',
  colorScheme: 'dark',
  // The on-screen keyboard shrinks the layout, so the composer (pinned with dvh) stays above it.
  interactiveWidget: 'resizes-content',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
        <TimeZoneCookie />
      </body>
    </html>
  );
}
